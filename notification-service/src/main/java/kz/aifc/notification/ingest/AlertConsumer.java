package kz.aifc.notification.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import kz.aifc.platform.ingest.EventIngest;
import kz.aifc.platform.ingest.EventIngest.Polled;
import kz.aifc.platform.ingest.EventIngest.Refused;
import kz.aifc.platform.kafka.DeadLetterWriter;
import kz.aifc.platform.kafka.KafkaClients;
import kz.aifc.platform.kafka.PollingThread;

/**
 * Kafka edge of notification-service: the alerts the three checking services raise and resolve, read by a plain
 * {@link KafkaConsumer} on a thread of its own that polls only when the poll before is applied. So whatever arrived
 * meanwhile is one poll, applied in one transaction ({@link AlertIntake}), and an alert waits for at most the poll in
 * hand (with a connector that polls ahead it could also wait behind polls already fetched; BENCHMARKS.md). A record
 * the intake refuses (malformed, another firm's alert) is parked on the DLQ with its reason before the poll's offsets
 * are committed; if the DLQ cannot be written the consumer stops with them uncommitted (readiness DOWN) and a restart
 * reads the poll again, which the inbox makes harmless.
 * <p>
 * A poll is applied on a second thread while this one waits: a long apply (the database down, retried) pauses the
 * partitions and keeps polling, which brings nothing but keeps the consumer in its group. Partitions taken away wait
 * for the poll in hand and its commit, so the next owner starts after it.
 */
@Singleton
public class AlertConsumer {

    private static final Logger LOG = Logger.getLogger(AlertConsumer.class);
    private static final Duration POLL = Duration.ofMillis(100);
    /** How long a wait for the poll being applied goes before the consumer checks in with its group. */
    private static final long CHECK_IN_MS = 1_000;
    /** How long partitions being taken away wait for the poll being applied. */
    private static final long REVOKE_WAIT_MS = 60_000;

