package kz.aifc.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import kz.aifc.platform.kafka.KafkaClients;
import kz.aifc.platform.store.Jdbc;

/**
 * Publishes queued outbox rows to Kafka in id order, then marks them published. Woken right after each commit
 * that queued events, and polling as a safety net. Rows are claimed with {@code FOR UPDATE SKIP LOCKED} so
 * several instances can share the work. Enabled with {@code aifc.outbox.enabled=true}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 500;
    private static final String CLAIM = """
            select id, topic, record_key, headers, payload from outbox
            where published_at is null order by id limit ? for update skip locked""";
    private static final String MARK = "update outbox set published_at = now() where id = any (?)";

    /** The relay's own transactions, apart from any caller's: rows stay locked until Kafka acknowledges them. */
    private final DataSource dataSource;
    private final Jdbc jdbc;
    private final MeterRegistry meters;
    private final boolean enabled;
    private final KafkaClients kafka;
    private final long pollMillis;
    private final long slowBatchNanos;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, byte[]> producer;

    OutboxRelay(DataSource dataSource, Jdbc jdbc, MeterRegistry meters, KafkaClients kafka, OutboxConfig config) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.meters = meters;
        this.kafka = kafka;
        this.enabled = config.enabled();
        this.pollMillis = config.pollMillis();
        this.slowBatchNanos = TimeUnit.MILLISECONDS.toNanos(config.slowBatchMillis());
    }

    void start(@Observes StartupEvent startup) {
        if (!enabled) {
            return;
        }
        producer = kafka.producer("outbox-relay", Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true", ProducerConfig.LINGER_MS_CONFIG, "1"),
                new StringSerializer(), new ByteArraySerializer());
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (!running) {
            return;
        }
        running = false;
        wake.release();
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    /** Wakes the relay once the transaction that queued events has committed. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxSignal signal) {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                int sent = publishBatch();
                if (sent == BATCH) {
                    continue;
                }
                wake.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("Outbox relay failed; retrying: %s", e.toString());
                sleepQuietly(1_000);
            }
        }
    }

    /** Publishes one batch in its own transaction: the rows stay locked until Kafka has acknowledged them. */
    int publishBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // Marking rows published need not wait for the disk: lost in a crash, they are sent again, which the
                // outbox promises anyway (at least once; consumers keep an inbox). One flush fewer on every alert's
                // way out, and the one that stalls longest while a checkpoint writes.
                try (Statement relaxed = connection.createStatement()) {
                    relaxed.execute("set local synchronous_commit = off");
                }
                long claimed = System.nanoTime();
                List<Long> ids = new ArrayList<>();
                List<Future<?>> acks = new ArrayList<>();
                try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                    claim.setInt(1, BATCH);
                    try (ResultSet rows = claim.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getLong(1));
                            ProducerRecord<String, byte[]> record = new ProducerRecord<>(rows.getString(2),
                                    rows.getString(3), rows.getBytes(5));
                            JsonNode headers = JSON.readTree(rows.getString(4));
                            for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
                                Map.Entry<String, JsonNode> h = it.next();
                                record.headers().add(h.getKey(), h.getValue().asText().getBytes(StandardCharsets.UTF_8));
                            }
                            acks.add(producer.send(record));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    connection.commit();
                    return 0;
                }
                long sent = System.nanoTime();
                for (Future<?> ack : acks) {
                    ack.get(30, TimeUnit.SECONDS);
                }
                long acked = System.nanoTime();
                meters.timer("aifc.outbox.acks").record(acked - sent, TimeUnit.NANOSECONDS);
                try (PreparedStatement mark = connection.prepareStatement(MARK)) {
                    mark.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                    mark.executeUpdate();
                }
                connection.commit();
                long done = System.nanoTime();
                meters.timer("aifc.outbox.batch").record(done - claimed, TimeUnit.NANOSECONDS);
                if (done - claimed > slowBatchNanos) {
                    LOG.infof("Slow outbox batch: %d events in %.1f ms (claim and send %.1f, acknowledgements %.1f, "
                            + "mark and commit %.1f)", ids.size(), (done - claimed) / 1e6, (sent - claimed) / 1e6,
                            (acked - sent) / 1e6, (done - acked) / 1e6);
                }
                meters.counter("aifc.outbox.published").increment(ids.size());
                return ids.size();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For tests and health: rows not yet published. */
    public long backlog() {
        return jdbc.queryOne("count the outbox backlog", "select count(*) from outbox where published_at is null",
                rs -> rs.getLong(1)).orElse(0L);
    }
}
