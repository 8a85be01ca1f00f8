package kz.aifc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.restassured.RestAssured;
import kz.aifc.contract.FirmLanes;
import kz.aifc.contract.Topics;

/**
 * The flow every consumer must show on the real broker and database: a malformed record is parked on the
 * topic's DLQ with its reason and original bytes, the next good record is still applied, and a redelivered
 * event has its effect once; a firm lane speaks only for its firm.
 */
public final class IngestFlow {

    public static final String SOURCE = "urn:aifc:test-firm-system";
    /** The firm whose lanes {@link LocalStackResource} creates next to each ingest topic. */
    public static final String LANE_FIRM = "F-LANE";
    private static final Duration WAIT = Duration.ofSeconds(45);

    private IngestFlow() {
    }

    /**
     * @param contractTopic the topic as contract/README.md names it (the run's suffix is added here)
     * @param type          the CloudEvents type of both records
     * @param badJson       a payload that breaks the contract
     * @param reason        what the DLQ reason must say (it names the field)
     * @param goodJson      a valid payload for the same firm
     */
    public static void assertMalformedParkedAndNextApplied(DataSource db, String contractTopic, String type,
            String firmId, String badJson, String reason, String goodJson) {
        assertMalformedParkedAndNextApplied(db, "inbound_event", contractTopic, type, firmId, badJson, reason, goodJson);
    }

    /** As above, for a service whose inbox for this topic is {@code inboxTable} (keyed by {@code event_key}). */
    public static void assertMalformedParkedAndNextApplied(DataSource db, String inboxTable, String contractTopic,
            String type, String firmId, String badJson, String reason, String goodJson) {
        assertMalformedParkedAndNextApplied(db, inboxTable, contractTopic, type, firmId, badJson, reason, goodJson, null);
    }

    /**
     * As above, and the redelivered event has no second effect: {@code effects} counts what the service keeps per
     * applied event for the firm (a history row, say), which the next event must raise by one and the duplicate not
     * at all. The duplicate never lands on the DLQ either: a redelivery is not an error.
     */
    public static void assertMalformedParkedAndNextApplied(DataSource db, String inboxTable, String contractTopic,
            String type, String firmId, String badJson, String reason, String goodJson, IntSupplier effects) {
        String topic = LocalStackResource.topic(contractTopic);
        String badId = UUID.randomUUID().toString();
        String goodId = UUID.randomUUID().toString();
        byte[] badBytes = badJson.getBytes(StandardCharsets.UTF_8);

        TestKafka.send(topic, firmId, binaryHeaders(badId, type, firmId), badBytes);
        TestKafka.send(topic, firmId, binaryHeaders(goodId, type, firmId), goodJson.getBytes(StandardCharsets.UTF_8));

        List<ConsumerRecord<String, byte[]>> parked = TestKafka.await(Topics.dlq(topic), 1, WAIT,
                r -> badId.equals(TestKafka.header(r, "ce_id")));
        assertThat(parked).as("malformed record on %s.dlq", topic).hasSize(1);
        ConsumerRecord<String, byte[]> dead = parked.get(0);
        assertThat(TestKafka.header(dead, "dead-letter-reason")).contains(reason);
        assertThat(TestKafka.header(dead, "ce_type")).as("original headers kept").isEqualTo(type);
        assertThat(dead.value()).as("original bytes kept").isEqualTo(badBytes);
        assertThat(dead.key()).isEqualTo(firmId);

        awaitApplied(db, inboxTable, SOURCE + "/" + goodId);
        int before = effects == null ? 0 : effects.getAsInt();

        // Redelivery of the same source/id, then a fresh event behind it on the same partition (the marker): once the
        // marker is applied the duplicate has been seen; it must have had no effect and must not be on the DLQ.
        TestKafka.send(topic, firmId, binaryHeaders(goodId, type, firmId), goodJson.getBytes(StandardCharsets.UTF_8));
        String nextId = UUID.randomUUID().toString();
        TestKafka.send(topic, firmId, binaryHeaders(nextId, type, firmId), goodJson.getBytes(StandardCharsets.UTF_8));
        awaitApplied(db, inboxTable, SOURCE + "/" + nextId);
        if (effects != null) {
            assertThat(effects.getAsInt()).as("effects after the duplicate and the next event: the next one's only")
                    .isEqualTo(before + 1);
        }
        // The marker's own DLQ check: the malformed record was parked, so reading the DLQ to its end finds every
        // record parked before now; the duplicate is not among them.
        assertThat(TestKafka.readToEnd(Topics.dlq(topic))).as("records on %s.dlq", topic)
                .noneMatch(r -> goodId.equals(TestKafka.header(r, "ce_id")) || nextId.equals(TestKafka.header(r, "ce_id")));
    }

