package kz.aifc.notification.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.notification.escalation.EscalationPolicy;
import kz.aifc.testing.LocalStackResource;

/**
 * The escalation clock's three scans over a desk that has run for a long time: {@code bench.alerts} alerts (default
 * 500,000) raised ten seconds apart, 30% of them resolved, 3 in 14 CRITICAL with a deadline a day after they were raised,
 * nobody acknowledging them, and, as the clock would have left them, escalated for every reason that was due:
 * not acknowledged after 30 minutes, deadline within 24 hours, deadline passed. Each scan then runs
 * {@code bench.repeats} times (default 20) as a round would, at the newest alert's time, and the median and the
 * slowest are printed and written to {@code target/clock-scans.txt}. The alerts lie far in the future, so the service's
 * own clock leaves them alone; they are deleted at the end. Run:
 * {@code ./mvnw -B -ntp test -pl contract,platform,notification-service -Dbench=true -Dtest=ClockScanBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (PostgreSQL and the broker up: {@code deploy/local/postgres.sh ensure},
 * {@code deploy/local/kafka.sh start}).
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ClockScanBenchmark {

    private static final Instant NEWEST = Instant.parse("2100-01-01T00:00:00Z");
    private static final int ROUND = 200;

    @Inject
    AlertStore store;

    @Inject
    DataSource db;

    @Test
    void scansOfALongRunningDesk() throws Exception {
        int alerts = Integer.getInteger("bench.alerts", 500_000);
        int repeats = Integer.getInteger("bench.repeats", 20);
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        long loadStarted = System.nanoTime();
        load(firm, alerts);
        long loadMs = Duration.ofNanos(System.nanoTime() - loadStarted).toMillis();
        try {
            Instant now = NEWEST;
            StringBuilder out = new StringBuilder(String.format("alerts %d, loaded in %d ms; %d rounds each%n",
                    alerts, loadMs, repeats));
            out.append(time("ESC-001 not acknowledged", repeats,
                    () -> store.criticalUnacknowledgedSince(now.minus(Duration.ofMinutes(30)), ROUND)));
            out.append(time("ESC-003 deadline passed", repeats,
                    () -> store.deadlineBetween(Instant.EPOCH, now, EscalationPolicy.DEADLINE_PASSED, ROUND)));
            out.append(time("ESC-002 deadline near", repeats,
                    () -> store.deadlineBetween(now, now.plus(Duration.ofHours(24)), EscalationPolicy.DEADLINE_NEAR,
                            ROUND)));
            System.out.print(out);
            Files.writeString(Path.of("target/clock-scans.txt"), out, StandardCharsets.UTF_8);
        } finally {
            try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                    "delete from alert where firm_id = ?")) {
                s.setString(1, firm);
                s.executeUpdate();
            }
        }
    }

    private static String time(String scan, int repeats, Supplier<List<String>> round) {
        List<Long> micros = new ArrayList<>();
        int found = 0;
        for (int i = 0; i < repeats; i++) {
            long started = System.nanoTime();
            found = QuarkusTransaction.requiringNew().call(round::get).size();
            micros.add((System.nanoTime() - started) / 1_000);
        }
        assertThat(found).as(scan + ": alerts found due").isLessThanOrEqualTo(ROUND);
        Collections.sort(micros);
        return String.format("%-26s median %8.2f ms, slowest %8.2f ms (%d due)%n", scan,
                micros.get(micros.size() / 2) / 1000.0, micros.get(micros.size() - 1) / 1000.0, found);
    }

    /** The alerts and the escalations a clock would have recorded, newest at {@link #NEWEST}. */
    private void load(String firm, int alerts) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("""
                    insert into alert (alert_id, firm_id, duty, rule_id, rulebook_version, severity, severity_rank,
                                       title, detail, evidence, caused_by, links, detected_at, regulatory_deadline,
                                       deadline_basis, status, first_seen_at, updated_at, resolved_by, resolved_at)
                    select ? || '-' || i, ?, 'AML', 'AML-00' || (i % 7), 'bench',
                           case when i % 14 < 3 then 'CRITICAL' when i % 14 < 9 then 'HIGH' else 'MEDIUM' end,
                           case when i % 14 < 3 then 0 when i % 14 < 9 then 1 else 2 end,
                           'An alert', repeat('detail ', 20), '{"amountUsd": "12000.00"}', '["urn:bench"]', '{}',
                           at, case when i % 14 < 3 then at + interval '1 day' end,
                           case when i % 14 < 3 then 'Notify AFSA within 1 business day' end,
                           case when i % 10 < 3 then 'RESOLVED' else 'OPEN' end, at, at,
                           case when i % 10 < 3 then 'bench' end, case when i % 10 < 3 then at + interval '1 hour' end
                    from (select i, ?::timestamptz - i * interval '10 seconds' as at
                          from generate_series(1, ?) i) s""")) {
                s.setString(1, firm);
                s.setString(2, firm);
                s.setTimestamp(3, Timestamp.from(NEWEST));
                s.setInt(4, alerts);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    with due as (
                        select a.alert_id, r.reason
                        from alert a
                        cross join unnest(array['CRITICAL_UNACKNOWLEDGED', 'DEADLINE_NEAR', 'DEADLINE_PASSED']) r(reason)
                        where a.firm_id = ? and a.status = 'OPEN' and a.severity = 'CRITICAL'
                          and a.first_seen_at < ?::timestamptz - interval '30 minutes'
                          and (r.reason = 'CRITICAL_UNACKNOWLEDGED'
                               or (r.reason = 'DEADLINE_NEAR'
                                   and a.regulatory_deadline < ?::timestamptz + interval '24 hours')
                               or (r.reason = 'DEADLINE_PASSED' and a.regulatory_deadline < ?::timestamptz))),
                    recorded as (
                        insert into alert_escalation (alert_id, reason, escalated_at, detail)
                        select alert_id, reason, ?::timestamptz, 'bench' from due)
                    update alert a set escalated_for = d.reasons
                    from (select alert_id, array_agg(reason order by reason) as reasons from due group by 1) d
                    where a.alert_id = d.alert_id""")) {
                Timestamp newest = Timestamp.from(NEWEST);
                s.setString(1, firm);
                for (int i = 2; i <= 5; i++) {
                    s.setTimestamp(i, newest);
                }
                s.executeUpdate();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("vacuum analyze alert");
                s.execute("vacuum analyze alert_escalation");
            }
        }
    }
}