    private final KafkaClients kafka;
    private final EventIngest ingest;
    private final AlertIntake intake;
    private final MeterRegistry meters;
    private final String topic;
    private final String groupId;
    private final String dlqTopic;
    /** The consumer's own settings; the shared {@code kafka.*} ones (bootstrap, security) come from KafkaClients. */
    private final Map<String, Object> consumerConfig;
    private final ExecutorService applier = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "notification-apply-alerts");
        t.setDaemon(true);
        return t;
    });

    private final PollingThread loop = new PollingThread("notification-poll-alerts", LOG);
    private volatile int partitions;
    /** The poll being applied and the offsets it will commit; touched by the poll thread only. */
    private Future<?> applying;
    private Map<TopicPartition, OffsetAndMetadata> applyingOffsets = Map.of();
    private boolean waiting;

    AlertConsumer(KafkaClients kafka, EventIngest ingest, AlertIntake intake, MeterRegistry meters,
            @ConfigProperty(name = "aifc.notification.alerts.topic") String topic,
            @ConfigProperty(name = "aifc.notification.alerts.group-id") String groupId,
            @ConfigProperty(name = "aifc.notification.alerts.dlq-topic") String dlqTopic,
            @ConfigProperty(name = "aifc.notification.alerts.max-poll-records") int maxPollRecords,
            @ConfigProperty(name = "aifc.notification.alerts.fetch-min-bytes") int fetchMinBytes,
            @ConfigProperty(name = "aifc.notification.alerts.fetch-max-wait-ms") int fetchMaxWaitMs) {
        this.kafka = kafka;
        this.ingest = ingest;
        this.intake = intake;
        this.meters = meters;
        this.topic = topic;
        this.groupId = groupId;
        this.dlqTopic = dlqTopic;
        this.consumerConfig = Map.copyOf(
                PollingThread.consumerConfig(groupId, maxPollRecords, fetchMinBytes, fetchMaxWaitMs));
    }

    void onStart(@Observes StartupEvent started) {
        loop.start(this::run);
    }

    /** Readiness: UP while the consumer runs, DOWN with the reason once it has stopped. */
    HealthCheckResponseBuilder readiness() {
        return loop.readiness("notification-alerts-consumer", topic, partitions);
    }

    private void run() {
        KafkaConsumer<byte[], byte[]> c;
        DeadLetterWriter dlq;
        try {
            c = kafka.consumer("notification-alerts-" + groupId, consumerConfig, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            dlq = new DeadLetterWriter(kafka, "notification-service-dlq", dlqTopic);
        } catch (RuntimeException e) {
            loop.stop("cannot create the Kafka clients: " + e.getMessage(), e);
            return;
        }
        KafkaClientMetrics metrics = PollingThread.metered(c, meters);
        try {
            c.subscribe(List.of(topic), new PartitionMoves(c));
            LOG.infof("Consuming %s as group %s", topic, groupId);
            while (loop.running()) {
                ConsumerRecords<byte[], byte[]> records = c.poll(POLL);
                loop.polled();
                if (records.isEmpty()) {
                    continue;
                }
                applying = applier.submit(() -> apply(records, dlq));
                applyingOffsets = records.nextOffsets();
                if (!await(c)) {
                    break;
                }
                commit(c, !loop.running()); // the last one before closing waits for the broker
            }
        } catch (RuntimeException e) {
            loop.stop("the consumer failed: " + e, e);
        } finally {
            try {
                c.close(Duration.ofSeconds(10));
            } finally {
                dlq.close();
                metrics.close();
                partitions = 0;
            }
        }
    }

    /** Applies a poll and parks what it refuses; throws when the DLQ cannot be written (the poll is then not done). */
    private void apply(ConsumerRecords<byte[], byte[]> records, DeadLetterWriter dlq) {
        List<Polled<ConsumerRecord<byte[], byte[]>>> poll = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> r : records) {
            poll.add(new Polled<>(r.topic(), r.headers(), r.value(), r));
        }
        List<Refused<ConsumerRecord<byte[], byte[]>>> refused = ingest.applyPoll(poll, Object.class, intake::alerts);
        List<DeadLetterWriter.Parked> parked = new ArrayList<>(refused.size());
        for (Refused<ConsumerRecord<byte[], byte[]>> r : refused) {
            ConsumerRecord<byte[], byte[]> s = r.source();
            parked.add(new DeadLetterWriter.Parked(s.topic(), s.partition(), s.offset(), s.key(), s.value(),
                    s.headers(), r.reason()));
        }
        dlq.park(parked);
    }

    /**
     * Waits for the poll being applied, checking in with the group meanwhile; answers false when it failed (the
     * consumer then stops with its offsets uncommitted) or the service stops first.
     */
    private boolean await(KafkaConsumer<byte[], byte[]> c) {
        boolean paused = false;
        try {
            while (true) {
                Future<?> f = applying;
                if (f == null) {
                    return true; // finished and committed while partitions moved
                }
                try {
                    f.get(CHECK_IN_MS, TimeUnit.MILLISECONDS);
                    return true;
                } catch (TimeoutException e) {
                    if (!paused) {
                        c.pause(c.assignment());
                        paused = true;
                        waiting = true;
                    }
                    c.poll(Duration.ZERO); // paused: brings nothing, keeps the consumer in its group
                    loop.polled();
                } catch (ExecutionException e) {
                    loop.stop("a poll could not be finished (" + e.getCause().getMessage()
                            + "): stopped with its offsets uncommitted; a restart reads it again", e.getCause());
                    applying = null;
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        } finally {
            if (paused) {
                waiting = false;
                c.resume(c.paused());
            }
        }
    }

    /** Commits the poll just applied, of the partitions still held (nothing when a move already committed it). */
    private void commit(KafkaConsumer<byte[], byte[]> c, boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>(applyingOffsets);
        applying = null;
        applyingOffsets = Map.of();
        done.keySet().retainAll(c.assignment());
        PollingThread.commit(c, done, sync, LOG);
    }

    /**
     * At shutdown, before the datasource goes: the poll thread notices within a poll (100 ms) or a check-in (1 s),
     * lets the poll in hand finish and commits it.
     */
    void onStop(@Observes ShutdownEvent stopping) {
        loop.shutdown(Duration.ofSeconds(45));
        applier.shutdown();
    }

    /**
     * Partitions moving (inside a poll of this thread). Taken away: the poll being applied finishes and is committed
     * first. Given while a poll is applied: paused with the others, so nothing is read past it.
     */
    private final class PartitionMoves implements ConsumerRebalanceListener {

        private final KafkaConsumer<byte[], byte[]> c;

        PartitionMoves(KafkaConsumer<byte[], byte[]> c) {
            this.c = c;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            Future<?> f = applying;
            if (f != null && !revoked.isEmpty()) {
                try {
                    f.get(REVOKE_WAIT_MS, TimeUnit.MILLISECONDS);
                    commit(c, true);
                } catch (TimeoutException e) {
                    LOG.warnf("The poll of %s still applying after %d ms: the next owner may read it again (found "
                            + "already applied)", revoked, REVOKE_WAIT_MS);
                } catch (ExecutionException e) {
                    // Not done: left uncommitted, await() stops the consumer.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            partitions = c.assignment().size() - revoked.size();
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            if (waiting && !assigned.isEmpty()) {
                c.pause(assigned);
            }
            partitions = c.assignment().size();
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            partitions = c.assignment().size() - lost.size();
        }
    }
}
