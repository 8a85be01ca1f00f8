package kz.aifc.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import kz.aifc.simulator.traffic.Feed;
import kz.aifc.simulator.traffic.Outgoing;
import kz.aifc.simulator.traffic.Scenario;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends a feed to Kafka, paced or flat out, counting acknowledgements and failures in an async callback. */
final class Sender implements AutoCloseable {

    /** What a run achieved; {@code sent} and {@code malformed} count records the broker acknowledged. */
    record Result(long sent, long malformed, long failed, double seconds) {

        double eventsPerSecond() {
            return seconds > 0 ? sent / seconds : 0;
        }

        /** The one line of stdout that benchmarks parse. */
        String json() {
            return String.format(Locale.ROOT,
                    "{\"sent\":%d,\"malformed\":%d,\"seconds\":%.3f,\"eventsPerSecond\":%.1f,\"failed\":%d}",
                    sent, malformed, seconds, eventsPerSecond(), failed);
        }
    }

    /** Runs once the feed's onboarding records are acknowledged, before anything else is sent. */
    interface Checkpoint {
        void run() throws InterruptedException;
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final long PACING_GRAIN_NANOS = 1_000_000;
    private static final int ERRORS_SHOWN = 5;

    private final Options options;
    private final PrintStream err;
    private final KafkaProducer<String, byte[]> producer;
    private final LongAdder acked = new LongAdder();
    private final LongAdder ackedMalformed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicInteger errorsShown = new AtomicInteger();
    private final Callback goodCallback = (metadata, e) -> done(e, false);
    private final Callback badCallback = (metadata, e) -> done(e, true);
    private volatile boolean stopRequested;
    private volatile long queued;

    Sender(Options options, String clientId, PrintStream err) {
        this.options = options;
        this.err = err;
        checkBroker();
        this.producer = new KafkaProducer<>(producerProperties(options, clientId));
    }

