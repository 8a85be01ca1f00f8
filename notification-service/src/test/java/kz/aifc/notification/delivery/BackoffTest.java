package kz.aifc.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Retry waits: exponential and capped, less a bounded random share (webhooks and mail alike). */
class BackoffTest {

    private static final Duration BASE = Duration.ofSeconds(5);
    private static final Duration MAX = Duration.ofMinutes(30);

    @Test
    void shouldDoubleEachWaitUpToTheCapWithoutJitter() {
        Backoff b = new Backoff(BASE, MAX, 0, () -> 0.9);
        assertThat(b.next(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(b.next(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(b.next(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(b.next(60)).isEqualTo(MAX);
    }

    @Test
    void shouldTakeOffAtMostTheJitterShareAndNeverExceedTheCap() {
        assertThat(new Backoff(BASE, MAX, 0.2, () -> 0).next(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(new Backoff(BASE, MAX, 0.2, () -> 0.5).next(3)).isEqualTo(Duration.ofSeconds(18));
        assertThat(new Backoff(BASE, MAX, 0.2, () -> 0.999_999).next(3).toMillis()).isEqualTo(16_000);
        assertThat(new Backoff(BASE, MAX, 0.2, () -> 0.999_999).next(60)).isLessThanOrEqualTo(MAX)
                .isGreaterThanOrEqualTo(MAX.multipliedBy(8).dividedBy(10));
        assertThatThrownBy(() -> new Backoff(BASE, MAX, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSpreadRetriesOfReceiversThatFailedTogetherAcrossTheWholeJitterBand() {
        Random seeded = new Random(17);
        Backoff b = new Backoff(BASE, MAX, 0.2, seeded::nextDouble);
        long[] waits = IntStream.range(0, 10_000).mapToLong(i -> b.next(3).toMillis()).toArray();
        assertThat(java.util.Arrays.stream(waits).min().orElseThrow()).isGreaterThanOrEqualTo(16_000);
        assertThat(java.util.Arrays.stream(waits).max().orElseThrow()).isLessThanOrEqualTo(20_000);
        // Uniform over [16 s, 20 s]: mean near 18 s, and each quarter of the band gets about a quarter of the retries.
        double mean = java.util.Arrays.stream(waits).average().orElseThrow();
        assertThat(mean).isBetween(17_900.0, 18_100.0);
        for (int q = 0; q < 4; q++) {
            long from = 16_000 + q * 1_000L;
            long inQuarter = java.util.Arrays.stream(waits).filter(w -> w >= from && w < from + 1_000).count();
            assertThat(inQuarter).isBetween(2_200L, 2_800L);
        }
        assertThat(java.util.Arrays.stream(waits).distinct().count()).isGreaterThan(1_000);
    }

    @Test
    void shouldRetryAfterTheWaitUntilTheLastAttemptAndThenGiveUp() {
        Backoff b = new Backoff(BASE, MAX, 0, () -> 0.5);
        Instant before = Instant.now();
        Instant retry = b.retryAt(2, 3);
        assertThat(retry).isBetween(before.plusSeconds(10), Instant.now().plusSeconds(10));
        assertThat(b.retryAt(3, 3)).isNull();
        assertThat(b.retryAt(4, 3)).isNull();
    }
}
