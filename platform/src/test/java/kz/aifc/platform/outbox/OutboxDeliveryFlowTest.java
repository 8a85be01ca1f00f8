package kz.aifc.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.Duty;
import kz.aifc.contract.v1.Severity;
import kz.aifc.platform.testapp.TestDb;
import kz.aifc.platform.testapp.TopicLog;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestKafka;

/** The transactional outbox on the real broker and database: sent after commit, never on rollback, nothing lost. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_platform_test"))
class OutboxDeliveryFlowTest {

    private static final String TOPIC = LocalStackResource.topic(Topics.COMPLIANCE_ALERTS);
    private static final String SOURCE = "urn:aifc:platform-test";
    private static final Duration WAIT = Duration.ofSeconds(45);

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource db;

    @Test
    @DisplayName("an event queued in a committed transaction is published once, keyed by firm, in binary CloudEvents mode")
    void shouldPublishACommittedEventOnceWithItsKeyHeadersAndPayload() {
        String firm = newFirm();
        CloudEvent<AlertRaised> event = alertEvent(firm);
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(TOPIC, firm, event));
        awaitMarkedPublished(event);

        CloudEvent<AlertRaised> marker = queueMarker(firm);
        List<ConsumerRecord<String, byte[]>> copies =
                TopicLog.copiesOf(TopicLog.readThrough(TOPIC, marker.id()), event.id());

        assertThat(copies).as("copies of %s on %s", event.id(), TOPIC).hasSize(1);
        assertCarries(copies.get(0), firm, event);
    }

    @Test
    @DisplayName("an event queued in a transaction that rolls back leaves no row and is never published")
    void shouldNeverPublishAnEventWhoseTransactionRolledBack() {
        String firm = newFirm();
        CloudEvent<AlertRaised> event = alertEvent(firm);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.enqueue(TOPIC, firm, event);
            throw new IllegalStateException("the business change failed after the event was queued");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(outboxRows(event)).as("outbox rows of the rolled-back event").isZero();
        CloudEvent<AlertRaised> marker = queueMarker(firm);
        assertThat(TopicLog.copiesOf(TopicLog.readThrough(TOPIC, marker.id()), event.id()))
                .as("records of the rolled-back event").isEmpty();
    }

    @Test
    @DisplayName("events committed while the relay is down stay queued and are all published, intact, when it is back")
    void shouldPublishEverythingCommittedWhileTheRelayWasDown() {
        String firm = newFirm();
        String otherFirm = newFirm();
        CloudEvent<AlertRaised> first = alertEvent(firm);
        CloudEvent<AlertRaised> second = alertEvent(firm);
        CloudEvent<AlertRaised> third = alertEvent(otherFirm);

        // The relay's own shutdown, as when the process stops: what commits after it has only the database.
        OutboxRelay instance = ClientProxy.unwrap(relay);
        instance.stop(new ShutdownEvent());
        try {
            QuarkusTransaction.requiringNew().run(() -> outbox.enqueueAll(List.of(
                    new Outbox.Pending(TOPIC, firm, first), new Outbox.Pending(TOPIC, firm, second))));
            QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(TOPIC, otherFirm, third));
            assertThat(unpublishedRows(first, second, third)).as("committed and waiting while the relay is down")
                    .isEqualTo(3);
        } finally {
            instance.start(new StartupEvent());
        }

        List<ConsumerRecord<String, byte[]>> arrived = TestKafka.await(TOPIC, 3, WAIT,
                r -> List.of(first.id(), second.id(), third.id()).contains(TestKafka.header(r, CloudEventCodec.CE_ID)));
        assertThat(arrived).as("records published after the relay came back").hasSize(3);
        assertCarries(TopicLog.copiesOf(arrived, first.id()).get(0), firm, first);
        assertCarries(TopicLog.copiesOf(arrived, second.id()).get(0), firm, second);
        assertCarries(TopicLog.copiesOf(arrived, third.id()).get(0), otherFirm, third);
        assertThat(arrived.stream().filter(r -> firm.equals(r.key()))
                .map(r -> TestKafka.header(r, CloudEventCodec.CE_ID)))
                .as("one firm's events in the order they were queued").containsExactly(first.id(), second.id());
        awaitMarkedPublished(first, second, third);
    }

    @Test
    @DisplayName("a send whose published mark was lost in a crash is sent once more, the same event id for the consumers' inbox")
    void shouldSendAgainAtMostOnceWhenThePublishedMarkWasLost() {
        String firm = newFirm();
        CloudEvent<AlertRaised> event = alertEvent(firm);
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(TOPIC, firm, event));
        awaitMarkedPublished(event);

        // The relay commits its marks without waiting for the disk, so a crash right after Kafka's ack can leave the
        // row as if it had never been sent.
        TestDb.update(db, "update outbox set published_at = null where headers ->> 'ce_id' = ?", event.id());

        CloudEvent<AlertRaised> marker = queueMarker(firm);
        List<ConsumerRecord<String, byte[]>> copies =
                TopicLog.copiesOf(TopicLog.readThrough(TOPIC, marker.id()), event.id());
        assertThat(copies).as("the original send and one resend").hasSize(2);
        copies.forEach(copy -> assertCarries(copy, firm, event));
        awaitMarkedPublished(event);
    }

    @Test
    @DisplayName("a row marked published is not sent again when the relay restarts")
    void shouldNotSendAPublishedRowAgainAfterTheRelayRestarts() {
        String firm = newFirm();
        CloudEvent<AlertRaised> event = alertEvent(firm);
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(TOPIC, firm, event));
        awaitMarkedPublished(event);

        OutboxRelay instance = ClientProxy.unwrap(relay);
        instance.stop(new ShutdownEvent());
        instance.start(new StartupEvent());

        CloudEvent<AlertRaised> marker = queueMarker(firm);
        assertThat(TopicLog.copiesOf(TopicLog.readThrough(TOPIC, marker.id()), event.id()))
                .as("copies after the restart").hasSize(1);
    }

    /** A later event of the same firm, committed on its own: same partition, behind everything queued before it. */
    private CloudEvent<AlertRaised> queueMarker(String firm) {
        CloudEvent<AlertRaised> marker = alertEvent(firm);
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(TOPIC, firm, marker));
        return marker;
    }

    private static void assertCarries(ConsumerRecord<String, byte[]> record, String firm,
            CloudEvent<AlertRaised> sent) {
        assertThat(record.key()).as("record key").isEqualTo(firm);
        assertThat(TestKafka.header(record, CloudEventCodec.CE_ID)).isEqualTo(sent.id());
        assertThat(TestKafka.header(record, CloudEventCodec.CE_SOURCE)).isEqualTo(SOURCE);
        assertThat(TestKafka.header(record, CloudEventCodec.CE_TYPE)).isEqualTo(EventTypes.ALERT_RAISED);
        assertThat(TestKafka.header(record, CloudEventCodec.CE_SPECVERSION)).isEqualTo("1.0");
        assertThat(TestKafka.header(record, CloudEventCodec.CE_SUBJECT)).isEqualTo(firm);
        assertThat(TestKafka.header(record, CloudEventCodec.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(OffsetDateTime.parse(TestKafka.header(record, CloudEventCodec.CE_TIME)).toInstant())
                .isEqualTo(sent.time().toInstant());
        CloudEvent<AlertRaised> received = CloudEventCodec.decode(record.headers(), record.value(), AlertRaised.class);
        assertThat(received.eventKey()).isEqualTo(sent.eventKey());
        assertThat(received.data()).as("payload").isEqualTo(sent.data());
    }

    private static CloudEvent<AlertRaised> alertEvent(String firm) {
        AlertRaised alert = new AlertRaised("CAP-001:" + firm + ":2026-11-20", firm, Duty.CAPITAL, "CAP-001", "2026.1",
                "PRU(INV) 6.5", Severity.CRITICAL, "Capital below requirement",
                "Capital resources USD 240,000.00 are below the requirement of USD 250,000.00 (96.0%).",
                Map.of("requirement", "250000"), List.of("urn:aifc:test-firm-system/" + UUID.randomUUID()),
                OffsetDateTime.parse("2026-11-20T17:00:00+05:00"), OffsetDateTime.parse("2026-11-23T18:00:00+05:00"),
                "1 business day", Map.of());
        return CloudEventCodec.newEvent(SOURCE, EventTypes.ALERT_RAISED, firm, alert);
    }

    private static String newFirm() {
        return "F-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private int outboxRows(CloudEvent<?> event) {
        return TestDb.count(db, "select count(*) from outbox where headers ->> 'ce_id' = ?", event.id());
    }

    private int unpublishedRows(CloudEvent<?>... events) {
        int n = 0;
        for (CloudEvent<?> e : events) {
            n += TestDb.count(db, "select count(*) from outbox where headers ->> 'ce_id' = ? and published_at is null",
                    e.id());
        }
        return n;
    }

    private void awaitMarkedPublished(CloudEvent<?>... events) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (unpublishedRows(events) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("outbox rows not marked published within " + WAIT);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        for (CloudEvent<?> e : events) {
            assertThat(outboxRows(e)).as("outbox rows of %s", e.id()).isEqualTo(1);
        }
    }
}
