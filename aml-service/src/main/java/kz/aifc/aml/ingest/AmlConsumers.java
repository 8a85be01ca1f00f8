package kz.aifc.aml.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import kz.aifc.aml.ingest.DeadLetters.Parked;
import kz.aifc.aml.store.AmlStore;
import kz.aifc.events.CloudEvent;
import kz.aifc.events.codec.CloudEventCodec;
import kz.aifc.events.codec.MalformedEventException;
import kz.aifc.events.v1.LicenceChanged;
import kz.aifc.events.v1.ScreenedTransaction;
import kz.aifc.platform.ingest.EventIngest;

/**
 * Kafka edge of aml-service. Screened transactions arrive in batches (one poll): malformed records are parked on the
 * DLQ by {@link DeadLetters}, the rest applied in one transaction by {@link ScreeningPipeline}, then the batch is
 * acked. A batch that keeps failing is split so one bad event cannot stall its partition. Licences: per record.
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

    AmlConsumers(EventIngest ingest, AmlIntake intake, ScreeningPipeline pipeline, DeadLetters deadLetters,
            AmlStore store, MeterRegistry meters) {
        this.ingest = ingest;
        this.intake = intake;
        this.pipeline = pipeline;
        this.deadLetters = deadLetters;
        this.store = store;
        this.meters = meters;
    }

    @Incoming("transactions")
    @Blocking
    public CompletionStage<Void> transactions(KafkaRecordBatch<String, byte[]> batch) {
        List<Parked> parked = new ArrayList<>();
        List<CloudEvent<ScreenedTransaction>> events = new ArrayList<>();
        List<KafkaRecord<String, byte[]>> sources = new ArrayList<>();
        String topic = null;
        for (KafkaRecord<String, byte[]> r : batch.getRecords()) {
            topic = r.getTopic();
            try {
                events.add(CloudEventCodec.decode(r.getHeaders(), r.getPayload(), ScreenedTransaction.class));
                sources.add(r);
            } catch (MalformedEventException e) {
                LOG.warnf("Malformed record %s-%d@%d sent to the DLQ: %s", r.getTopic(), r.getPartition(),
                        DeadLetters.offset(r), e.getMessage());
                parked.add(new Parked(r, e));
            }
        }
        if (!events.isEmpty()) {
            apply(events, sources, parked, topic);
        }
        deadLetters.park(parked);
        return batch.ack();
    }

    private void apply(List<CloudEvent<ScreenedTransaction>> events, List<KafkaRecord<String, byte[]>> sources,
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
