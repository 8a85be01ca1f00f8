package kz.aifc.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchProbeTest {

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
