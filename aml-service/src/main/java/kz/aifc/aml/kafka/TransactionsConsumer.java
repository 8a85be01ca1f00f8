package kz.aifc.aml.kafka;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteBufferDeserializer;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import kz.aifc.aml.config.AmlConfig;
import kz.aifc.platform.kafka.KafkaClients;
import kz.aifc.platform.kafka.PollingThread;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import kz.aifc.aml.screening.HistoryCache;
import kz.aifc.aml.screening.ScreenedRecord;
import kz.aifc.contract.FirmLanes;
import kz.aifc.contract.v1.ScreenedTransaction;

/**
 * The screened-transactions topic's consumer: a plain {@link KafkaConsumer} on a thread of its own, the volume path of
 * the service. Records are decoded inside the poll by {@link ScreenedRecordDecoder} (from the buffer the client read
 * them into), and a poll is split by customer over {@link Lanes} ({@code aifc.aml.lanes}): lanes share even one
 * firm's partition, each customer's events stay in order on one lane, and one lane computes while another waits on
 * the database. At most {@code aifc.aml.batches-in-flight} polls are admitted at once (one applying, one waiting):
 * the poll thread waits for a place before it polls again, which is the back-pressure, and keeps few records alive
 * at a time. Offsets are committed from the poll thread as polls finish, in order ({@link InFlightBatches}).
 * <p>
 * Partitions moving: before partitions are taken away the polls in flight are finished and committed, then the
 * customer histories are forgotten (another instance applies those customers next), as they are when partitions are
 * given. If the DLQ cannot be written the consumer stops with the offsets uncommitted (readiness DOWN) and a restart
 * reads the poll again.
 */
@Singleton
public class TransactionsConsumer {

    private static final Logger LOG = Logger.getLogger(TransactionsConsumer.class);
    private static final Duration POLL = Duration.ofMillis(100);
    /** How long a wait for a place, or for the polls in flight, goes before the consumer checks in with the group. */
    private static final long CHECK_IN_MS = 1_000;
    /** How long partitions being taken away wait for their polls in flight to finish. */
    private static final long REVOKE_WAIT_MS = 60_000;

    private final KafkaClients kafka;
    private final String topic;
    private final String groupId;
    /** The consumer's own settings; the shared {@code kafka.*} ones (bootstrap, security) come from KafkaClients. */
    private final Map<String, Object> consumerConfig;
    private final long commitIntervalNanos;
    private long lastCommit;
    private final boolean enabled;
    private final ScreenedShares shares;
    private final HistoryCache cache;
    private final MeterRegistry meters;
    private final Lanes lanes;
    private final InFlightBatches inFlight = new InFlightBatches();

    private final PollingThread loop = new PollingThread("aml-poll-transactions", LOG);
    private volatile int partitions;

