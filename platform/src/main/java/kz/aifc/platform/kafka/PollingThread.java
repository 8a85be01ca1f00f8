package kz.aifc.platform.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * The life of a Kafka consumer that a service runs on a thread of its own (aml-service's transactions, the desk's
 * alerts): started at startup, stopped for a reason that readiness reports, joined at shutdown so that the poll in
 * hand finishes and is committed before the datasource goes. What the loop does is its own.
 */
public final class PollingThread {

    private final String name;
    private final Logger log;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile String stoppedBecause;
    private volatile long lastPoll;

    /** {@code name}: the thread's name; {@code log}: the consumer's own logger. */
    public PollingThread(String name, Logger log) {
        this.name = name;
        this.log = log;
    }

    public void start(Runnable loop) {
        running = true;
        Thread t = new Thread(loop, name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Whether the loop should go on: neither shut down nor stopped. */
    public boolean running() {
        return running && stoppedBecause == null;
    }

    /** Stops the loop for a reason, which readiness reports from then on. */
    public void stop(String why, Throwable cause) {
        log.error("Consumer " + name + " stopped: " + why, cause);
        stoppedBecause = why;
        running = false;
    }

    public String stoppedBecause() {
        return stoppedBecause;
    }

    /** The loop has just polled. */
    public void polled() {
        lastPoll = System.currentTimeMillis();
    }

    /** Null while the loop runs, else why it does not. */
    public String notReady() {
        if (stoppedBecause != null) {
            return stoppedBecause;
        }
        Thread t = thread;
        return t != null && t.isAlive() ? null : "the consumer thread is not running";
    }

    /** Milliseconds since the loop last polled, or -1 before its first poll. */
    private long sinceLastPoll() {
        long at = lastPoll;
        return at == 0 ? -1 : System.currentTimeMillis() - at;
    }

    /**
     * At shutdown: asks the loop to end (it notices within a poll or a check-in) and waits for it to finish what it
     * holds. Not {@code wakeup()}: a wake-up still pending would fail the loop's last commit.
     */
    public void shutdown(Duration wait) {
        running = false;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The readiness response of the consumer: UP while it runs, else DOWN with the reason; with its topic. */
    public HealthCheckResponseBuilder readiness(String check, String topic, int partitions) {
        String notReady = notReady();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(check).status(notReady == null)
                .withData("topic", topic)
                .withData("partitions", partitions)
                .withData("msSinceLastPoll", sinceLastPoll());
        if (notReady != null) {
            response.withData("reason", notReady);
        }
        return response;
    }

    /**
     * The settings such a consumer starts from: its group, offsets committed by the loop (never automatically), a new
     * group reading from the earliest record, at most so many records a poll, and a fetch that waits for
     * {@code fetchMinBytes} or {@code fetchMaxWaitMs}, whichever comes first (a poll applied in one transaction costs
     * about the same whatever its size, so a moderate stream is cheaper in fewer, larger polls). A consumer adds its
     * own.
     */
    public static Map<String, Object> consumerConfig(String groupId, int maxPollRecords, int fetchMinBytes,
            int fetchMaxWaitMs) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, fetchMinBytes);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, fetchMaxWaitMs);
        return config;
    }

    /** The consumer's client metrics (fetch rate, lag …) bound to the registry; close them with the consumer. */
    public static KafkaClientMetrics metered(KafkaConsumer<?, ?> c, MeterRegistry meters) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(c);
        metrics.bindTo(meters);
        return metrics;
    }

    /**
     * Commits offsets from the polling thread: waiting (before partitions move, at the end) or not. A failure is only
     * logged: a later commit covers those records, or they are read again and found already applied.
     */
    public static void commit(KafkaConsumer<?, ?> c, Map<TopicPartition, OffsetAndMetadata> done, boolean sync,
            Logger log) {
        if (done.isEmpty()) {
            return;
        }
        if (sync) {
            try {
                c.commitSync(done, Duration.ofSeconds(30));
            } catch (RuntimeException e) {
                log.warnf("Cannot commit %s: %s (those records will be read again and found already applied)", done, e);
            }
        } else {
            c.commitAsync(done, (offsets, error) -> {
                if (error != null) {
                    log.warnf("Cannot commit %s: %s (a later commit covers them, or they are read again and found "
                            + "already applied)", offsets, error.toString());
                }
            });
        }
    }
}
