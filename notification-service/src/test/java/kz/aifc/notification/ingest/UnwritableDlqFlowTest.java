package kz.aifc.notification.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.notification.AlertEvents;
import kz.aifc.testing.IngestFlow;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestKafka;

/**
 * A refused alert that cannot be parked (the DLQ cannot be written) loses nothing: the desk's consumer stops with that
 * poll's offsets uncommitted, so a restart reads it again, and readiness says why.
 */
@QuarkusTest
@TestProfile(UnwritableDlqFlowTest.UnwritableDlq.class)
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
class UnwritableDlqFlowTest {

    /** A DLQ topic the broker refuses (its name is not a legal topic name). */
    public static class UnwritableDlq implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aifc.notification.alerts.dlq-topic", "no such topic!");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource db;

    @ConfigProperty(name = "aifc.notification.alerts.group-id")
    String groupId;

    @Test
    void shouldStopWithTheRefusedAlertsPollUncommittedAndSayWhyWhenTheDlqCannotBeWritten() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String alertId = AlertEvents.newAlertId("CAP-001", firm);
        IngestFlow.awaitApplied(db, IngestFlow.SOURCE + "/" + AlertEvents.raise(alertId, firm, "HIGH"));

        String bad = AlertEvents.raised(AlertEvents.newAlertId("CAP-001", firm), firm, "CAPITAL", "APOCALYPTIC", "x",
                null, null);
        String badId = AlertEvents.send(EventTypes.ALERT_RAISED, firm, bad);

        JsonPath ready = await().atMost(WAIT).until(
                () -> given().get("/q/health/ready").then().extract().jsonPath(),
                h -> "DOWN".equals(h.getString("checks.find { it.name == 'notification-alerts-consumer' }.status")));
        given().get("/q/health/ready").then().statusCode(503);
        String reason = ready.getString("checks.find { it.name == 'notification-alerts-consumer' }.data.reason");
        assertThat(reason).contains("cannot park records on no such topic!").contains("offsets uncommitted")
                .doesNotContain("Exception");
        assertThat(IngestFlow.count(db, IngestFlow.SOURCE + "/" + badId)).as("the refused alert claimed nothing")
                .isZero();

        String topic = LocalStackResource.topic(Topics.COMPLIANCE_ALERTS);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic,
                    TestKafka.partition(firm, reader.partitionsFor(topic).size()));
            OffsetAndMetadata committed = reader.committed(Set.of(partition)).get(partition);
            long end = reader.endOffsets(Set.of(partition)).get(partition);
            assertThat(committed).as("the alert before it was committed").isNotNull();
            assertThat(committed.offset()).as("the refused alert, last on its partition, left for a restart to read")
                    .isEqualTo(end - 1);
        }
    }
}
