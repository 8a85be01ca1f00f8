package kz.aifc.aml.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import kz.aifc.aml.ingest.DeadLetters.Parked;
import kz.aifc.aml.store.AmlStore;
import kz.aifc.events.v1.ScreenedTransaction;
import kz.aifc.events.v1.LicenceChanged;
import kz.aifc.platform.ingest.EventIngest;

/**
 * Kafka edge of aml-service. Screened transactions arrive in batches (one poll), already decoded on the poll thread
 * by {@link ScreenedRecordDecoder}. A batch is split by customer over {@link Lanes} ({@code aifc.aml.lanes}), so
 * lanes share the work of a firm (the record key, hence one partition) and overlap one another's database round trips,
 * while each customer's events stay in order. On its lane, a share has its malformed records parked on the DLQ by
 * {@link DeadLetters} and the rest applied in one transaction by {@link ScreeningPipeline}. A batch's partitions are
 * acked once all its shares, and every earlier batch, are done, so a committed offset never passes an event not yet
 * applied. A share that keeps failing is applied event by event so one bad event cannot stall its partition.
 * Licences: per record.
 */
@ApplicationScoped
public class AmlConsumers {

    private static final Logger LOG = Logger.getLogger(AmlConsumers.class);
    static final int BATCH_ATTEMPTS = 3;

    private final EventIngest ingest;
    private final AmlIntake intake;
    private final ScreeningPipeline pipeline;
    private final DeadLetters deadLetters;
    private final AmlStore store;
    private final MeterRegistry meters;
    private final Lanes lanes;
    private final Timer waited;
    private final Timer behind;
    /** The acks of the last batch submitted: each batch acks after the one before it (the method is called serially). */
    private volatile CompletableFuture<Void> acked = CompletableFuture.completedFuture(null);
    /** Set when a batch could not be finished (the DLQ unwritable): from then on nothing is acked, see properties. */
    private final AtomicBoolean stopped = new AtomicBoolean();

    AmlConsumers(EventIngest ingest, AmlIntake intake, ScreeningPipeline pipeline, DeadLetters deadLetters,
            AmlStore store, MeterRegistry meters, @ConfigProperty(name = "aifc.aml.lanes", defaultValue = "2") int lanes,
            @ConfigProperty(name = "aifc.aml.batches-in-flight", defaultValue = "2") int batchesInFlight) {
        this.ingest = ingest;
        this.intake = intake;
        this.pipeline = pipeline;
        this.deadLetters = deadLetters;
        this.store = store;
        this.meters = meters;
        this.lanes = new Lanes("aml-transactions", lanes, batchesInFlight);
        this.waited = Timer.builder("aml.batch.waited")
                .description("from the record timestamp of a lane share's oldest event to the share starting")
                .register(meters);
        this.behind = Timer.builder("aml.batch.behind")
                .description("from the record timestamp of a lane share's oldest event to its commit").register(meters);
    }

    @PreDestroy
    void close() {
        lanes.close();
    }

    @Incoming("transactions")
    public CompletionStage<Void> transactions(KafkaRecordBatch<String, ScreenedRecord> batch) {
        List<List<KafkaRecord<String, ScreenedRecord>>> byLane = new ArrayList<>();
        for (int i = 0; i < lanes.count(); i++) {
            byLane.add(new ArrayList<>());
        }
        for (KafkaRecord<String, ScreenedRecord> r : batch.getRecords()) {
            byLane.get(lane(r)).add(r);
        }
        List<Runnable> work = new ArrayList<>();
        for (List<KafkaRecord<String, ScreenedRecord>> records : byLane) {
            work.add(records.isEmpty() ? null : () -> applyOnLane(records, batch));
        }
        Lanes.Submitted submitted = lanes.submit(work);
        Map<TopicPartition, KafkaRecord<String, ScreenedRecord>> latest = batch.getLatestOffsetRecords();
        acked = acked.handle((ok, error) -> null).thenCombine(submitted.done(), (a, b) -> b).thenRun(() -> {
            if (!stopped.get()) {
                latest.values().forEach(KafkaRecord::ack);
            }
        });
        return submitted.admitted();
    }