    TransactionsConsumer(KafkaClients kafka, AmlConfig config, ScreenedShares shares, HistoryCache cache,
            MeterRegistry meters) {
        AmlConfig.Transactions c = config.transactions();
        this.kafka = kafka;
        this.topic = c.topic();
        this.groupId = c.groupId();
        Map<String, Object> own = PollingThread.consumerConfig(groupId, c.maxPollRecords(), c.fetchMinBytes(),
                c.fetchMaxWaitMs());
        own.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, LANE_DISCOVERY_MS);
        this.consumerConfig = Map.copyOf(own);
        this.commitIntervalNanos = TimeUnit.MILLISECONDS.toNanos(c.commitIntervalMs());
        this.enabled = c.enabled();
        this.shares = shares;
        this.cache = cache;
        this.meters = meters;
        this.lanes = new Lanes("aml-transactions", config.lanes(), config.batchesInFlight());
    }

    void onStart(@Observes StartupEvent started) {
        if (!enabled) {
            LOG.info("The screened-transactions consumer is disabled (aifc.aml.transactions.enabled=false)");
            return;
        }
        loop.start(this::run);
    }

    /** Null while the consumer runs (or is disabled), else why it does not. */
    String notReady() {
        return enabled ? loop.notReady() : null;
    }

    /** Readiness: UP while the consumer runs (or is disabled), DOWN with the reason once it has stopped. */
    HealthCheckResponseBuilder readiness() {
        String check = "aml-transactions-consumer";
        if (!enabled) {
            return HealthCheckResponse.named(check).up().withData("topic", topic).withData("enabled", false);
        }
        return loop.readiness(check, topic, partitions).withData("pollsInFlight", inFlight.size());
    }

    /** A new firm's lane joins the pattern subscription within this time. */
    private static final int LANE_DISCOVERY_MS = 30_000;

    private void run() {
        KafkaConsumer<ByteBuffer, ScreenedRecord> c;
        try {
            c = kafka.consumer("aml-transactions-" + groupId, consumerConfig, new ByteBufferDeserializer(),
                    new ScreenedRecordDecoder());
        } catch (RuntimeException e) {
            loop.stop("cannot create the Kafka consumer: " + e.getMessage(), e);
            return;
        }
        KafkaClientMetrics metrics = PollingThread.metered(c, meters);
        try {
            // The shared topic and every firm lane next to it (contract/README.md §1, "Firm lanes").
            c.subscribe(Pattern.compile(FirmLanes.pattern(topic)), new PartitionMoves(c));
            LOG.infof("Consuming %s and its firm lanes as group %s (%d lanes)", topic, groupId, lanes.count());
            while (loop.running()) {
                commit(c, false);
                if (!loop.running()) {
                    break;
                }
                ConsumerRecords<ByteBuffer, ScreenedRecord> records = c.poll(POLL);
                loop.polled();
                if (!records.isEmpty()) {
                    awaitPlace(c, submit(records));
                }
            }
        } catch (RuntimeException e) {
            loop.stop("the consumer failed: " + e, e);
        } finally {
            finish(c);
            metrics.close();
        }
    }

    /** Splits a poll over the lanes and answers when the next poll may be taken. */
    private CompletionStage<Void> submit(ConsumerRecords<ByteBuffer, ScreenedRecord> records) {
        int count = lanes.count();
        List<List<ConsumerRecord<ByteBuffer, ScreenedRecord>>> byLane = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byLane.add(new ArrayList<>(records.count() / count + 16));
        }
        for (ConsumerRecord<ByteBuffer, ScreenedRecord> r : records) {
            byLane.get(lane(r, count)).add(r);
        }
        InFlightBatches.Batch batch = inFlight.add(records.nextOffsets());
        List<Runnable> work = new ArrayList<>(count);
        for (List<ConsumerRecord<ByteBuffer, ScreenedRecord>> share : byLane) {
            work.add(share.isEmpty() ? null : () -> {
                try {
                    shares.apply(topic, share);
                } catch (RuntimeException | Error e) {
                    // Whatever it was, this share is not done: its poll must never count as committed.
                    LOG.errorf(e, "Cannot finish a share of %d records: the consumer stops with its offsets "
                            + "uncommitted", share.size());
                    batch.fail(e);
                    if (e instanceof Error error) {
                        throw error;
                    }
                }
            });
        }
        Lanes.Submitted submitted = lanes.submit(work);
        submitted.done().whenComplete((ok, error) -> batch.done.complete(null));
        return submitted.admitted();
    }

    /** A customer's lane (a malformed record, which has none, goes by its partition). */
    static int lane(ConsumerRecord<?, ScreenedRecord> r, int lanes) {
        ScreenedRecord decoded = r.value();
        if (decoded.malformed()) {
            return Math.floorMod(r.partition(), lanes);
        }
        ScreenedTransaction t = decoded.event().data();
        return Math.floorMod(31 * t.firmId().hashCode() + t.customer().id().hashCode(), lanes);
    }

    /**
     * Waits for a place for the next poll. A long wait (the database down) pauses the partitions and keeps polling,
     * which brings nothing but keeps the consumer in its group.
     */
    private void awaitPlace(KafkaConsumer<ByteBuffer, ScreenedRecord> c, CompletionStage<Void> admitted) {
        boolean paused = false;
        try {
            while (loop.running()) {
                try {
                    admitted.toCompletableFuture().get(CHECK_IN_MS, TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException e) {
                    if (!paused) {
                        c.pause(c.assignment());
                        paused = true;
                    }
                    commit(c, false);
                    c.poll(Duration.ZERO);
                    loop.polled();
                } catch (ExecutionException e) {
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } finally {
            if (paused) {
                c.resume(c.paused());
            }
        }
    }

    /**
     * Commits what finished; a poll that could not be finished stops the consumer. An asynchronous commit waits for
     * the commit interval since the last one (a commit per poll was a hundred requests a second to the broker at 5,000
     * events a second; what a crash leaves uncommitted is read again and found already stored).
     */
    private void commit(KafkaConsumer<ByteBuffer, ScreenedRecord> c, boolean sync) {
        long now = System.nanoTime();
        boolean due = sync || now - lastCommit >= commitIntervalNanos;
        Map<TopicPartition, OffsetAndMetadata> done = due ? inFlight.takeCommittable() : Map.of();
        if (inFlight.stoppedBy() != null && loop.stoppedBecause() == null) {
            loop.stop("a poll could not be finished (" + inFlight.stoppedBy().getMessage()
                    + "): stopped with its offsets uncommitted; a restart reads it again", inFlight.stoppedBy());
        }
        if (done.isEmpty()) {
            return;
        }
        lastCommit = now;
        PollingThread.commit(c, done, sync, LOG);
    }

    /** Lets the polls in flight finish and commits them, then closes the consumer. */
    private void finish(KafkaConsumer<ByteBuffer, ScreenedRecord> c) {
        try {
            if (!inFlight.awaitAll(30_000)) {
                LOG.warn("Polls still in flight at shutdown: they are read again at the next start");
            }
            if (loop.stoppedBecause() == null) {
                commit(c, true);
            }
        } finally {
            c.close(Duration.ofSeconds(10));
            partitions = 0;
        }
    }

    /**
     * At shutdown, before the datasource goes: the poll thread notices within a poll (100 ms) or a wait for a place
     * (1 s), lets the polls in flight finish and commits them. (Not {@code wakeup()}: a wake-up still pending would
     * fail that last commit.)
     */
    void onStop(@Observes ShutdownEvent stopping) {
        loop.shutdown(Duration.ofSeconds(45));
        lanes.close();
    }

    /**
     * Partitions moving. Taken away: the polls in flight are finished and committed first, so the next owner starts
     * after them; then the in-memory histories are forgotten, as when partitions are given, so a customer's windows
     * are rebuilt from what was committed.
     */
    private final class PartitionMoves implements ConsumerRebalanceListener {

        private final KafkaConsumer<ByteBuffer, ScreenedRecord> c;

        PartitionMoves(KafkaConsumer<ByteBuffer, ScreenedRecord> c) {
            this.c = c;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            if (revoked.isEmpty()) {
                return;
            }
            if (!inFlight.awaitAll(REVOKE_WAIT_MS)) {
                LOG.warnf("Polls of %s still in flight after %d ms: the next owner may read them again (found "
                        + "already stored)", revoked, REVOKE_WAIT_MS);
            }
            commit(c, true);
            forget("revoked", revoked);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            partitions = c.assignment().size();
            forget("assigned", assigned);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            inFlight.forget(lost);
            forget("lost", lost);
        }

        private void forget(String what, Collection<TopicPartition> moved) {
            partitions = c.assignment().size();
            if (!moved.isEmpty()) {
                LOG.infof("Partitions %s %s: customer histories will be rebuilt from the database", what, moved);
                cache.clear();
            }
        }
    }
}
