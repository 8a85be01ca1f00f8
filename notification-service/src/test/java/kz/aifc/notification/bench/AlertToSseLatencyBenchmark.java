package kz.aifc.notification.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.notification.AlertEvents;
import kz.aifc.notification.stream.SseClient;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;
import kz.aifc.contract.Topics;

/**
 * Latency from an alert produced to Kafka to its SSE event at a listener, on the real broker and database.
 * Not part of the test suite (no *Test suffix): run it with
 * {@code ./mvnw -B -ntp verify -pl notification-service -Dtest=AlertToSseLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Knobs: -Dbench.events (default 1000), -Dbench.warmup (200, sent and awaited first), -Dbench.rate per second (20).
 * Latency runs from just before the (synchronous, acks=all) produce to the event read off the SSE connection.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
class AlertToSseLatencyBenchmark {

    @TestHTTPResource("/alerts/stream")
    URI stream;

    @Test
    void measureAlertOnKafkaToSseEventLatency() throws Exception {
        int events = Integer.getInteger("bench.events", 1000);
        int warmup = Integer.getInteger("bench.warmup", 200);
        int rate = Integer.getInteger("bench.rate", 20);
        String firm = "F-B" + UUID.randomUUID().toString().substring(0, 5);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());

        try (SseClient listener = SseClient.open(stream, TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm))) {
            assertThat(listener.next(e -> e.name().equals("ready"), Duration.ofSeconds(30))).isNotNull();
            // Warm-up: the consumer joins its group and the JIT settles; measured events start once all arrived.
            for (int i = 0; i < warmup; i++) {
                AlertEvents.raise(AlertEvents.newAlertId("CAP-002", firm) + "-w" + i, firm, "HIGH");
            }
            for (int seen = 0; seen < warmup; seen++) {
                assertThat(listener.next(x -> x.name().equals("alert"), Duration.ofSeconds(120))).as("warm-up event").isNotNull();
            }
            // A plain consumer on the same topic gives the broker's own produce-to-consume latency for comparison.
            Map<String, Long> rawAt = new ConcurrentHashMap<>();
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            Thread raw = new Thread(() -> rawConsume(firm, rawAt, done), "bench-raw-consumer");
            raw.start();
            Thread.sleep(5000);
            Thread collector = new Thread(() -> {
                int seen = 0;
                while (seen < events) {
                    SseClient.Event e = listener.next(x -> x.name().equals("alert"), Duration.ofSeconds(60));
                    if (e == null) {
                        return;
                    }
                    String alertId = e.id().substring(0, e.id().lastIndexOf('@'));
                    Long t0 = sentAt.get(alertId);
                    if (t0 != null) {
                        seen++;
                        micros.add((e.receivedNanos() - t0) / 1000);
                    }
                }
            }, "bench-collector");
            collector.start();

            long interval = 1_000_000_000L / rate;
            long next = System.nanoTime();
            Instant started = Instant.now();
            for (int i = 0; i < events; i++) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                next += interval;
                String alertId = AlertEvents.newAlertId("CAP-002", firm) + "-" + i;
                sentAt.put(alertId, System.nanoTime());
                AlertEvents.raise(alertId, firm, "HIGH");
            }
            collector.join(Duration.ofSeconds(90).toMillis());
            Duration took = Duration.between(started, Instant.now());
            done.set(true);
            raw.join(10_000);
            List<Long> rawMicros = new ArrayList<>();
            sentAt.forEach((id, t0) -> {
                Long t1 = rawAt.get(id);
                if (t1 != null) {
                    rawMicros.add((t1 - t0) / 1000);
                }
            });
            Collections.sort(rawMicros);

            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            assertThat(sorted).as("events received").hasSize(events);
            String report = String.format(
                    "alert on Kafka -> SSE event: %d events after %d warm-up, %d/s offered, %s%n"
                            + "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%s)%n"
                            + "same events, plain Kafka consumer on the same broker: p50 %.1f ms, p99 %.1f ms (%d seen)%n",
                    events, warmup, rate, took, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
                    sorted.get(sorted.size() - 1) / 1000.0, Instant.now(),
                    rawMicros.isEmpty() ? -1.0 : pct(rawMicros, 50), rawMicros.isEmpty() ? -1.0 : pct(rawMicros, 99),
                    rawMicros.size());
            System.out.println(report);
            Files.writeString(Path.of("target", "benchmark-alert-to-sse.txt"), report);
        }
    }

    private static void rawConsume(String firm, Map<String, Long> arrivals,
            java.util.concurrent.atomic.AtomicBoolean done) {
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", LocalStackResource.bootstrapServers());
        props.put("group.id", "bench-raw-" + UUID.randomUUID());
        props.put("auto.offset.reset", "latest");
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(props,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(LocalStackResource.topic(Topics.COMPLIANCE_ALERTS)));
            java.util.regex.Pattern id = java.util.regex.Pattern.compile("\"alertId\":\"([^\"]+)\"");
            while (!done.get()) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    if (!firm.equals(record.key())) {
                        continue;
                    }
                    var m = id.matcher(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8));
                    if (m.find()) {
                        arrivals.putIfAbsent(m.group(1), now);
                    }
                }
            }
        }
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}
