package kz.aifc.capital.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.Topics;
import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.platform.time.BusinessCalendar;
import kz.aifc.testing.IngestFlow;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.contract.codec.CloudEventCodec;

/**
 * Latency from a snapshot produced to its CAP-001 alert (raised or resolved) on the alerts topic, on the real
 * broker and database. Each firm alternates a breaching and a curing snapshot, so every snapshot yields exactly
 * one CAP-001 event. Run:
 * {@code ./mvnw -B -ntp test -pl capital-service -Dbench=true -Dtest=CapitalLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (optional {@code -Dbench.snapshots=200 -Dbench.rate=2 -Dbench.firms=20}); prints p50/p99 and writes
 * {@code target/capital-latency.txt}.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_capital_test"))
@EnabledIfSystemProperty(named = "bench", matches = "true")
class CapitalLatencyBenchmark {

    @Inject
    DataSource db;

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void measureSnapshotToAlertLatency() throws Exception {
        int total = Integer.getInteger("bench.snapshots", 200);
        int rate = Integer.getInteger("bench.rate", 2);
        int firms = Integer.getInteger("bench.firms", 20);
        int warmup = Math.min(100, total / 10);
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> firmIds = new ArrayList<>();
        CloudEvent<?> lastLicence = null;
        for (int f = 0; f < firms; f++) {
            firmIds.add("B-" + run + "-" + f);
            lastLicence = CapitalEvents.licence(firmIds.get(f), Activity.DEALING_AS_PRINCIPAL);
        }
        IngestFlow.awaitApplied(db, lastLicence.eventKey());

        Map<String, ArrayDeque<Long>> sentAt = new ConcurrentHashMap<>();
        firmIds.forEach(f -> sentAt.put(f, new ArrayDeque<>()));
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> read(sentAt, latencies, reading, run), "bench-alert-reader");
        reader.start();
        Thread.sleep(2000); // the reader joins its group before the first snapshot

        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        OffsetDateTime base = OffsetDateTime.now(BusinessCalendar.ALMATY).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Integer> sequence = new HashMap<>();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            String firm = firmIds.get(i % firms);
            int n = sequence.merge(firm, 1, Integer::sum);
            CapitalSnapshot snapshot = CapitalEvents.snapshot(firm, base.plusSeconds(n).toString(),
                    n % 2 == 1 ? "240000.00" : "260000.00");
            synchronized (sentAt.get(firm)) {
                sentAt.get(firm).addLast(System.nanoTime());
            }
            CapitalEvents.send(snapshot);
        }
        long sendSeconds = (System.nanoTime() - start) / 1_000_000;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (latencies.size() < total && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        reading.set(false);
        reader.join();

        List<Long> measured = new ArrayList<>(latencies.subList(Math.min(warmup, latencies.size()), latencies.size()));
        Collections.sort(measured);
        String report = String.format(
                "capital-service snapshot→alert latency: %d snapshots at %d/s over %d firms (sent in %d ms), "
                        + "%d alerts seen, first %d discarded as warm-up%n  p50 = %.1f ms, p90 = %.1f ms, p99 = %.1f ms, max = %.1f ms%n",
                total, rate, firms, sendSeconds, latencies.size(), warmup, pct(measured, 50), pct(measured, 90),
                pct(measured, 99), measured.isEmpty() ? Double.NaN : measured.get(measured.size() - 1) / 1e6);
        var apply = meters.timer("aifc.events.batch");
        report += String.format("  applying one poll in the service (transaction incl. rules and outbox): "
                + "mean = %.1f ms, max = %.1f ms over %d%n", apply.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
                apply.max(java.util.concurrent.TimeUnit.MILLISECONDS), apply.count());
        System.out.println(report);
        Files.writeString(Path.of("target/capital-latency.txt"), report);
        assertThat(latencies).as("every snapshot produced its CAP-001 event").hasSize(total);
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    /** Matches each CAP-001 event of a firm to that firm's oldest unanswered snapshot (one partition per firm keeps order). */
    private static void read(Map<String, ArrayDeque<Long>> sentAt, List<Long> latencies, AtomicBoolean reading,
            String run) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + run);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(LocalStackResource.topic(Topics.COMPLIANCE_ALERTS)));
            while (reading.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    ArrayDeque<Long> queue = sentAt.get(record.key());
                    if (queue == null) {
                        continue;
                    }
                    JsonNode alert = CloudEventCodec.mapper()
                            .readTree(new String(record.value(), StandardCharsets.UTF_8));
                    if (!alert.path("alertId").asText().startsWith("CAP-001:")) {
                        continue;
                    }
                    synchronized (queue) {
                        Long sent = queue.pollFirst();
                        if (sent != null) {
                            latencies.add(now - sent);
                        }
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
