package kz.aifc.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.aifc.contract.Topics;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.codec.MalformedEventException;
import kz.aifc.contract.v1.AlertRaised;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The measuring side of the benchmarks, run beside the simulator (the load side); prints one JSON line.
 * <ul>
 * <li>{@code applied METRICS_URL TOPIC COUNT TIMEOUT_S [BASE [WARMUP]]}: reads a service's Prometheus endpoint (once
 * a second while the next mark is far off, every 100 ms as it nears: {@link #scrapeDelayMs}) until
 * its {@code aifc_events_in_total{outcome="applied"}} for TOPIC (or the sum over TOPIC,TOPIC,...) has grown by WARMUP + COUNT from BASE (default: the
 * value at the probe's start; give 0 to start the probe before the service itself); reports when the first and the
 * last event were applied, counted from the probe's start, and with a WARMUP the rate of the first WARMUP events
 * (the service just started: its code still being compiled) and of the COUNT after them (the sustained rate). An
 * endpoint not answering yet counts as nothing applied.</li>
 * <li>{@code latency BOOTSTRAP TOPIC_SUFFIX SECONDS [SAMPLES_CSV]}: reads the alerts topic from its current end for SECONDS; for
 * each {@code alert.raised}, the time from the producer's timestamp of the latest event in its {@code causedBy} to the
 * poll that brought the alert here, split at the alert's {@code detectedAt} and at its own record timestamp (the
 * relay's send). Only the alerts are read while the run lasts (on the machine under test, reading the transactions
 * live cost a third of a core); the transactions' timestamps are read afterwards, from where the topic ended when
 * the probe started, and the alerts are decoded afterwards too, so decoding never delays a poll. With SAMPLES_CSV, each
 * matched alert's times are written there as well.</li>
 * <li>{@code sse STREAM_URL BOOTSTRAP TOPIC EXPECTED MEASURED TIMEOUT_S}: listens on notification-service's
 * {@code GET /alerts/stream} (the bearer token in {@code AIFC_BENCH_TOKEN}; connecting again until the service answers)
 * until EXPECTED alert events (the changes alert events make: raised, updated, reopened, resolved; not escalations)
 * have arrived, or none for {@value #SSE_IDLE_SECONDS} s after the first; reports the rate
 * at which they arrived over the last MEASURED of them (the sustained rate), and for each that matches a record of
 * TOPIC written after the probe started (raise or resolution of that alert), the time from the record's timestamp to
 * its arrival here: Kafka to SSE, split at the change's {@code occurredAt} (stamped while the desk applies the poll,
 * before its commit) into Kafka to applied (the wait for a poll and the poll's work up to that alert) and applied to
 * SSE (the rest of the poll, the commit and the push).</li>
 * </ul>
 */
@Command(name = "BenchProbe", mixinStandardHelpOptions = true, versionProvider = SimulatorCommand.Version.class,
        subcommands = {BenchProbe.Applied.class, BenchProbe.Latency.class, BenchProbe.Stream.class},
        description = "The measuring side of the benchmarks, run beside the simulator; prints one JSON line.")
public final class BenchProbe {

    /** One sample of a service's {@code aifc_events_in_total} in its Prometheus text: labels, value. */
    static final Pattern SAMPLE = Pattern.compile("^aifc_events_in_total\\{([^}]*)} ([0-9.eE+-]+)$",
            Pattern.MULTILINE);

    private BenchProbe() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new BenchProbe())
                // A topic suffix such as -bench1700000000 is a value, not an unknown option.
                .setUnmatchedOptionsArePositionalParams(true)
                .setExpandAtFiles(false);
    }

    /** {@code applied METRICS_URL TOPIC COUNT TIMEOUT_S [BASE [WARMUP]]}. */
    @Command(name = "applied", mixinStandardHelpOptions = true,
            versionProvider = SimulatorCommand.Version.class,
            description = "Polls a service's Prometheus endpoint until WARMUP + COUNT more events of TOPIC are "
                    + "applied; exits 1 when TIMEOUT_S passes first.")
    static final class Applied implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "METRICS_URL", description = "the service's /q/metrics")
        URI metrics;

        @Parameters(index = "1", paramLabel = "TOPIC", description = "the topic whose applied events count (TOPIC,TOPIC,... for their sum)")
        String topic;

        @Parameters(index = "2", paramLabel = "COUNT", description = "events to wait for after the warm-up")
        long count;

        @Parameters(index = "3", paramLabel = "TIMEOUT_S", description = "seconds to wait at most")
        long timeoutSeconds;

        @Parameters(index = "4", arity = "0..1", paramLabel = "BASE", description = "the count to start from "
                + "(default: the count at the probe's start; 0 to start the probe before the service)")
        Long base;

        @Parameters(index = "5", arity = "0..1", paramLabel = "WARMUP",
                description = "events applied before COUNT, reported apart (default 0)")
        long warmup;

        @Override
        public Integer call() throws Exception {
            applied(metrics, topic, count, Duration.ofSeconds(timeoutSeconds), base != null ? base : -1, warmup);
            return 0;
        }
    }

    /** {@code latency BOOTSTRAP TOPIC_SUFFIX SECONDS [SAMPLES_CSV]}. */
    @Command(name = "latency", mixinStandardHelpOptions = true,
            versionProvider = SimulatorCommand.Version.class,
            description = "Reads the alerts topic for SECONDS and reports event-to-alert latency percentiles.")
    static final class Latency implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "BOOTSTRAP", description = "Kafka brokers, HOST:PORT")
        String bootstrap;

        @Parameters(index = "1", paramLabel = "TOPIC_SUFFIX", description = "the run's topic suffix")
        String suffix;

        @Parameters(index = "2", paramLabel = "SECONDS", description = "how long to read the alerts")
        long seconds;

        @Parameters(index = "3", arity = "0..1", paramLabel = "SAMPLES_CSV",
                description = "also write each matched alert's times to this file")
        Path samples;

        @Override
        public Integer call() throws Exception {
            latency(bootstrap, suffix, Duration.ofSeconds(seconds), samples);
            return 0;
        }
    }

    /** {@code sse STREAM_URL BOOTSTRAP TOPIC EXPECTED MEASURED TIMEOUT_S}. */
    @Command(name = "sse", mixinStandardHelpOptions = true, versionProvider = SimulatorCommand.Version.class,
            description = "Counts alert events on notification-service's SSE stream (token in AIFC_BENCH_TOKEN) and "
                    + "reports their rate and Kafka-to-SSE latency.")
    static final class Stream implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "STREAM_URL", description = "the desk's /alerts/stream")
        URI stream;

        @Parameters(index = "1", paramLabel = "BOOTSTRAP", description = "Kafka brokers, HOST:PORT")
        String bootstrap;

        @Parameters(index = "2", paramLabel = "TOPIC", description = "the alerts topic (with the run's suffix)")
        String topic;

        @Parameters(index = "3", paramLabel = "EXPECTED", description = "alert events to wait for")
        int expected;

        @Parameters(index = "4", paramLabel = "MEASURED", description = "the last so many give the sustained rate")
        int measured;

        @Parameters(index = "5", paramLabel = "TIMEOUT_S", description = "seconds to wait at most")
        long timeoutSeconds;

        @Override
        public Integer call() throws Exception {
            String token = System.getenv("AIFC_BENCH_TOKEN");
            if (token == null || token.isBlank()) {
                System.err.println("BenchProbe sse: AIFC_BENCH_TOKEN holds no token");
                return 2;
            }
            return sse(stream, token.trim(), bootstrap, topic, expected, measured, Duration.ofSeconds(timeoutSeconds));
        }
    }

    static final int SSE_IDLE_SECONDS = 10;
    private static final Set<String> EVENT_CHANGES = Set.of("RAISED", "UPDATED", "REOPENED",
            "RESOLVED");
    private static final Pattern CHANGE = Pattern.compile("\"change\":\"([A-Z]+)\"");
    private static final Pattern OCCURRED_AT = Pattern.compile("\"occurredAt\":\"([^\"]+)\"");

    /**
     * One alert event as it arrived: its alert and change, when the desk applied it (epoch ms, the event's
     * {@code occurredAt}; -1 when absent) and when it arrived here.
     */
    private record Arrival(String alertId, String change, long applied, long at) {
    }

    /** The change's {@code occurredAt} (set while the desk applies the poll, before its commit), or -1. */
    static long appliedAt(String data) {
        Matcher m = OCCURRED_AT.matcher(data);
        if (!m.find()) {
            return -1;
        }
        try {
            return java.time.OffsetDateTime.parse(m.group(1)).toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            return -1;
        }
    }

    static int sse(URI stream, String token, String bootstrap, String topic, int expected, int measured,
            Duration timeout) throws Exception {
        Properties p = consumerProperties(bootstrap);
        Map<TopicPartition, Long> from;
        try (KafkaConsumer<String, byte[]> positions = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            from = positions.endOffsets(partitions(positions, topic));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Arrival> arrivals = Collections.synchronizedList(new ArrayList<>());
        HttpClient http = HttpClient.newHttpClient();
        Thread reader = new Thread(() -> listen(http, stream, token, deadline, arrivals), "sse-probe");
        reader.setDaemon(true);
        reader.start();
        long lastCount = 0;
        long lastChange = System.nanoTime();
        while (arrivals.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            int n = arrivals.size();
            if (n != lastCount) {
                lastCount = n;
                lastChange = System.nanoTime();
            } else if (n > 0 && System.nanoTime() - lastChange > Duration.ofSeconds(SSE_IDLE_SECONDS).toNanos()) {
                break;
            }
        }
        List<Arrival> got;
        synchronized (arrivals) {
            got = new ArrayList<>(arrivals);
        }
        Map<String, Long> written = new HashMap<>();
        readSince(p, from, r -> {
            try {
                Object data = CloudEventCodec.decode(r.headers(), r.value()).data();
                if (data instanceof AlertRaised a) {
                    written.putIfAbsent(a.alertId() + "|RAISED", r.timestamp());
                } else if (data instanceof kz.aifc.contract.v1.AlertResolved a) {
                    written.putIfAbsent(a.alertId() + "|RESOLVED", r.timestamp());
                }
            } catch (MalformedEventException e) {
                // Not an alert event of the contract: nothing to match.
            }
        });
        double[] latency = new double[got.size()];
        double[] toApplied = new double[got.size()];
        double[] appliedToHere = new double[got.size()];
        int matched = 0;
        int split = 0;
        for (Arrival a : got) {
            Long at = written.get(a.alertId() + "|" + a.change());
            if (at != null) {
                latency[matched++] = a.at() - at;
                if (a.applied() >= 0) {
                    toApplied[split] = a.applied() - at;
                    appliedToHere[split++] = a.at() - a.applied();
                }
            }
        }
        double[] sorted = sorted(latency, matched);
        double[] sortedToApplied = sorted(toApplied, split);
        double[] sortedAppliedToHere = sorted(appliedToHere, split);
        int n = got.size();
        double seconds = n < 2 ? 0 : (got.get(n - 1).at() - got.get(0).at()) / 1e3;
        int m = Math.min(measured, n);
        double measuredSeconds = m < 2 ? 0 : (got.get(n - 1).at() - got.get(n - m).at()) / 1e3;
        System.out.printf(Locale.ROOT, "{\"received\":%d,\"expected\":%d,\"seconds\":%.3f,\"eventsPerSecond\":%.1f,"
                        + "\"measured\":%d,\"measuredSeconds\":%.3f,\"measuredEventsPerSecond\":%.1f,\"matched\":%d,"
                        + "\"p50Ms\":%.1f,\"p90Ms\":%.1f,\"p99Ms\":%.1f,\"maxMs\":%.1f,"
                        + "\"toAppliedP50Ms\":%.1f,\"toAppliedP99Ms\":%.1f,\"appliedToSseP50Ms\":%.1f,"
                        + "\"appliedToSseP99Ms\":%.1f}%n",
                n, expected, seconds, seconds > 0 ? (n - 1) / seconds : 0, m, measuredSeconds,
                measuredSeconds > 0 ? (m - 1) / measuredSeconds : 0, matched, percentile(sorted, 50),
                percentile(sorted, 90), percentile(sorted, 99), matched == 0 ? Double.NaN : sorted[matched - 1],
                percentile(sortedToApplied, 50), percentile(sortedToApplied, 99),
                percentile(sortedAppliedToHere, 50), percentile(sortedAppliedToHere, 99));
        return n >= expected ? 0 : 1;
    }

    /** Reads the stream until the deadline, connecting again while the service does not answer (or drops it). */
    private static void listen(HttpClient http, URI stream, String token, long deadline, List<Arrival> arrivals) {
        HttpRequest request = HttpRequest.newBuilder(stream).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").build();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<java.io.InputStream> response = http.send(request,
                        HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    System.err.println("BenchProbe sse: the stream answered " + response.statusCode());
                    response.body().close();
                    Thread.sleep(500);
                    continue;
                }
                try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(response.body(),
                        java.nio.charset.StandardCharsets.UTF_8))) {
                    String name = null;
                    String id = null;
                    String data = null;
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.isEmpty()) {
                            if ("alert".equals(name) && id != null && id.indexOf('@') > 0 && data != null) {
                                Matcher change = CHANGE.matcher(data);
                                // Only the changes an alert event makes; the escalation clock's are not the load's.
                                if (change.find() && EVENT_CHANGES.contains(change.group(1))) {
                                    arrivals.add(new Arrival(id.substring(0, id.lastIndexOf('@')), change.group(1),
                                            appliedAt(data), System.currentTimeMillis()));
                                }
                            }
                            name = id = data = null;
                        } else if (line.startsWith("event:")) {
                            name = line.substring(6).trim();
                        } else if (line.startsWith("id:")) {
                            id = line.substring(3).trim();
                        } else if (line.startsWith("data:")) {
                            data = line.substring(5).trim();
                        }
                    }
                }
            } catch (IOException notUpYet) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static void applied(URI metrics, String topic, long count, Duration timeout, long givenBase, long warmup)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        long base = givenBase >= 0 ? givenBase : appliedCount(http, metrics, topic);
        long first = -1;
        long warmedAt = -1;
        long warmedCount = 0;
        long seen = base;
        long before = base;
        long beforeAt = System.nanoTime();
        while (seen - base < warmup + count) {
            if (System.nanoTime() - start > timeout.toNanos()) {
                System.out.printf(Locale.ROOT, "{\"applied\":%d,\"expected\":%d,\"timedOut\":true}%n", seen - base,
                        warmup + count);
                System.exit(1);
            }
            long now = System.nanoTime();
            double perSecond = now > beforeAt ? (seen - before) / ((now - beforeAt) / 1e9) : 0;
            long mark = warmup > 0 && warmedAt < 0 ? warmup : warmup + count;
            Thread.sleep(scrapeDelayMs(mark - (seen - base), perSecond));
            before = seen;
            beforeAt = now;
            seen = appliedCount(http, metrics, topic);
            if (first < 0 && seen > base) {
                first = System.nanoTime();
            }
            if (warmup > 0 && warmedAt < 0 && seen - base >= warmup) {
                warmedAt = System.nanoTime();
                warmedCount = seen - base;
            }
        }
        long end = System.nanoTime();
        double total = (end - start) / 1e9;
        double fromFirst = (end - first) / 1e9;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "{\"applied\":%d,\"seconds\":%.3f,"
                + "\"eventsPerSecond\":%.1f,\"secondsFromFirstApplied\":%.3f", seen - base, total, (seen - base) / total,
                fromFirst));
        if (warmup > 0) {
            double warming = (warmedAt - first) / 1e9;
            double warm = (end - warmedAt) / 1e9;
            out.append(String.format(Locale.ROOT, ",\"warmup\":%d,\"warmupEventsPerSecond\":%.1f,"
                    + "\"measured\":%d,\"measuredSeconds\":%.3f,\"measuredEventsPerSecond\":%.1f", warmedCount,
                    warmedCount / warming, seen - base - warmedCount, warm, (seen - base - warmedCount) / warm));
        }
        System.out.println(out.append('}'));
    }

    /** The closest and the furthest apart the applied probe reads the counter. */
    static final long SCRAPE_MIN_MS = 100;
    static final long SCRAPE_MAX_MS = 1_000;

    /**
     * How long the applied probe waits before reading the counter again: every {@link #SCRAPE_MAX_MS} while the next
     * mark (the end of the warm-up, or of the count) is far off at the rate just seen, every {@link #SCRAPE_MIN_MS}
     * as it nears and while nothing moves. Each read is the service's whole Prometheus text, about 9 ms of its CPU
     * (aml-service, 414 samples), which ten reads a second took from the service being measured, where Prometheus
     * reads it every 15 s or more. The rates stay exact (counts at the times they were read), and a mark is still
     * seen within {@link #SCRAPE_MIN_MS} of being passed unless the rate grows by more than a quarter within the last
     * second before it (then within a second at most).
     */
    static long scrapeDelayMs(long remaining, double perSecond) {
        if (perSecond <= 0 || remaining <= 0) {
            return SCRAPE_MIN_MS;
        }
        double untilMark = remaining / perSecond * 1000 * 0.8;
        return Math.max(SCRAPE_MIN_MS, Math.min(SCRAPE_MAX_MS, (long) untilMark));
    }

    /** The service's applied-events counter for one topic, from its Prometheus text. */
    static long appliedCount(HttpClient http, URI metrics, String topic) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? appliedCount(response.body(), topic) : 0;
        } catch (IOException notUpYet) {
            return 0;
        }
    }

    static long appliedCount(String prometheusText, String topic) {
        double sum = 0;
        List<String> wanted = Arrays.stream(topic.split(",")).map(t -> "topic=\"" + t.trim() + "\"").toList();
        Matcher m = SAMPLE.matcher(prometheusText);
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("outcome=\"applied\"") && wanted.stream().anyMatch(labels::contains)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return Math.round(sum);
    }

    /**
     * Event-to-alert latency over {@code duration}; with {@code samples}, also one CSV line per matched alert (epoch
     * ms: latest cause sent, detectedAt, alert record published, alert received), to see when the slow ones came.
     */
    static void latency(String bootstrap, String suffix, Duration duration, Path samples) throws IOException {
        String txTopic = Topics.TRANSACTIONS_SCREENED + suffix;
        String alertTopic = Topics.COMPLIANCE_ALERTS + suffix;
        Properties p = consumerProperties(bootstrap);
        // A fetch returns as soon as one record is there (fetch.min.bytes 1): the wait only bounds empty fetches, a
        // hundred a second at 10 ms, CPU taken from the service being measured.
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "200");
        Map<String, Long> sentAt = new HashMap<>();
        List<long[]> alerts = new ArrayList<>();
        List<List<String>> causes = new ArrayList<>();
        long end = System.nanoTime() + duration.toNanos();
        Map<TopicPartition, Long> txStart;
        try (KafkaConsumer<String, byte[]> positions = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            txStart = positions.endOffsets(partitions(positions, txTopic));
        }
        System.err.println("probe: reading " + alertTopic + " for " + duration.toSeconds() + " s");
        // Only kept while reading; decoded afterwards, so decoding never delays the next poll.
        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        read(p, alertTopic, end, (r, arrived) -> {
            received.add(r);
            arrivals.add(arrived);
        });
        readSince(p, txStart, r -> {
            String id = header(r, CloudEventCodec.CE_ID);
            String source = header(r, CloudEventCodec.CE_SOURCE);
            if (id != null && source != null) {
                sentAt.put(source + "/" + id, r.timestamp());
            }
        });
        for (int i = 0; i < received.size(); i++) {
            if (alertRaised(received.get(i)) instanceof AlertRaised a) {
                alerts.add(new long[] {arrivals.get(i), a.detectedAt().toInstant().toEpochMilli(),
                        received.get(i).timestamp()});
                causes.add(a.causedBy());
            }
        }
        double[] millis = new double[alerts.size()];
        double[] toDetection = new double[alerts.size()];
        double[] fromDetection = new double[alerts.size()];
        double[] afterPublish = new double[alerts.size()];
        int matched = 0;
        StringBuilder csv = new StringBuilder("sent,detected,published,received\n");
        for (int i = 0; i < alerts.size(); i++) {
            long latest = -1;
            for (String cause : causes.get(i)) {
                latest = Math.max(latest, sentAt.getOrDefault(cause, -1L));
            }
            if (latest > 0) {
                long[] a = alerts.get(i);
                csv.append(latest).append(',').append(a[1]).append(',').append(a[2]).append(',').append(a[0])
                        .append('\n');
                toDetection[matched] = a[1] - latest;
                fromDetection[matched] = a[0] - a[1];
                afterPublish[matched] = a[0] - a[2];
                millis[matched++] = a[0] - latest;
            }
        }
        if (samples != null) {
            Files.writeString(samples, csv);
        }
        double[] sorted = sorted(millis, matched);
        double[] upstream = sorted(toDetection, matched);
        double[] downstream = sorted(fromDetection, matched);
        double[] delivery = sorted(afterPublish, matched);
        // Split at the alert's detectedAt (the service's clock when the batch began): consuming and queueing before
        // it; applying, committing and the outbox relay after it; and from the relay's send (the alert record's
        // timestamp) to this probe.
        System.out.printf(Locale.ROOT, "{\"events\":%d,\"alerts\":%d,\"matched\":%d,\"p50Ms\":%.1f,\"p90Ms\":%.1f,"
                        + "\"p99Ms\":%.1f,\"maxMs\":%.1f,\"toDetectionP50Ms\":%.1f,\"toDetectionP99Ms\":%.1f,"
                        + "\"detectionToAlertP50Ms\":%.1f,\"detectionToAlertP99Ms\":%.1f,\"publishedToHereP99Ms\":%.1f}%n",
                sentAt.size(),
                alerts.size(), matched, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                matched == 0 ? Double.NaN : sorted[matched - 1], percentile(upstream, 50), percentile(upstream, 99),
                percentile(downstream, 50), percentile(downstream, 99), percentile(delivery, 99));
    }

    /** A consumer of the probe's own: no group, no commits, big polls. */
    private static Properties consumerProperties(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        KafkaEnvironment.withEnvironment(p);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return p;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic)) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        return partitions;
    }

    /** Reads every record from the given positions to where the partitions end now. */
    private static void readSince(Properties props, Map<TopicPartition, Long> from,
            java.util.function.Consumer<ConsumerRecord<String, byte[]>> each) {
        Properties bulk = new Properties();
        bulk.putAll(props);
        bulk.remove(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(bulk, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Map<TopicPartition, Long> to = consumer.endOffsets(from.keySet());
            while (to.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(each);
            }
        }
    }

    /**
     * Reads a topic from its current end until {@code endNanos}, handing each record over with the time its poll
     * returned (the arrival; decoding one record must not delay the next one's).
     */
    private static void read(Properties props, String topic, long endNanos,
            java.util.function.ObjLongConsumer<ConsumerRecord<String, byte[]>> each) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (System.nanoTime() < endNanos) {
                ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(50));
                long arrived = System.currentTimeMillis();
                for (ConsumerRecord<String, byte[]> r : polled) {
                    each.accept(r, arrived);
                }
            }
        }
    }

    private static double[] sorted(double[] values, int n) {
        double[] out = Arrays.copyOf(values, n);
        Arrays.sort(out);
        return out;
    }

    private static Object alertRaised(ConsumerRecord<String, byte[]> r) {
        try {
            return CloudEventCodec.decode(r.headers(), r.value()).data();
        } catch (MalformedEventException e) {
            return null;
        }
    }

    /** Nearest-rank percentile of sorted values; NaN when there are none. */
    static double percentile(double[] sorted, double pct) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(pct / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

}