    /**
     * Throughput-minded defaults, then the security settings of the environment ({@link KafkaEnvironment});
     * {@code --producer} overrides any. On the 2-core box lz4 beat no compression by
     * about a third (the broker writes fewer bytes); linger 5-20 ms, 64-256 KB batches and acks=1 made no
     * difference above the noise, so acks=all with idempotence stays: a retried batch is never duplicated.
     */
    static Properties producerProperties(Options options, String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "131072");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L * 1024 * 1024));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
        KafkaEnvironment.withEnvironment(p);
        p.putAll(options.producer());
        return p;
    }

    /** Fails fast with a clear message when no broker answers, and warns about topics that do not exist yet. */
    private void checkBroker() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CONNECT_TIMEOUT.toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CONNECT_TIMEOUT.toMillis());
        KafkaEnvironment.withEnvironment(p);
        Set<String> existing;
        try (Admin admin = Admin.create(p)) {
            existing = admin.listTopics().names().get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulatorException("interrupted while connecting to Kafka", e);
        } catch (Exception e) {
            throw new SimulatorException("no Kafka broker answered at " + options.bootstrap() + " within "
                    + CONNECT_TIMEOUT.toSeconds() + " s (start one with deploy/local/kafka.sh start)", e);
        }
        List<String> missing = new ArrayList<>();
        for (String topic : topics(options.scenario())) {
            if (!existing.contains(topic + options.topicSuffix())) {
                missing.add(topic + options.topicSuffix());
            }
        }
        if (!missing.isEmpty()) {
            err.println("simulator: warning: topics " + missing + " do not exist; the broker may auto-create them "
                    + "with default settings (create them with: deploy/local/kafka.sh topics "
                    + options.topicSuffix() + ")");
        }
    }

    private static List<String> topics(Scenario scenario) {
        return scenario.topics();
    }

    /** Asks a running {@link #run} to stop after the current record; used on Ctrl-C. */
    void requestStop() {
        stopRequested = true;
    }

    /**
     * Sends the feed; with a checkpoint, the feed's onboarding records are flushed and the checkpoint runs before
     * the next record. The time it takes is left out of the pacing, {@code --duration} and the summary.
     */
    Result run(Feed feed, Checkpoint afterOnboarding) throws InterruptedException {
        long onboarding = afterOnboarding == null ? -1 : feed.onboardingRecords();
        Long count = options.count();
        double rate = options.effectiveRate();
        // With a rate and a duration, no more than that many records are ever sent: the pre-generator stops there
        // instead of encoding records for nothing while the run is measured.
        long limit = count != null ? count
                : rate > 0 && options.duration() != null
                        ? (long) Math.ceil(rate * options.duration().toNanos() / 1e9) + 1
                        : Long.MAX_VALUE;
        int pregenerate = options.effectivePregenerate();
        Prefetcher prefetcher = null;
        if (pregenerate > 0) {
            long started = System.nanoTime();
            prefetcher = new Prefetcher(feed, options.topicSuffix(), pregenerate, limit);
            prefetcher.awaitReady(pregenerate);
            err.printf(Locale.ROOT, "simulator: pre-generated %d records in %.1f s%n", prefetcher.generated(),
                    (System.nanoTime() - started) / 1e9);
        }
        double interval = rate > 0 ? 1e9 / rate : 0;
        long deadline = options.duration() != null ? options.duration().toNanos() : Long.MAX_VALUE;
        ScheduledExecutorService reporter = startReporter();
        long t0 = System.nanoTime();
        try {
            long i = 0;
            if (onboarding == 0) {
                t0 += settle(afterOnboarding);
            }
            while (!stopRequested && i < limit) {
                long elapsed = System.nanoTime() - t0;
                if (elapsed >= deadline) {
                    break;
                }
                Prepared next = prefetcher != null ? prefetcher.next() : nextInline(feed);
                if (next == null) {
                    break;
                }
                if (interval > 0) {
                    long due = (long) (i * interval);
                    if (due >= deadline) {
                        break;
                    }
                    // Ahead of the schedule by a millisecond or more: sleep until the record is due. Records due
                    // within the millisecond go at once: one wake-up per record (5,000 a second) cost the simulator a
                    // third of a core on the 2-core box the service is measured on, and the producer's linger batches
                    // them anyway. Each record's timestamp is still taken when it is sent.
                    while (due - (elapsed = System.nanoTime() - t0) >= PACING_GRAIN_NANOS && !stopRequested) {
                        LockSupport.parkNanos(due - elapsed);
                    }
                }
                producer.send(next.record(), next.malformed() ? badCallback : goodCallback);
                queued = ++i;
                if (next.incident() != null) {
                    err.println("simulator: " + next.incident());
                }
                if (i == onboarding) {
                    t0 += settle(afterOnboarding);
                }
            }
            producer.flush();
        } finally {
            reporter.shutdownNow();
            if (prefetcher != null) {
                prefetcher.close();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(acked.sum(), ackedMalformed.sum(), failed.sum(), seconds);
    }

    /** Flushes what was sent and runs the checkpoint; answers the nanoseconds it took. */
    private long settle(Checkpoint checkpoint) throws InterruptedException {
        long started = System.nanoTime();
        producer.flush();
        err.println("simulator: " + acked.sum() + " onboarding records sent; waiting until they are applied");
        checkpoint.run();
        return System.nanoTime() - started;
    }

    private Prepared nextInline(Feed feed) {
        Outgoing out = feed.next();
        return out == null ? null : Prepared.of(out, options.topicSuffix());
    }

    private ScheduledExecutorService startReporter() {
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulator-progress");
            t.setDaemon(true);
            return t;
        });
        Duration every = options.reportEvery();
        if (!every.isZero()) {
            long start = System.nanoTime();
            long[] last = {0, start};
            reporter.scheduleAtFixedRate(() -> {
                long now = System.nanoTime();
                long sent = acked.sum();
                double window = (now - last[1]) / 1e9;
                err.printf(Locale.ROOT,
                        "simulator: %6.1fs sent %d (%.0f/s now, %.0f/s overall), malformed %d, failed %d, "
                                + "queued %d%n",
                        (now - start) / 1e9, sent, (sent - last[0]) / window, sent / ((now - start) / 1e9),
                        ackedMalformed.sum(), failed.sum(), queued);
                last[0] = sent;
                last[1] = now;
            }, every.toNanos(), every.toNanos(), TimeUnit.NANOSECONDS);
        }
        return reporter;
    }

    private void done(Exception e, boolean malformed) {
        if (e == null) {
            acked.increment();
            if (malformed) {
                ackedMalformed.increment();
            }
            return;
        }
        failed.increment();
        int shown = errorsShown.incrementAndGet();
        if (shown <= ERRORS_SHOWN) {
            err.println("simulator: send failed: " + e);
        } else if (shown == ERRORS_SHOWN + 1) {
            err.println("simulator: further send failures are counted, not shown");
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