    /**
     * A poll with a poison record in the middle: the good events around it, sent together so the consumer reads them in
     * one poll and applies them in one unit of work, are each applied exactly once (one of them arrives twice in the
     * same poll), the poison record is parked on the DLQ with its reason, and none of the good ones is.
     *
     * @param goodJsons valid payloads for the firm, distinct events (at least two)
     * @param effects   what the service keeps per applied event for the firm (a history row, say)
     */
    public static void assertPoisonInPollParkedAndOthersAppliedOnce(DataSource db, String inboxTable,
            String contractTopic, String type, String firmId, String badJson, String reason, List<String> goodJsons,
            IntSupplier effects) {
        String topic = LocalStackResource.topic(contractTopic);
        List<String> goodIds = goodJsons.stream().map(j -> UUID.randomUUID().toString()).toList();
        String badId = UUID.randomUUID().toString();
        int middle = goodJsons.size() / 2;
        List<ProducerRecord<String, byte[]>> poll = new ArrayList<>();
        for (int i = 0; i < goodJsons.size(); i++) {
            if (i == middle) {
                poll.add(record(topic, firmId, badId, type, badJson));
            }
            poll.add(record(topic, firmId, goodIds.get(i), type, goodJsons.get(i)));
        }
        poll.add(record(topic, firmId, goodIds.get(0), type, goodJsons.get(0)));
        int before = effects.getAsInt();

        TestKafka.sendTogether(poll);

        List<ConsumerRecord<String, byte[]>> parked = TestKafka.await(Topics.dlq(topic), 1, WAIT,
                r -> badId.equals(TestKafka.header(r, "ce_id")));
        assertThat(parked).as("the poison record on %s.dlq", topic).hasSize(1);
        assertThat(TestKafka.header(parked.get(0), "dead-letter-reason")).contains(reason);
        assertThat(parked.get(0).value()).as("original bytes kept").isEqualTo(badJson.getBytes(StandardCharsets.UTF_8));
        for (String id : goodIds) {
            awaitApplied(db, inboxTable, SOURCE + "/" + id);
            assertThat(count(db, inboxTable, SOURCE + "/" + id)).as("event %s claimed once", id).isEqualTo(1);
        }
        assertThat(effects.getAsInt()).as("one effect per good event, the repeated one's once")
                .isEqualTo(before + goodJsons.size());
        assertThat(TestKafka.readToEnd(Topics.dlq(topic))).as("good events on %s.dlq", topic)
                .noneMatch(r -> goodIds.contains(TestKafka.header(r, "ce_id")));
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, String id, String type, String json) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8));
        binaryHeaders(id, type, key).forEach((name, value) -> r.headers().add(name, value));
        return r;
    }

    /**
     * A firm lane speaks only for its firm: an event on {@link #LANE_FIRM}'s lane that claims another firm has no
     * effect, is parked on the shared topic's DLQ with the reason {@code firm mismatch} and is counted in
     * {@code aifc_events_firm_mismatch_total}; the same event for the lane's own firm is applied.
     *
     * @param laneFirmJson a valid payload whose {@code firmId} is {@link #LANE_FIRM}
     */
    public static void assertLaneSpeaksOnlyForItsFirm(DataSource db, String inboxTable, String contractTopic,
            String type, String laneFirmJson) {
        String shared = LocalStackResource.topic(contractTopic);
        String lane = FirmLanes.lane(shared, LANE_FIRM);
        String firmField = "\"firmId\":\"" + LANE_FIRM + "\"";
        assertThat(laneFirmJson).as("payload for the lane's firm").contains(firmField);
        String foreignId = UUID.randomUUID().toString();
        String ownId = UUID.randomUUID().toString();
        byte[] foreign = laneFirmJson.replace(firmField, "\"firmId\":\"F-0001\"").getBytes(StandardCharsets.UTF_8);

        TestKafka.send(lane, LANE_FIRM, binaryHeaders(foreignId, type, LANE_FIRM), foreign);
        TestKafka.send(lane, LANE_FIRM, binaryHeaders(ownId, type, LANE_FIRM), laneFirmJson.getBytes(StandardCharsets.UTF_8));

        List<ConsumerRecord<String, byte[]>> parked = TestKafka.await(Topics.dlq(shared), 1, WAIT,
                r -> foreignId.equals(TestKafka.header(r, "ce_id")));
        assertThat(parked).as("the foreign firm's event on %s", Topics.dlq(shared)).hasSize(1);
        assertThat(TestKafka.header(parked.get(0), "dead-letter-reason")).startsWith(FirmLanes.MISMATCH)
                .contains("F-0001").doesNotContain("kz.aifc");
        assertThat(TestKafka.header(parked.get(0), "dead-letter-topic")).isEqualTo(lane);
        assertThat(parked.get(0).value()).as("original bytes kept").isEqualTo(foreign);

        awaitApplied(db, inboxTable, SOURCE + "/" + ownId);
        assertThat(count(db, inboxTable, SOURCE + "/" + foreignId)).as("the foreign firm's event applied").isZero();
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines().filter(l -> l.startsWith("aifc_events_firm_mismatch_total") && l.contains(lane)))
                .as("firm mismatch counted for %s", lane).isNotEmpty()
                .allMatch(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 1);
    }

    public static Map<String, byte[]> binaryHeaders(String id, String type, String firmId) {
        return TestKafka.headers("ce_id", id, "ce_source", SOURCE, "ce_type", type, "ce_specversion", "1.0",
                "ce_time", "2026-11-20T17:00:00+05:00", "ce_subject", firmId, "content-type", "application/json");
    }

    public static void awaitApplied(DataSource db, String eventKey) {
        awaitApplied(db, "inbound_event", eventKey);
    }

    public static void awaitApplied(DataSource db, String inboxTable, String eventKey) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (count(db, inboxTable, eventKey) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("event " + eventKey + " was not applied within " + WAIT);
            }
            sleep(100);
        }
    }

    public static int count(DataSource db, String eventKey) {
        return count(db, "inbound_event", eventKey);
    }

    /** How many rows of {@code inboxTable} (a table name from the test's own code) hold the event key. */
    public static int count(DataSource db, String inboxTable, String eventKey) {
        return count(db, "select count(*) from " + inboxTable + " where event_key = ?", List.of(eventKey));
    }

    /** The count a {@code select count(*)} query (the test's own text) answers for these parameters. */
    public static int count(DataSource db, String countSql, List<String> params) {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(countSql)) {
            for (int i = 0; i < params.size(); i++) {
                q.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
