package kz.aifc.platform.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.FirmLanes;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.codec.MalformedEventException;

/**
 * The one way a service takes a CloudEvent off Kafka: decode (binary or structured mode), apply, ack; one record at a
 * time ({@link #process}) or a poll at once in one unit of work ({@link #processBatch}).
 * A malformed record is nacked so the channel's dead-letter-queue strategy moves it to {@code <topic>.dlq}
 * with the reason in the {@code dead-letter-reason} header; the partition never stops. A record read from a firm lane
 * that speaks for another firm is refused the same way ({@link FirmLanes}).
 */
@ApplicationScoped
public class EventIngest {

    private static final Logger LOG = Logger.getLogger(EventIngest.class);
    /** Transient failures (database restart, lock timeout) are retried before the record is parked on the DLQ. */
    static final int ATTEMPTS = 5;

    /** A poll that fails as a whole is tried this many times before its events are applied one by one. */
    static final int BATCH_ATTEMPTS = 3;

    private final MeterRegistry meters;
    private final Timer batchTimer;
    private final DistributionSummary batchSize;

    EventIngest(MeterRegistry meters) {
        this.meters = meters;
        this.batchTimer = Timer.builder("aifc.events.batch").description("one poll's events applied in one unit of work")
                .register(meters);
        this.batchSize = DistributionSummary.builder("aifc.events.batch.size")
                .description("decoded events in one poll applied at once").register(meters);
    }

    public <T> CompletionStage<Void> process(Message<byte[]> message, Class<T> payloadType, EventHandler<T> handler) {
        String topic = topicOf(message);
        List<CompletionStage<Void>> parked = new ArrayList<>(1);
        CloudEvent<T> event = decode(topic, headersOf(message), message.getPayload(), payloadType, message, parked);
        if (event == null) {
            return parked.get(0);
        }
        RuntimeException failed = applyOne(topic, event, handler);
        return failed == null ? message.ack() : message.nack(failed);
    }

    /**
     * A poll at once ({@code batch=true} on the channel): each record decoded, the malformed ones and those a firm lane
     * refuses parked on the DLQ one by one (the channel's dead-letter strategy, reason in the header), the others
     * applied by {@code handler} in one unit of work, in the order they were read. When that unit keeps failing, or
     * the handler rejects one of its events ({@link MalformedEventException}), the events are applied one by one as
     * {@link #process} does, so one bad event is parked and the others are applied. The poll is acknowledged once
     * every parked record is on the DLQ.
     */
    public <T> CompletionStage<Void> processBatch(KafkaRecordBatch<?, byte[]> batch, Class<T> payloadType,
            BatchHandler<T> handler) {
        List<CompletionStage<Void>> parked = new ArrayList<>();
        List<CloudEvent<T>> events = new ArrayList<>(batch.getRecords().size());
        List<KafkaRecord<?, byte[]>> sources = new ArrayList<>(batch.getRecords().size());
        for (KafkaRecord<?, byte[]> r : batch.getRecords()) {
            CloudEvent<T> event = decode(r.getTopic(), r.getHeaders(), r.getPayload(), payloadType, r, parked);
            if (event != null) {
                events.add(event);
                sources.add(r);
            }
        }
        if (!events.isEmpty()) {
            batchSize.record(events.size());
            applyBatch(events, sources, handler, parked);
        }
        return CompletableFuture.allOf(parked.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    private <T> void applyBatch(List<CloudEvent<T>> events, List<KafkaRecord<?, byte[]>> sources,
            BatchHandler<T> handler, List<CompletionStage<Void>> parked) {
        for (int attempt = 1; attempt <= BATCH_ATTEMPTS; attempt++) {
            try {
                Set<String> applied = batchTimer.record(() -> handler.apply(events));
                Set<String> counted = new HashSet<>();
                for (int i = 0; i < events.size(); i++) {
                    String key = events.get(i).eventKey();
                    count(sources.get(i).getTopic(), applied.contains(key) && counted.add(key) ? "applied" : "duplicate");
                }
                return;
            } catch (MalformedEventException e) {
                LOG.warnf("A poll of %d events holds one this service rejects (%s): applying them one by one",
                        events.size(), e.getMessage());
                break;
            } catch (RuntimeException e) {
                LOG.warnf("A poll of %d events failed (attempt %d of %d): %s", events.size(), attempt, BATCH_ATTEMPTS, e);
                if (attempt < BATCH_ATTEMPTS) {
                    sleep(100L << attempt);
                }
            }
        }
        for (int i = 0; i < events.size(); i++) {
            KafkaRecord<?, byte[]> source = sources.get(i);
            RuntimeException failed = applyOne(source.getTopic(), events.get(i),
                    event -> handler.apply(List.of(event)).contains(event.eventKey()));
            if (failed != null) {
                parked.add(source.nack(failed));
            }
        }
    }

    /**
     * Decodes a record and checks its firm lane; a record that fails either is nacked (the channel parks it on the
     * DLQ), its acknowledgement added to {@code parked}, and null answered.
     */
    private <T> CloudEvent<T> decode(String topic, Headers headers, byte[] payload, Class<T> payloadType,
            Message<?> source, List<CompletionStage<Void>> parked) {
        try {
            CloudEvent<T> event = CloudEventCodec.decode(headers, payload, payloadType);
            FirmLanes.check(topic, event.subject(), event.data());
            return event;
        } catch (FirmLanes.FirmMismatchException e) {
            mismatched(meters, topic);
            LOG.warnf("Record on %s sent to the DLQ: %s", topic, e.getMessage());
            parked.add(source.nack(e));
        } catch (MalformedEventException e) {
            count(topic, "dlq");
            LOG.warnf("Malformed record on %s sent to the DLQ: %s", topic, e.getMessage());
            parked.add(source.nack(e));
        }
        return null;
    }

    /** Applies one event, retrying transient failures; answers null when it was applied (or a duplicate), else why not. */
    private <T> RuntimeException applyOne(String topic, CloudEvent<T> event, EventHandler<T> handler) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                boolean applied = handler.apply(event);
                count(topic, applied ? "applied" : "duplicate");
                return null;
            } catch (MalformedEventException e) {
                count(topic, "dlq");
                LOG.warnf("Event %s on %s rejected: %s", event.eventKey(), topic, e.getMessage());
                return e;
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf("Event %s on %s failed (attempt %d of %d): %s", event.eventKey(), topic, attempt, ATTEMPTS, e);
                sleep(100L << attempt);
            }
        }
        count(topic, "dlq");
        return new IllegalStateException("processing failed after " + ATTEMPTS + " attempts: " + last.getMessage(), last);
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