    /** A customer's lane (a malformed record, which has none, goes by its partition). */
    private int lane(KafkaRecord<String, ScreenedRecord> r) {
        ScreenedRecord decoded = r.getPayload();
        if (decoded.malformed()) {
            return Math.floorMod(r.getPartition(), lanes.count());
        }
        ScreenedTransaction t = decoded.event().data();
        return Math.floorMod(31 * t.firmId().hashCode() + t.customer().id().hashCode(), lanes.count());
    }

    /** One lane's share of a poll: DLQ the malformed, apply the rest; the acks wait for the whole batch. */
    private void applyOnLane(List<KafkaRecord<String, ScreenedRecord>> records,
            KafkaRecordBatch<String, ScreenedRecord> batch) {
        try {
            List<Parked> parked = new ArrayList<>();
            List<ScreenedRecord> events = new ArrayList<>();
            List<KafkaRecord<String, ScreenedRecord>> sources = new ArrayList<>();
            String topic = records.get(0).getTopic();
            for (KafkaRecord<String, ScreenedRecord> r : records) {
                ScreenedRecord decoded = r.getPayload();
                if (decoded.malformed()) {
                    LOG.warnf("Malformed record %s-%d@%d sent to the DLQ: %s", r.getTopic(), r.getPartition(),
                            DeadLetters.offset(r), decoded.error().getMessage());
                    parked.add(new Parked(r, decoded.value(), decoded.error()));
                } else {
                    events.add(decoded);
                    sources.add(r);
                }
            }
            long queuedSince = records.stream().mapToLong(r -> r.getTimestamp().toEpochMilli()).min().orElse(0);
            long started = System.currentTimeMillis();
            if (!events.isEmpty()) {
                apply(events, sources, parked, topic);
            }
            deadLetters.park(parked);
            if (queuedSince > 0) {
                waited.record(Math.max(0, started - queuedSince), TimeUnit.MILLISECONDS);
                behind.record(Math.max(0, System.currentTimeMillis() - queuedSince), TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            // Only the DLQ being unwritable gets here: stop the channel with the offsets uncommitted (see properties).
            LOG.errorf(e, "Cannot finish a batch of %d records: stopping the transactions channel", records.size());
            stopped.set(true);
            batch.nack(e);
        }
    }

    private void apply(List<ScreenedRecord> events, List<KafkaRecord<String, ScreenedRecord>> sources,
            List<Parked> parked, String topic) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= BATCH_ATTEMPTS; attempt++) {
            try {
                count(topic, pipeline.apply(events));
                return;
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf("Batch of %d events failed (attempt %d of %d): %s", events.size(), attempt, BATCH_ATTEMPTS, e);
                if (awaitDatabase()) {
                    attempt--;
                } else {
                    sleep(100L << attempt);
                }
            }
        }
        LOG.warnf("Batch of %d events keeps failing (%s): applying one by one", events.size(), last);
        for (int i = 0; i < events.size(); i++) {
            while (true) {
                try {
                    count(topic, pipeline.apply(List.of(events.get(i))));
                    break;
                } catch (RuntimeException e) {
                    if (!awaitDatabase()) {
                        LOG.warnf("Event %s rejected, sent to the DLQ: %s", events.get(i).event().eventKey(), e);
                        parked.add(new Parked(sources.get(i), events.get(i).value(), new IllegalStateException(
                                "processing failed: " + e.getMessage(), e)));
                        break;
                    }
                }
            }
        }
    }

    /** Waits while the database is down; answers whether it was (an outage, not a bad event). */
    private boolean awaitDatabase() {
        boolean waited = false;
        while (!store.reachable()) {
            waited = true;
            LOG.warn("Database unreachable: holding the batch until it answers");
            sleep(1000);
        }
        return waited;
    }

    private void count(String topic, ScreeningPipeline.Outcome outcome) {
        meters.counter("aifc.events.in", "topic", topic, "outcome", "applied").increment(outcome.applied());
        meters.counter("aifc.events.in", "topic", topic, "outcome", "duplicate").increment(outcome.duplicates());
    }

    @Incoming("licences")
    @Blocking
    public CompletionStage<Void> licences(Message<byte[]> message) {
        return ingest.process(message, LicenceChanged.class, intake::licence);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
