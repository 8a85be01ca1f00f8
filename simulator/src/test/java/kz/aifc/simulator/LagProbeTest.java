package kz.aifc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The demo benchmark's lag probe: how it reads a service's intake and turns counts into time behind. */
class LagProbeTest {

    @Test
    void shouldCountEveryOutcomeOfTheWatchedTopicsOnly() {
        String metrics = """
                # TYPE aifc_events_in_total counter
                aifc_events_in_total{outcome="applied",topic="aifc.capital.snapshots"} 120.0
                aifc_events_in_total{outcome="duplicate",topic="aifc.capital.snapshots"} 3.0
                aifc_events_in_total{outcome="dlq",topic="aifc.licences"} 2.0
                aifc_events_in_total{outcome="applied",topic="aifc.staff.changes"} 999.0
                """;

        assertThat(LagProbe.takenIn(metrics, List.of("aifc.capital.snapshots", "aifc.licences"))).isEqualTo(125);
        assertThat(LagProbe.takenIn(metrics, List.of("aifc.compliance.alerts"))).isZero();
    }

    @Test
    void shouldMeasureLagAsTheTimeUntilTheServiceHadTakenInWhatTheTopicsHeld() {
        // Every 200 ms the topics grow by 10; the service takes in the same 10 records 400 ms later.
        List<long[]> produced = new ArrayList<>();
        List<long[]> taken = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            produced.add(new long[] {i * 200L, 1_000 + 10L * i});
            taken.add(new long[] {i * 200L, 50 + 10L * Math.max(0, i - 2)});
        }

        LagProbe.Lag lag = LagProbe.Lag.of(produced, taken);

        assertThat(lag.samples()).isEqualTo(20);
        assertThat(lag.produced()).isEqualTo(190);
        // The last two samples' records were not taken in before the run ended.
        assertThat(lag.behindAtEnd()).isEqualTo(20);
        assertThat(lag.takenIn()).isEqualTo(170);
        assertThat(lag.p50Ms()).isEqualTo(400);
        assertThat(lag.maxMs()).isEqualTo(400);
    }

    @Test
    void shouldReportNoLagForAServiceThatKeepsUp() {
        List<long[]> produced = List.of(new long[] {0, 7}, new long[] {200, 9}, new long[] {400, 9});
        List<long[]> taken = List.of(new long[] {0, 0}, new long[] {200, 2}, new long[] {400, 2});

        LagProbe.Lag lag = LagProbe.Lag.of(produced, taken);

        assertThat(lag.behindAtEnd()).isZero();
        assertThat(lag.p99Ms()).isZero();
        assertThat(lag.json()).contains("\"lagP99Ms\":0", "\"behindAtEnd\":0", "\"produced\":2", "\"takenIn\":2");
    }

    @Test
    void shouldNotCountTheFirstRequestsSetUpAsLag() throws Exception {
        // Ten records arrive between samples; the service has always taken in what the topic held. Its first metrics
        // request is slow (a fresh connection: 400 ms in the demo stack), so that answer already counts the 40 records
        // that arrived meanwhile. Were it the baseline, every later sample would seem four samples behind.
        long[] held = {0};
        boolean[] answered = {false};
        LagProbe.Counts slowFirstRequest = new LagProbe.Counts() {
            @Override
            public Map<String, Long> endOffsets() {
                held[0] += 10;
                return Map.of("aifc.transactions.screened", held[0]);
            }

            @Override
            public long takenIn(LagProbe.Watched service) {
                if (!answered[0]) {
                    answered[0] = true;
                    return held[0] + 40;
                }
                return held[0];
            }
        };
        LagProbe.Watched aml = LagProbe.Watched.parse("aml=http://127.0.0.1:8082/q/metrics=aifc.transactions.screened");

        String json = LagProbe.sample(slowFirstRequest, Duration.ofMillis(500), List.of(aml), 50);

        assertThat(json).startsWith("{\"everyMs\":50,").contains("\"lagP50Ms\":0,", "\"lagMaxMs\":0,",
                "\"behindAtEnd\":0");
    }

    @Test
    void shouldTakeAServiceAsNameMetricsUrlAndTopics() {
        LagProbe.Watched w = LagProbe.Watched.parse(
                "capital=http://127.0.0.1:8081/q/metrics=aifc.capital.snapshots, aifc.licences");

        assertThat(w.name()).isEqualTo("capital");
        assertThat(w.metrics()).isEqualTo(URI.create("http://127.0.0.1:8081/q/metrics"));
        assertThat(w.topics()).containsExactly("aifc.capital.snapshots", "aifc.licences");
        assertThatThrownBy(() -> LagProbe.Watched.parse("capital=http://x")).hasMessageContaining("NAME=METRICS_URL");
    }
}
