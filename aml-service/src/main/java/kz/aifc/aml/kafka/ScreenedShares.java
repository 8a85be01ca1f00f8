package kz.aifc.aml.kafka;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import kz.aifc.aml.screening.ScreeningPipeline;
import kz.aifc.aml.screening.ScreenedRecord;
import kz.aifc.aml.kafka.DeadLetters.Parked;
import kz.aifc.aml.store.TransactionStore;

/**
 * One lane's share of a poll of the screened-transactions topic: its malformed records parked on the DLQ by
 * {@link DeadLetters}, the rest applied in one transaction by {@link ScreeningPipeline}. A share that keeps failing is
 * applied event by event, so one bad event cannot stall its partition: the event that still fails goes to the DLQ.
 * While the database is unreachable the share waits instead (an outage is not the events' fault).
 */
@Singleton
public class ScreenedShares {

    private static final Logger LOG = Logger.getLogger(ScreenedShares.class);
    static final int BATCH_ATTEMPTS = 3;

    private final ScreeningPipeline pipeline;
    private final DeadLetters deadLetters;
    private final TransactionStore store;
    private final MeterRegistry meters;
    private final Timer waited;
    private final Timer behind;

    ScreenedShares(ScreeningPipeline pipeline, DeadLetters deadLetters, TransactionStore store, MeterRegistry meters) {
        this.pipeline = pipeline;
        this.deadLetters = deadLetters;
        this.store = store;
        this.meters = meters;
        this.waited = Timer.builder("aml.batch.waited")
                .description("from the record timestamp of a lane share's oldest event to the share starting")
                .register(meters);
        this.behind = Timer.builder("aml.batch.behind")
                .description("from the record timestamp of a lane share's oldest event to its commit").register(meters);
    }

    /**
     * Applies a share (records in partition order, each customer's in the order they arrived) and returns once all
     * of it is stored or parked.
     *
     * @throws IllegalStateException only when the DLQ cannot be written: the share is then not finished
     */
    public void apply(String topic, List<ConsumerRecord<ByteBuffer, ScreenedRecord>> records) {
        List<Parked> parked = new ArrayList<>();
        List<ScreenedRecord> events = new ArrayList<>(records.size());
        List<ConsumerRecord<ByteBuffer, ScreenedRecord>> sources = new ArrayList<>(records.size());
        long queuedSince = Long.MAX_VALUE;
        for (ConsumerRecord<ByteBuffer, ScreenedRecord> r : records) {
            queuedSince = Math.min(queuedSince, r.timestamp());
            ScreenedRecord decoded = r.value();
            if (decoded.malformed()) {
                LOG.warnf("Malformed record %s-%d@%d sent to the DLQ: %s", r.topic(), r.partition(), r.offset(),
                        decoded.error().getMessage());
                parked.add(new Parked(r, decoded.error()));
            } else {
                events.add(decoded);
                sources.add(r);
            }
        }
        long started = System.currentTimeMillis();
        if (!events.isEmpty()) {
            apply(events, sources, parked, topic);
        }
        deadLetters.park(parked);
        if (queuedSince > 0 && queuedSince < Long.MAX_VALUE) {
            waited.record(Math.max(0, started - queuedSince), TimeUnit.MILLISECONDS);
            behind.record(Math.max(0, System.currentTimeMillis() - queuedSince), TimeUnit.MILLISECONDS);
        }
    }

    private void apply(List<ScreenedRecord> events, List<ConsumerRecord<ByteBuffer, ScreenedRecord>> sources,
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
                        LOG.warnf("Event %s rejected, sent to the DLQ: %s", events.get(i).eventKey(), e);
                        parked.add(new Parked(sources.get(i), new IllegalStateException(
                                "processing failed: " + e.getMessage(), e)));
                        break;
                    }
                }
            }
        }
    }

    /** Waits while the database is down; answers whether it was (an outage, not a bad event). */
    private boolean awaitDatabase() {
        boolean down = false;
        while (!store.reachable()) {
            down = true;
            LOG.warn("Database unreachable: holding the batch until it answers");
            sleep(1000);
        }
        return down;
    }

    private void count(String topic, ScreeningPipeline.Outcome outcome) {
        meters.counter("aifc.events.in", "topic", topic, "outcome", "applied").increment(outcome.applied());
        meters.counter("aifc.events.in", "topic", topic, "outcome", "duplicate").increment(outcome.duplicates());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
