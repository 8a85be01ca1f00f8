package kz.aifc.aml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import kz.aifc.aml.rules.AlertIds;
import kz.aifc.aml.rules.TxBuilder;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.AlertResolved;
import kz.aifc.contract.v1.ScreenedTransaction;
import kz.aifc.testing.IngestFlow;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestKafka;

/** Steps the aml flow tests share: feed a firm's screened transaction, read the test database, await an alert. */
public final class Flows {

    public static final Duration WAIT = Duration.ofSeconds(45);

    private Flows() {
    }

    /**
     * The opaque alert id the running service gives the breach with this natural key ({@code <ruleId>:<firm>:...}):
     * the service's own {@link AlertIds} under the key the test profile configures.
     */
    public static String alertId(String naturalKey) {
        AlertIds ids = new AlertIds(ConfigProvider.getConfig().getValue("aifc.aml.alert-id-key", String.class));
        return ids.of(naturalKey.substring(0, naturalKey.indexOf(':')), naturalKey);
    }

    /** Sends the transaction on the run's screened-transactions topic, keyed by its firm. */
    public static CloudEvent<ScreenedTransaction> send(TxBuilder b) {
        CloudEvent<ScreenedTransaction> e = CloudEvent.of(IngestFlow.SOURCE, EventTypes.TRANSACTION_SCREENED, b.firmId,
                b.build());
        TestKafka.send(LocalStackResource.topic(Topics.TRANSACTIONS_SCREENED), b.firmId, e);
        return e;
    }

    /** The first column of the first row, or null when there is none. */
    public static Object value(DataSource db, String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(DataSource db, String sql, Object... params) {
        return ((Number) value(db, sql, params)).longValue();
    }

    /** Waits until the alert is in {@code status} (OPEN or RESOLVED) in the service's alert book. */
    public static void awaitAlert(DataSource db, String alertId, String status) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(
                value(db, "select status from alert_state where alert_id = ?", alertId)).as(alertId).isEqualTo(status));
    }

    /** The {@code alert.resolved.v1} the service published for an alert. */
    public static AlertResolved publishedResolution(String alertId) {
        List<ConsumerRecord<String, byte[]>> found = TestKafka.await(LocalStackResource.topic(Topics.COMPLIANCE_ALERTS),
                1, WAIT, r -> EventTypes.ALERT_RESOLVED.equals(TestKafka.header(r, "ce_type"))
                        && new String(r.value(), StandardCharsets.UTF_8).contains("\"" + alertId + "\""));
        assertThat(found).as("alert.resolved for %s", alertId).isNotEmpty();
        return CloudEventCodec.readPayload(found.get(0).value(), AlertResolved.class);
    }
}
