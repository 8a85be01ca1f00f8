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
        CloudEvent<T> event;
        try {
            event = decode(topic, headersOf(message), message.getPayload(), payloadType);
        } catch (MalformedEventException e) {
            return message.nack(e);
        }
        RuntimeException failed = applyOne(topic, event, handler);
        return failed == null ? message.ack() : message.nack(failed);
    }

    /**
     * A poll at once ({@code batch=true} on the channel), as {@link #applyPoll} applies it; each record it refuses is
     * nacked, so the channel's dead-letter strategy parks it with the reason in the header. The poll is acknowledged
     * once every refused record is on the DLQ.
     */
    public <T> CompletionStage<Void> processBatch(KafkaRecordBatch<?, byte[]> batch, Class<T> payloadType,
            BatchHandler<T> handler) {
        List<Polled<KafkaRecord<?, byte[]>>> poll = new ArrayList<>(batch.getRecords().size());
        for (KafkaRecord<?, byte[]> r : batch.getRecords()) {
            poll.add(new Polled<>(r.getTopic(), r.getHeaders(), r.getPayload(), r));
        }
        List<CompletableFuture<Void>> parked = new ArrayList<>();
        for (Refused<KafkaRecord<?, byte[]>> refused : applyPoll(poll, payloadType, handler)) {
            parked.add(refused.source().nack(refused.reason()).toCompletableFuture());
        }
        return CompletableFuture.allOf(parked.toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    /** A record as a consumer read it (whichever consumer: {@code source} is its own handle on the record). */
    public record Polled<S>(String topic, Headers headers, byte[] payload, S source) {
    }

    /** A record of a poll that is not applied and goes to the DLQ, and why. */
    public record Refused<S>(S source, RuntimeException reason) {
    }

    /**
     * Applies a poll: each record decoded, the malformed ones and those a firm lane refuses answered as refused, the
     * others applied by {@code handler} in one unit of work, in the order they were read. When that unit keeps failing,
     * or the handler rejects one of its events ({@link MalformedEventException}), the events are applied one by one as
     * {@link #process} does, so one bad event is refused and the others are applied. The caller parks what is
     * refused on the DLQ before it counts the poll as done.
     */
    public <T, S> List<Refused<S>> applyPoll(List<Polled<S>> poll, Class<T> payloadType, BatchHandler<T> handler) {
        List<Refused<S>> refused = new ArrayList<>();
        List<CloudEvent<T>> events = new ArrayList<>(poll.size());
        List<Polled<S>> sources = new ArrayList<>(poll.size());
        for (Polled<S> r : poll) {
            try {
                events.add(decode(r.topic(), r.headers(), r.payload(), payloadType));
                sources.add(r);
            } catch (MalformedEventException e) {
                refused.add(new Refused<>(r.source(), e));
            }
        }
        if (!events.isEmpty()) {
            batchSize.record(events.size());
            applyBatch(events, sources, handler, refused);
        }
        return refused;
    }

    private <T, S> void applyBatch(List<CloudEvent<T>> events, List<Polled<S>> sources, BatchHandler<T> handler,
            List<Refused<S>> refused) {
        for (int attempt = 1; attempt <= BATCH_ATTEMPTS; attempt++) {
            try {
                Set<String> applied = batchTimer.record(() -> handler.apply(events));
                Set<String> counted = new HashSet<>();
                for (int i = 0; i < events.size(); i++) {
                    String key = events.get(i).eventKey();
                    count(sources.get(i).topic(), applied.contains(key) && counted.add(key) ? "applied" : "duplicate");
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
            Polled<S> source = sources.get(i);
            RuntimeException failed = applyOne(source.topic(), events.get(i),
                    event -> handler.apply(List.of(event)).contains(event.eventKey()));
            if (failed != null) {
                refused.add(new Refused<>(source.source(), failed));
            }
        }
    }

    /**
     * Decodes a record and checks its firm lane; a record that fails either is counted as parked and its reason thrown
     * ({@link MalformedEventException}, of which a firm mismatch is one).
     */
    private <T> CloudEvent<T> decode(String topic, Headers headers, byte[] payload, Class<T> payloadType) {
        try {
            CloudEvent<T> event = CloudEventCodec.decode(headers, payload, payloadType);
            FirmLanes.check(topic, event.subject(), event.data());
            return event;
        } catch (FirmLanes.FirmMismatchException e) {
            mismatched(meters, topic);
            LOG.warnf("Record on %s sent to the DLQ: %s", topic, e.getMessage());
            throw e;
        } catch (MalformedEventException e) {
            count(topic, "dlq");
            LOG.warnf("Malformed record on %s sent to the DLQ: %s", topic, e.getMessage());
            throw e;
        }
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
