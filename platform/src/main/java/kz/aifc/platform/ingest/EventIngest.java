package kz.aifc.platform.ingest;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.FirmLanes;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.codec.MalformedEventException;

/**
 * The one way a service takes a CloudEvent off Kafka: decode (binary or structured mode), apply, ack.
 * A malformed record is nacked so the channel's dead-letter-queue strategy moves it to {@code <topic>.dlq}
 * with the reason in the {@code dead-letter-reason} header; the partition never stops. A record read from a firm lane
 * that speaks for another firm is refused the same way ({@link FirmLanes}).
 */
@ApplicationScoped
public class EventIngest {

    private static final Logger LOG = Logger.getLogger(EventIngest.class);
    /** Transient failures (database restart, lock timeout) are retried before the record is parked on the DLQ. */
    static final int ATTEMPTS = 5;

    private final MeterRegistry meters;

    EventIngest(MeterRegistry meters) {
        this.meters = meters;
    }

    public <T> CompletionStage<Void> process(Message<byte[]> message, Class<T> payloadType, EventHandler<T> handler) {
        String topic = topicOf(message);
        CloudEvent<T> event;
        try {
            event = CloudEventCodec.decode(headersOf(message), message.getPayload(), payloadType);
            FirmLanes.check(topic, event.subject(), event.data());
        } catch (FirmLanes.FirmMismatchException e) {
            mismatched(meters, topic);
            LOG.warnf("Record on %s sent to the DLQ: %s", topic, e.getMessage());
            return message.nack(e);
        } catch (MalformedEventException e) {
            count(topic, "dlq");
            LOG.warnf("Malformed record on %s sent to the DLQ: %s", topic, e.getMessage());
            return message.nack(e);
        }
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                boolean applied = handler.apply(event);
                count(topic, applied ? "applied" : "duplicate");
                return message.ack();
            } catch (MalformedEventException e) {
                count(topic, "dlq");
                LOG.warnf("Event %s on %s rejected: %s", event.eventKey(), topic, e.getMessage());
                return message.nack(e);
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf("Event %s on %s failed (attempt %d of %d): %s", event.eventKey(), topic, attempt, ATTEMPTS, e);
                sleep(100L << attempt);
            }
        }
        count(topic, "dlq");
        return message.nack(new IllegalStateException(
                "processing failed after " + ATTEMPTS + " attempts: " + last.getMessage(), last));
    }

    private void count(String topic, String outcome) {
        meters.counter("aifc.events.in", "topic", topic, "outcome", outcome).increment();
    }

    /**
     * Counts an event that a firm lane refused because it spoke for another firm: {@code aifc_events_firm_mismatch_total}
     * by lane, besides the DLQ outcome of {@code aifc_events_in_total}. aml-service's own consumer counts the same way.
     */
    public static void mismatched(MeterRegistry meters, String topic) {
        meters.counter("aifc.events.firm.mismatch", "topic", topic).increment();
        meters.counter("aifc.events.in", "topic", topic, "outcome", "dlq").increment();
    }

    private static String topicOf(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic)
                .orElse("unknown");
    }

    private static Headers headersOf(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getHeaders)
                .orElseGet(RecordHeaders::new);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
