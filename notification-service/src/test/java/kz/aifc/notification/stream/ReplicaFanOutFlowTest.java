package kz.aifc.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.notification.AlertEvents;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

/**
 * Live updates across replicas, with this process as one replica and plain SQL on the same database as "another
 * replica": a change committed elsewhere with its NOTIFY reaches this process's SSE listeners; one rolled back does
 * not; this process's own changes reach them once, though it hears its own NOTIFY too; a listener connection that is
 * killed comes back. The two-process proof on the packaged service is e2e's {@code NotificationReplicasIT}.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
class ReplicaFanOutFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/alerts/stream")
    URI stream;

    @Inject
    DataSource dataSource;

    @Inject
    ReplicaFanOut fanOut;

    @Test
    void shouldSendEachOwnChangeOnceAndEachCommittedChangeOfAnotherReplica() throws Exception {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String alertId = AlertEvents.newAlertId("CAP-001", firm);
        try (SseClient co = SseClient.open(stream, TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm))) {
            assertThat(co.next(e -> e.name().equals("ready"), WAIT)).isNotNull();
            await().atMost(WAIT).until(fanOut::listening);

            AlertEvents.raise(alertId, firm, "HIGH");
            assertThat(co.next(e -> e.data().contains(alertId), WAIT)).as("the raise").isNotNull();
            assertThat(co.next(e -> e.data().contains(alertId), Duration.ofSeconds(3)))
                    .as("no second copy of the raise from this process's own NOTIFY").isNull();

            // Another replica acknowledges it but its transaction rolls back: nothing may reach the stream.
            otherReplica(alertId, "mlro@rolled-back", false);
            assertThat(co.next(e -> e.data().contains(alertId), Duration.ofSeconds(3)))
                    .as("a rolled-back change is never announced").isNull();

            // Another replica acknowledges it and commits.
            otherReplica(alertId, "mlro@other-replica", true);
            SseClient.Event acked = co.next(e -> e.data().contains(alertId), WAIT);
            assertThat(acked).as("the other replica's change").isNotNull();
            assertThat(acked.data()).contains("\"change\":\"ACKNOWLEDGED\"").contains("mlro@other-replica")
                    .doesNotContain("rolled-back");
            assertThat(co.next(e -> e.data().contains(alertId), Duration.ofSeconds(2))).as("once").isNull();
        }
    }

    @Test
    void shouldListenAgainWhenTheListenerConnectionIsKilled() throws Exception {
        await().atMost(WAIT).until(fanOut::listening);
        List<Integer> killed = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("""
                select pid, pg_terminate_backend(pid) from pg_stat_activity
                where datname = current_database() and query = 'LISTEN aifc_alert_changed'""");
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                killed.add(rs.getInt(1));
            }
        }
        assertThat(killed).as("this process's listener connection").isNotEmpty();
        await().atMost(WAIT).until(() -> !fanOut.listening() || !killed.contains(listenerPid()));
        await().atMost(WAIT).until(fanOut::listening);

        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String alertId = AlertEvents.newAlertId("CAP-001", firm);
        try (SseClient co = SseClient.open(stream, TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm))) {
            assertThat(co.next(e -> e.name().equals("ready"), WAIT)).isNotNull();
            AlertEvents.raise(alertId, firm, "HIGH");
            assertThat(co.next(e -> e.data().contains(alertId), WAIT)).isNotNull();
            otherReplica(alertId, "mlro@after-reconnect", true);
            assertThat(co.next(e -> e.data().contains("mlro@after-reconnect"), WAIT))
                    .as("another replica's change heard on the new listener connection").isNotNull();
        }
    }

    /** What another replica does when it acknowledges an alert: the change and its NOTIFY in one transaction. */
    private void otherReplica(String alertId, String by, boolean commit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long version;
            try (PreparedStatement u = c.prepareStatement("""
                    update alert set status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = now(),
                    version = version + 1, updated_at = now() where alert_id = ? returning version""")) {
                u.setString(1, by);
                u.setString(2, alertId);
                try (ResultSet rs = u.executeQuery()) {
                    rs.next();
                    version = rs.getLong(1);
                }
            }
            try (PreparedStatement n = c.prepareStatement("select pg_notify(?, ?)")) {
                n.setString(1, ReplicaFanOut.CHANNEL);
                n.setString(2, "{\"o\":\"another-replica\",\"a\":\"" + alertId + "\",\"v\":" + version
                        + ",\"c\":\"ACKNOWLEDGED\",\"t\":\"" + OffsetDateTime.now(ZoneId.of("Asia/Almaty")) + "\"}");
                n.execute();
            }
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
        }
    }

    private Integer listenerPid() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("""
                select pid from pg_stat_activity where datname = current_database()
                and query = 'LISTEN aifc_alert_changed'"""); ResultSet rs = q.executeQuery()) {
            return rs.next() ? rs.getInt(1) : null;
        }
    }
}
