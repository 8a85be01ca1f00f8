package kz.aifc.notification.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.notification.escalation.EscalationPolicy;
import kz.aifc.testing.LocalStackResource;

/**
 * The escalation clock's scans read only the alerts still due: each is answered from its partial index (V9), whose
 * predicate leaves out what was escalated for the reason, so a round does not grow with the alerts escalated before
 * it. Alerts already escalated are stored in bulk (as a desk that has run for months holds them) beside a few due.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
class ClockScanFlowTest {

    /** Far ahead, so the scheduled clock of the running service, which scans up to now, leaves these alone. */
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    @Inject
    AlertStore store;

    @Inject
    DataSource db;

    @Test
    void shouldFindTheAlertsDueBehindThousandsEscalatedBeforeThemFromEachReasonsIndex() throws SQLException {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        // 3,000 CRITICAL alerts nobody acknowledged, all escalated for every reason, first seen and due before the
        // two still due for each reason.
        insert(firm, "old", 3_000, FAR, "{CRITICAL_UNACKNOWLEDGED,DEADLINE_NEAR,DEADLINE_PASSED}");
        insert(firm, "due", 2, FAR.plus(1, ChronoUnit.DAYS), "{}");
        Instant from = FAR.minus(1, ChronoUnit.DAYS);
        Instant cut = FAR.plus(2, ChronoUnit.DAYS);
        try {
            scan(firm, from, cut);
        } finally {
            try (Connection c = db.getConnection();
                    PreparedStatement s = c.prepareStatement("delete from alert where firm_id = ?")) {
                s.setString(1, firm);
                s.executeUpdate();
            }
        }
    }

    private void scan(String firm, Instant from, Instant cut) throws SQLException {

        List<String> unacknowledged = QuarkusTransaction.requiringNew()
                .call(() -> store.criticalUnacknowledgedSince(cut, 10));
        List<String> near = QuarkusTransaction.requiringNew()
                .call(() -> store.deadlineBetween(from, cut, EscalationPolicy.DEADLINE_NEAR, 10));
        List<String> passed = QuarkusTransaction.requiringNew()
                .call(() -> store.deadlineBetween(from, cut, EscalationPolicy.DEADLINE_PASSED, 10));
        List<String> due = List.of(firm + "-due-0", firm + "-due-1");
        assertThat(unacknowledged).containsAll(due).noneMatch(id -> id.startsWith(firm + "-old-"));
        assertThat(near).containsAll(due).noneMatch(id -> id.startsWith(firm + "-old-"));
        assertThat(passed).containsAll(due).noneMatch(id -> id.startsWith(firm + "-old-"));

        // Each scan from its reason's index, whatever the planner would choose on a table this small: with
        // sequential scans priced out, a scan whose predicate did not match its index would still show one.
        assertThat(plan(AlertStore.UNACKNOWLEDGED_SINCE, cut))
                .contains("alert_clock_unacknowledged").doesNotContain("Seq Scan on alert ");
        assertThat(plan(AlertStore.DEADLINE_BETWEEN.formatted(EscalationPolicy.DEADLINE_NEAR), from, cut))
                .contains("alert_clock_deadline_near")
                .doesNotContain("Seq Scan on alert ");
        assertThat(plan(AlertStore.DEADLINE_BETWEEN.formatted(EscalationPolicy.DEADLINE_PASSED), from, cut))
                .contains("alert_clock_deadline_passed")
                .doesNotContain("Seq Scan on alert ");
    }

    /** {@code count} OPEN CRITICAL alerts of the firm, first seen and due at {@code at}, escalated for {@code reasons}. */
    private void insert(String firm, String prefix, int count, Instant at, String reasons) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into alert (alert_id, firm_id, duty, rule_id, rulebook_version, severity, severity_rank, title,
                                   detail, evidence, caused_by, links, detected_at, regulatory_deadline, status,
                                   first_seen_at, updated_at, escalated_for)
                select ? || '-' || ? || '-' || i, ?, 'CAPITAL', 'CAP-001', 'test', 'CRITICAL', 0, 't', 'd', '{}',
                       '[]', '{}', ?, ?, 'OPEN', ?, ?, ?::text[]
                from generate_series(0, ? - 1) i""")) {
            Timestamp t = Timestamp.from(at);
            s.setString(1, firm);
            s.setString(2, prefix);
            s.setString(3, firm);
            s.setTimestamp(4, t);
            s.setTimestamp(5, t);
            s.setTimestamp(6, t);
            s.setTimestamp(7, t);
            s.setString(8, reasons);
            s.setInt(9, count);
            s.executeUpdate();
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("analyze alert");
        }
    }

    /** The plan PostgreSQL makes for {@code sql} with these parameters (and the limit), sequential scans priced out. */
    private String plan(String sql, Instant... times) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local enable_seqscan = off");
            }
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement q = c.prepareStatement("explain " + sql)) {
                int i = 1;
                for (Instant time : times) {
                    q.setTimestamp(i++, Timestamp.from(time));
                }
                q.setInt(i, 10);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
            } finally {
                c.rollback();
            }
            return plan.toString();
        }
    }
}
