package kz.aifc.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * How far behind its topics each service runs, in time, while the demo feed streams (deploy/local/bench-demo.sh,
 * BENCHMARKS.md, issue #18).
 *
 * <p>{@code LagProbe BOOTSTRAP SECONDS NAME=METRICS_URL=TOPIC[,TOPIC...] ...}: every {@value #EVERY_MS} ms (system
 * property {@code aifc.lag.every-ms}) it reads how many records the topics hold (the sum of their partitions' end
 * offsets) and how many of them the service has taken in ({@code aifc_events_in_total}, every outcome: applied,
 * duplicate, dead-lettered). A sample's lag is the time until the service had taken in as many records as the topics
 * held at that sample: how long a record that arrived then waited to be dealt with, give or take one sampling
 * interval. Both counts start from the probe's first sample (taken after one thrown away to open the connections), so
 * the service is to be caught up then. Prints one JSON line: per service the samples, the records produced and
 * taken in, and the lag's p50, p99 and maximum in milliseconds; the samples whose records were not all taken in
 * by the run's last sample have their lag counted to it, and {@code behindAtEnd} says how many records that was
 * (a service keeping up is behind by about the last interval's records).
 */
public final class LagProbe {

    static final long EVERY_MS = 200;

    private LagProbe() {
    }

    /** One service under watch: its name, metrics endpoint and the topics it consumes. */
    record Watched(String name, URI metrics, List<String> topics) {

        static Watched parse(String arg) {
            String[] parts = arg.split("=", 3);
            if (parts.length != 3 || parts[0].isBlank() || parts[2].isBlank()) {
                throw new IllegalArgumentException("expected NAME=METRICS_URL=TOPIC[,TOPIC...], got '" + arg + "'");
            }
            return new Watched(parts[0], URI.create(parts[1]),
                    Arrays.stream(parts[2].split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList());
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LagProbe BOOTSTRAP SECONDS NAME=METRICS_URL=TOPIC[,TOPIC...] ...");
            System.exit(2);
        }
        String bootstrap = args[0];
        Duration duration = Duration.ofSeconds(Long.parseLong(args[1]));
        List<Watched> services = Arrays.stream(args, 2, args.length).map(Watched::parse).toList();
        System.out.println(run(bootstrap, duration, services));
    }

    static String run(String bootstrap, Duration duration, List<Watched> services) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (Admin admin = Admin.create(props)) {
            List<String> allTopics = services.stream().flatMap(s -> s.topics().stream()).distinct().toList();
            Map<String, List<TopicPartition>> partitions = partitions(admin, allTopics);
            return sample(new Counts() {
                @Override
                public Map<String, Long> endOffsets() throws Exception {
                    return LagProbe.endOffsets(admin, partitions);
                }

                @Override
                public long takenIn(Watched s) throws InterruptedException {
                    return LagProbe.takenIn(http, s);
                }
            }, duration, services, Long.getLong("aifc.lag.every-ms", EVERY_MS));
        }
    }

    /** What a sample reads: the records each topic holds, and what a service has taken in. */
    interface Counts {
        Map<String, Long> endOffsets() throws Exception;

        long takenIn(Watched service) throws Exception;
    }

    /** Samples {@code counts} every {@code everyMs} for {@code duration}; answers the JSON line {@link #main} prints. */
    static String sample(Counts counts, Duration duration, List<Watched> services, long everyMs) throws Exception {
        Map<String, List<long[]>> produced = new LinkedHashMap<>();
        Map<String, List<long[]>> taken = new LinkedHashMap<>();
        services.forEach(s -> {
            produced.put(s.name(), new ArrayList<>());
            taken.put(s.name(), new ArrayList<>());
        });
        // One sample thrown away first: the first request of each client sets up its connection and classes, so a
        // first service's count would be read a few hundred ms after the end offsets it is paired with, and every
        // later sample would seem that far behind (a flat 200-400 ms on a stream a service keeps up with).
        counts.endOffsets();
        for (Watched s : services) {
            counts.takenIn(s);
        }
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long next = start;
        while (System.nanoTime() < end) {
            Map<String, Long> ends = counts.endOffsets();
            long at = (System.nanoTime() - start) / 1_000_000;
            for (Watched s : services) {
                long held = s.topics().stream().mapToLong(t -> ends.getOrDefault(t, 0L)).sum();
                produced.get(s.name()).add(new long[] {at, held});
                taken.get(s.name()).add(new long[] {at, counts.takenIn(s)});
            }
            next += everyMs * 1_000_000;
            long sleep = (next - System.nanoTime()) / 1_000_000;
            if (sleep > 0) {
                Thread.sleep(sleep);
            }
        }
        StringBuilder out = new StringBuilder("{\"everyMs\":").append(everyMs).append(",\"services\":{");
        boolean first = true;
        for (Watched s : services) {
            out.append(first ? "" : ",").append('"').append(s.name()).append("\":")
                    .append(Lag.of(produced.get(s.name()), taken.get(s.name())).json());
            first = false;
        }
        return out.append("}}").toString();
    }

    /** The lag of one service over a run, from its paired samples {@code {atMs, count}}. */
    record Lag(int samples, long produced, long takenIn, long p50Ms, long p99Ms, long maxMs, long behindAtEnd) {

        /**
         * For each sample i, the first sample j at or after it where the records taken in since the start reached the
         * records the topics held at i (both counted from the first sample); lag = at(j) - at(i). Samples never
         * reached count to the end of the run.
         */
        static Lag of(List<long[]> produced, List<long[]> taken) {
            int n = Math.min(produced.size(), taken.size());
            if (n == 0) {
                return new Lag(0, 0, 0, 0, 0, 0, 0);
            }
            long p0 = produced.get(0)[1];
            long t0 = taken.get(0)[1];
            long[] lags = new long[n];
            int j = 0;
            for (int i = 0; i < n; i++) {
                long need = produced.get(i)[1] - p0;
                j = Math.max(j, i);
                while (j < n && taken.get(j)[1] - t0 < need) {
                    j++;
                }
                if (j == n) {
                    lags[i] = taken.get(n - 1)[0] - produced.get(i)[0];
                } else {
                    lags[i] = taken.get(j)[0] - produced.get(i)[0];
                }
            }
            long[] sorted = lags.clone();
            Arrays.sort(sorted);
            long producedAll = produced.get(n - 1)[1] - p0;
            long takenAll = taken.get(n - 1)[1] - t0;
            return new Lag(n, producedAll, takenAll, rank(sorted, 50), rank(sorted, 99), sorted[n - 1],
                    Math.max(0, producedAll - takenAll));
        }

        private static long rank(long[] sorted, double pct) {
            int index = (int) Math.ceil(pct / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        String json() {
            return String.format(Locale.ROOT, "{\"samples\":%d,\"produced\":%d,\"takenIn\":%d,\"lagP50Ms\":%d,"
                    + "\"lagP99Ms\":%d,\"lagMaxMs\":%d,\"behindAtEnd\":%d}", samples, produced, takenIn, p50Ms, p99Ms,
                    maxMs, behindAtEnd);
        }
    }

    /** Records a service has taken in from its topics, every outcome; 0 while its endpoint does not answer. */
    static long takenIn(HttpClient http, Watched s) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(s.metrics())
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? takenIn(response.body(), s.topics()) : 0;
        } catch (IOException notAnswering) {
            return 0;
        }
    }

    static long takenIn(String prometheusText, List<String> topics) {
        List<String> wanted = topics.stream().map(t -> "topic=\"" + t + "\"").toList();
        double sum = 0;
        Matcher m = BenchProbe.SAMPLE.matcher(prometheusText);
        while (m.find()) {
            if (wanted.stream().anyMatch(m.group(1)::contains)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return Math.round(sum);
    }

    private static Map<String, List<TopicPartition>> partitions(Admin admin, List<String> topics)
            throws InterruptedException, ExecutionException {
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
        return described.values().stream().collect(Collectors.toMap(TopicDescription::name,
                d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())).toList()));
    }

    private static Map<String, Long> endOffsets(Admin admin, Map<String, List<TopicPartition>> partitions)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> ask = new LinkedHashMap<>();
        partitions.values().forEach(list -> list.forEach(tp -> ask.put(tp, OffsetSpec.latest())));
        Map<String, Long> sums = new LinkedHashMap<>();
        admin.listOffsets(ask).all().get().forEach((tp, info) -> sums.merge(tp.topic(), info.offset(), Long::sum));
        return sums;
    }
}
