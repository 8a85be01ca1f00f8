package kz.aifc.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The benchmark probe: its command line, and the sums and percentiles it reports. */
class BenchProbeTest {

    private final StringWriter err = new StringWriter();

    @Test
    void shouldTakeATopicSuffixStartingWithADashAsTheLatencyProbesValue() {
        BenchProbe.Latency latency = parse("latency", "localhost:9092", "-bench1700000000", "45", "out/l.csv");

        assertThat(latency.bootstrap).isEqualTo("localhost:9092");
        assertThat(latency.suffix).isEqualTo("-bench1700000000");
        assertThat(latency.seconds).isEqualTo(45);
        assertThat(latency.samples).isEqualTo(Path.of("out/l.csv"));
        assertThat(BenchProbeTest.<BenchProbe.Latency>parse("latency", "b:1", ".e2e", "5").samples).isNull();
    }

    @Test
    void shouldReadWhenTheDeskAppliedAChangeFromItsSseEventAndNothingWhenItIsAbsentOrGarbled() {
        String data = "{\"id\":\"A-1@2\",\"change\":\"RAISED\",\"occurredAt\":\"2026-12-06T14:05:01.250+05:00\","
                + "\"alert\":{\"alertId\":\"A-1\"}}";

        assertThat(BenchProbe.appliedAt(data))
                .isEqualTo(java.time.Instant.parse("2026-12-06T09:05:01.250Z").toEpochMilli());
        assertThat(BenchProbe.appliedAt("{\"id\":\"A-1@2\",\"change\":\"RAISED\"}")).isEqualTo(-1);
        assertThat(BenchProbe.appliedAt("{\"occurredAt\":\"yesterday\"}")).isEqualTo(-1);
    }

    @Test
    void shouldReadTheAppliedProbesBaseAndWarmupAsOptional() {
        BenchProbe.Applied plain = parse("applied", "http://127.0.0.1:18082/q/metrics", "t-b1", "1000", "900");
        BenchProbe.Applied warm = parse("applied", "http://127.0.0.1:18082/q/metrics", "t-b1", "1000", "900", "0",
                "500");

        assertThat(plain.metrics).isEqualTo(URI.create("http://127.0.0.1:18082/q/metrics"));
        assertThat(plain.topic).isEqualTo("t-b1");
        assertThat(plain.count).isEqualTo(1000);
        assertThat(plain.timeoutSeconds).isEqualTo(900);
        assertThat(plain.base).isNull();
        assertThat(plain.warmup).isZero();
        assertThat(warm.base).isZero();
        assertThat(warm.warmup).isEqualTo(500);
    }

    @Test
    void shouldReadTheSseProbesStreamTopicAndCounts() {
        BenchProbe.Stream sse = parse("sse", "http://127.0.0.1:8500/alerts/stream", "localhost:9092",
                "aifc.compliance.alerts-bench1700000000", "40000", "20000", "900");

        assertThat(sse.stream).isEqualTo(URI.create("http://127.0.0.1:8500/alerts/stream"));
        assertThat(sse.topic).isEqualTo("aifc.compliance.alerts-bench1700000000");
        assertThat(sse.expected).isEqualTo(40000);
        assertThat(sse.measured).isEqualTo(20000);
        assertThat(sse.timeoutSeconds).isEqualTo(900);
    }

    @Test
    void shouldExitWithTwoAndTheUsageOnABadCommandLine() {
        assertThat(execute()).isEqualTo(2);
        assertThat(execute("applied", "http://h/q/metrics", "t", "many", "900")).isEqualTo(2);
        assertThat(err.toString()).contains("COUNT", "'many'", "Usage:");
        assertThat(execute("latency", "b:1", "-x", "5", "a.csv", "extra")).isEqualTo(2);
        assertThat(execute("elapsed", "1")).isEqualTo(2);
    }

    @SuppressWarnings("unchecked")
    private static <T> T parse(String... args) {
        return (T) BenchProbe.commandLine().parseArgs(args).subcommand().commandSpec().userObject();
    }

    private int execute(String... args) {
        CommandLine commandLine = BenchProbe.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.getSubcommands().values().forEach(sub -> sub.setErr(new PrintWriter(err, true)));
        return commandLine.execute(args);
    }

    @Test
    void shouldSumAppliedSamplesOfTheTopicOnly() {
        String text = """
                # HELP aifc_events_in_total
                aifc_events_in_total{outcome="applied",topic="aifc.transactions.screened-b1"} 1500.0
                aifc_events_in_total{outcome="duplicate",topic="aifc.transactions.screened-b1"} 7.0
                aifc_events_in_total{outcome="applied",topic="aifc.licences-b1"} 4.0
                aifc_events_in_total{outcome="applied",topic="aifc.transactions.screened-b1x"} 9.0
                """;

        assertThat(BenchProbe.appliedCount(text, "aifc.transactions.screened-b1")).isEqualTo(1500);
    }

    @Test
    void shouldReadTheCounterOnceASecondWhileTheMarkIsFarAndEvery100MsAsItNearsOrWhileNothingMoves() {
        assertThat(BenchProbe.scrapeDelayMs(500_000, 25_000)).isEqualTo(1_000);
        assertThat(BenchProbe.scrapeDelayMs(25_000, 25_000)).isEqualTo(800);
        assertThat(BenchProbe.scrapeDelayMs(2_000, 25_000)).isEqualTo(100);
        assertThat(BenchProbe.scrapeDelayMs(500_000, 0)).isEqualTo(100);
        assertThat(BenchProbe.scrapeDelayMs(0, 25_000)).isEqualTo(100);
    }

    @Test
    void shouldTakeNearestRankPercentiles() {
        double[] sorted = new double[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }

        assertThat(BenchProbe.percentile(sorted, 50)).isEqualTo(50);
        assertThat(BenchProbe.percentile(sorted, 99)).isEqualTo(99);
        assertThat(BenchProbe.percentile(new double[] {7}, 99)).isEqualTo(7);
        assertThat(BenchProbe.percentile(new double[0], 50)).isNaN();
    }
}
