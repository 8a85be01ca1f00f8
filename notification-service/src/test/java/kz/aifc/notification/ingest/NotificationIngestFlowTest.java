package kz.aifc.notification.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.notification.AlertEvents;
import kz.aifc.notification.stream.SseClient;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.IngestFlow;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.PlatformEndpointsContract;
import kz.aifc.testing.TestKafka;
import kz.aifc.testing.TestTokens;

@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
class NotificationIngestFlowTest extends PlatformEndpointsContract {

    private static final String RAISED = """
            {"alertId":"CAP-001:F-0001:2026-11-20","firmId":"F-0001","duty":"CAPITAL","ruleId":"CAP-001",
             "rulebookVersion":"2026.1","citation":"AIFC PRU(INV) 6.5; DAA 3.2","severity":"CRITICAL",
             "title":"Capital resources below requirement",
             "detail":"Capital resources USD 240,000.00 are below the requirement of USD 250,000.00 (96.0%).",
             "evidence":{"capitalResources":"240000.00","requirement":"250000.00"},
             "causedBy":["urn:firm/1"],"detectedAt":"2026-11-20T17:00:03+05:00",
             "regulatoryDeadline":"2026-11-23T18:00:00+05:00",
             "deadlineBasis":"Notify AFSA within 1 business day (PRU(INV) 6.5)",
             "links":{"report":"/firms/F-0001/reports/capital-breach-notice/CAP-001:F-0001:2026-11-20"}}""";

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource db;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "aifc.notification.alerts.group-id")
    String groupId;

    @TestHTTPResource("/alerts/stream")
    URI stream;

    NotificationIngestFlowTest() {
        super("notification-service");
    }

    @Test
    void shouldReportTheAlertsConsumerInReadinessWithItsTopicAndPartitions() {
        String firm = newFirm();
        IngestFlow.awaitApplied(db, IngestFlow.SOURCE + "/" + AlertEvents.raise(AlertEvents.newAlertId("CAP-001", firm),
                firm, "HIGH"));

        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'notification-alerts-consumer' }.status",
                        org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'notification-alerts-consumer' }.data.topic",
                        org.hamcrest.Matchers.startsWith(Topics.COMPLIANCE_ALERTS))
                .body("checks.find { it.name == 'notification-alerts-consumer' }.data.partitions",
                        org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void shouldApplyEveryAlertOnceWhenAnotherMemberJoinsTheGroupReadsWithoutCommittingAndLeaves() {
        String firm = newFirm();
        List<String> before = IntStream.range(0, 10).mapToObj(i -> AlertEvents.raise(
                AlertEvents.newAlertId("CAP-001", firm), firm, "HIGH")).toList();
        before.forEach(id -> IngestFlow.awaitApplied(db, IngestFlow.SOURCE + "/" + id));

        List<String> during = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> member = secondMember()) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (member.assignment().isEmpty() && System.nanoTime() < deadline) {
                member.poll(Duration.ofMillis(200));
            }
            assertThat(member.assignment()).as("the second member was given partitions").isNotEmpty();
            // Sent while the partitions are split: this member reads some of them and commits nothing.
            for (int i = 0; i < 10; i++) {
                during.add(AlertEvents.raise(AlertEvents.newAlertId("CAP-001", firm), firm, "HIGH"));
            }
            long readUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < readUntil) {
                member.poll(Duration.ofMillis(200));
            }
        }
        during.forEach(id -> IngestFlow.awaitApplied(db, IngestFlow.SOURCE + "/" + id));

        assertThat(raisedAudited(firm)).as("each of the 20 alerts raised and audited once").isEqualTo(20);
        for (String id : during) {
            assertThat(IngestFlow.count(db, IngestFlow.SOURCE + "/" + id)).as("event %s applied once", id).isEqualTo(1);
        }
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'notification-alerts-consumer' }.status",
                        org.hamcrest.Matchers.equalTo("UP"));
    }

    @Test
    void shouldFinishAndCommitThePollInHandBeforeItsPartitionsGoToANewMember() throws Exception {
        String firm = newFirm();
        String alertId = AlertEvents.newAlertId("CAP-001", firm);
        IngestFlow.awaitApplied(db, IngestFlow.SOURCE + "/" + AlertEvents.raise(alertId, firm, "HIGH"));
        String topic = LocalStackResource.topic(Topics.COMPLIANCE_ALERTS);

        String resolution;
        try (Connection officer = db.getConnection()) {
            // A row lock held elsewhere (as a person acting on the alert holds it) keeps the desk's poll applying.
            officer.setAutoCommit(false);
            try (PreparedStatement lock = officer.prepareStatement("select 1 from alert where alert_id = ? for update")) {
                lock.setString(1, alertId);
                lock.executeQuery().close();
            }
            resolution = AlertEvents.send(EventTypes.ALERT_RESOLVED, firm,
                    AlertEvents.resolved(alertId, firm, "Later snapshot restores capital"));
            await().atMost(WAIT).until(() -> IngestFlow.count(db, "select count(*) from pg_stat_activity"
                    + " where wait_event_type = 'Lock' and query like '%from alert%for%update%'", List.of()) > 0);
            Thread.sleep(1_500); // past the consumer's one-second check-in, where it learns of a rebalance

            try (KafkaConsumer<String, byte[]> member = new KafkaConsumer<>(memberConfig(),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                member.subscribe(List.of(topic));
                // Longer than a heartbeat (3 s, when the desk's consumer hears of the rebalance) and a check-in (1 s).
                long holdUntil = System.nanoTime() + Duration.ofSeconds(6).toNanos();
                while (System.nanoTime() < holdUntil) {
                    member.poll(Duration.ofMillis(200));
                }
                assertThat(member.assignment()).as("no partitions handed over while the poll in hand is applying")
                        .isEmpty();

                officer.rollback();
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (member.assignment().isEmpty() && System.nanoTime() < deadline) {
                    member.poll(Duration.ofMillis(200));
                }
                assertThat(member.assignment()).as("the new member was given partitions").isNotEmpty();
                TopicPartition partition = new TopicPartition(topic,
                        TestKafka.partition(firm, member.partitionsFor(topic).size()));
                OffsetAndMetadata committed = member.committed(Set.of(partition)).get(partition);
                assertThat(committed).as("the group's offset of the resolution's partition").isNotNull();
                assertThat(committed.offset()).as("committed past the poll in hand before the hand-over")
                        .isEqualTo(member.endOffsets(Set.of(partition)).get(partition));
            }
        }
        IngestFlow.awaitApplied(db, IngestFlow.SOURCE + "/" + resolution);
        assertThat(status(alertId)).isEqualTo("RESOLVED");
        assertThat(audited(alertId)).containsExactly("alert.raised", "alert.resolved");
        assertThat(IngestFlow.count(db, IngestFlow.SOURCE + "/" + resolution)).as("applied once").isEqualTo(1);
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'notification-alerts-consumer' }.status",
                        org.hamcrest.Matchers.equalTo("UP"));
    }

    @Test
    void shouldParkAlertWithUnknownSeverityOnDlqAndApplyTheNextOneOnce() {
        IngestFlow.assertMalformedParkedAndNextApplied(db, Topics.COMPLIANCE_ALERTS, EventTypes.ALERT_RAISED, "F-0001",
                RAISED.replace("\"CRITICAL\"", "\"APOCALYPTIC\""), "severity", RAISED);
    }

    @Test
    void shouldApplyAnAlertResolvedEventOnTheSameChannel() {
        String resolved = """
                {"alertId":"CAP-001:F-0001:2026-11-20","firmId":"F-0001","resolvedAt":"2026-11-21T09:00:00+05:00",
                 "reason":"Later snapshot restores capital"}""";
        IngestFlow.assertMalformedParkedAndNextApplied(db, Topics.COMPLIANCE_ALERTS, EventTypes.ALERT_RESOLVED,
                "F-0001", resolved.replace("\"resolvedAt\":\"2026-11-21T09:00:00+05:00\"", "\"resolvedAt\":\"yesterday\""),
                "resolvedAt", resolved);
    }

    @Test
    void shouldApplyAPollAroundAMalformedAlertExactlyOnce() {
        String firm = newFirm();
        List<String> good = IntStream.range(0, 8).mapToObj(i -> AlertEvents.raised(AlertEvents.newAlertId("CAP-001", firm),
                firm, "CAPITAL", "HIGH", "Capital below requirement", null, null)).toList();
        String bad = AlertEvents.raised(AlertEvents.newAlertId("CAP-001", firm), firm, "CAPITAL", "APOCALYPTIC", "x",
                null, null);
        IngestFlow.assertPoisonInPollParkedAndOthersAppliedOnce(db, "inbound_event", Topics.COMPLIANCE_ALERTS,
                EventTypes.ALERT_RAISED, firm, bad, "severity", good, () -> raisedAudited(firm));
    }

    @Test
    void shouldParkAnotherFirmsAlertInTheMiddleOfAPollAndApplyTheOthersExactlyOnce() {
        String firm = newFirm();
        String owner = newFirm();
        String taken = AlertEvents.newAlertId("CAP-001", owner);
        IngestFlow.awaitApplied(db, IngestFlow.SOURCE + "/" + AlertEvents.raise(taken, owner, "HIGH"));
        List<String> good = IntStream.range(0, 8).mapToObj(i -> AlertEvents.raised(AlertEvents.newAlertId("CAP-001", firm),
                firm, "CAPITAL", "HIGH", "Capital below requirement", null, null)).toList();
        // Well-formed, but the alert belongs to another firm: rejected when applied, which rolls the poll's unit back.
        String foreign = AlertEvents.raised(taken, firm, "CAPITAL", "HIGH", "Capital below requirement", null, null);

        IngestFlow.assertPoisonInPollParkedAndOthersAppliedOnce(db, "inbound_event", Topics.COMPLIANCE_ALERTS,
                EventTypes.ALERT_RAISED, firm, foreign, "belongs to firm " + owner, good, () -> raisedAudited(firm));

        assertThat(status(taken)).isEqualTo("OPEN");
        assertThat(IngestFlow.count(db, "select count(*) from audit_log where subject = ?", List.of(taken)))
                .as("the other firm's alert audited once, by its own raise").isEqualTo(1);
    }

    @Test
    void shouldApplySeveralEventsOfOneAlertInOnePollInOrderAndEachOnce() throws Exception {
        String firm = newFirm();
        String alertId = AlertEvents.newAlertId("CAP-001", firm);
        String first = AlertEvents.raised(alertId, firm, "CAPITAL", "HIGH", "Capital below requirement", null, null);
        String changed = AlertEvents.raised(alertId, firm, "CAPITAL", "CRITICAL", "Capital further below requirement",
                null, null);
        List<String> ids = IntStream.range(0, 4).mapToObj(i -> UUID.randomUUID().toString()).toList();
        List<ProducerRecord<String, byte[]>> poll = List.of(
                AlertEvents.record(ids.get(0), EventTypes.ALERT_RAISED, firm, first),
                // The same raise again under a new id: applied, but nothing a reader sees changes.
                AlertEvents.record(ids.get(1), EventTypes.ALERT_RAISED, firm, first),
                AlertEvents.record(ids.get(2), EventTypes.ALERT_RAISED, firm, changed),
                AlertEvents.record(ids.get(3), EventTypes.ALERT_RESOLVED, firm,
                        AlertEvents.resolved(alertId, firm, "Later snapshot restores capital")));

        try (SseClient desk = SseClient.open(stream, TestTokens.bearer(Roles.MLRO, firm))) {
            assertThat(desk.next(e -> e.name().equals("ready"), WAIT)).as("ready event").isNotNull();
            TestKafka.sendTogether(poll);
            ids.forEach(id -> IngestFlow.awaitApplied(db, IngestFlow.SOURCE + "/" + id));

            assertThat(streamed(desk, alertId)).as("changes streamed, in order").containsExactly("RAISED", "UPDATED",
                    "RESOLVED");
            assertThat(audited(alertId)).containsExactly("alert.raised", "alert.updated", "alert.resolved");
            assertThat(status(alertId)).isEqualTo("RESOLVED");

            // The whole poll redelivered: every event was applied already, so nothing changes and nothing is streamed.
            TestKafka.sendTogether(poll);
            String marker = AlertEvents.newAlertId("CAP-001", firm);
            IngestFlow.awaitApplied(db, IngestFlow.SOURCE + "/" + AlertEvents.raise(marker, firm, "LOW"));
            assertThat(desk.next(e -> e.data().contains(marker), WAIT)).as("the marker streamed").isNotNull();
            assertThat(audited(alertId)).hasSize(3);
            assertThat(desk.next(e -> e.data().contains(alertId), Duration.ofSeconds(1))).as("nothing more streamed")
                    .isNull();
            for (String id : ids) {
                assertThat(IngestFlow.count(db, IngestFlow.SOURCE + "/" + id)).as("event %s claimed once", id).isEqualTo(1);
            }
        }
    }

    @Test
    void shouldAnnounceNothingForARepeatedRaiseInALaterPoll() throws Exception {
        String firm = newFirm();
        String alertId = AlertEvents.newAlertId("CAP-001", firm);
        // Evidence with keys in an order PostgreSQL's jsonb does not keep: the stored alert lists them differently.
        String raise = AlertEvents.raised(alertId, firm, "CAPITAL", "HIGH", "Capital below requirement", null, null);
        try (SseClient desk = SseClient.open(stream, TestTokens.bearer(Roles.MLRO, firm))) {
            assertThat(desk.next(e -> e.name().equals("ready"), WAIT)).as("ready event").isNotNull();
            IngestFlow.awaitApplied(db, IngestFlow.SOURCE + "/" + AlertEvents.send(EventTypes.ALERT_RAISED, firm, raise));
            assertThat(streamed(desk, alertId)).containsExactly("RAISED");

            IngestFlow.awaitApplied(db, IngestFlow.SOURCE + "/" + AlertEvents.send(EventTypes.ALERT_RAISED, firm, raise));
            String marker = AlertEvents.newAlertId("CAP-001", firm);
            IngestFlow.awaitApplied(db, IngestFlow.SOURCE + "/" + AlertEvents.raise(marker, firm, "LOW"));
            assertThat(desk.next(e -> e.data().contains(marker), WAIT)).as("the marker streamed").isNotNull();
            assertThat(desk.next(e -> e.data().contains(alertId), Duration.ofSeconds(1)))
                    .as("the repeat changes nothing a reader sees").isNull();
            assertThat(audited(alertId)).containsExactly("alert.raised");
        }
    }

    /** A consumer of the desk's own group that commits nothing. */
    private KafkaConsumer<String, byte[]> secondMember() {
        KafkaConsumer<String, byte[]> member = new KafkaConsumer<>(memberConfig(), new StringDeserializer(),
                new ByteArrayDeserializer());
        member.subscribe(List.of(LocalStackResource.topic(Topics.COMPLIANCE_ALERTS)));
        return member;
    }

    private Properties memberConfig() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return props;
    }

    private static String newFirm() {
        return "F-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** The changes streamed for one alert until none follows within a second. */
    private static List<String> streamed(SseClient client, String alertId) throws Exception {
        List<String> changes = new ArrayList<>();
        SseClient.Event e = client.next(x -> x.data().contains(alertId), WAIT);
        while (e != null) {
            changes.add(JSON.readTree(e.data()).path("change").asText());
            e = client.next(x -> x.data().contains(alertId), Duration.ofSeconds(2));
        }
        return changes;
    }

    private int raisedAudited(String firm) {
        return IngestFlow.count(db, "select count(*) from audit_log where firm_id = ? and action = 'alert.raised'",
                List.of(firm));
    }

    private List<String> audited(String alertId) throws SQLException {
        List<String> actions = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement("select action from audit_log where subject = ? order by seq")) {
            q.setString(1, alertId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
        }
        return actions;
    }

    private String status(String alertId) {
        for (String s : List.of("OPEN", "ACKNOWLEDGED", "RESOLVED")) {
            if (IngestFlow.count(db, "select count(*) from alert where alert_id = ? and status = ?", List.of(alertId, s)) == 1) {
                return s;
            }
        }
        return null;
    }
}
