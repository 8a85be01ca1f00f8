package kz.aifc.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Wait before the next attempt of a webhook or mail delivery: exponential (base × 2^(attempt−1), capped), less a random
 * share of at most {@code jitter} of it, so that receivers that failed together are not all retried in the same second.
 * The wait stays within [(1 − jitter) × w, w] for the exponential wait w, so the cap is never exceeded.
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final double jitter;
    private final DoubleSupplier random;

    /** {@code random} answers in [0, 1); production uses {@link ThreadLocalRandom}, tests a fixed or seeded source. */
    public Backoff(Duration base, Duration max, double jitter, DoubleSupplier random) {
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, not " + jitter);
        }
        this.base = base;
        this.max = max;
        this.jitter = jitter;
        this.random = random;
    }

    public Backoff(Duration base, Duration max, double jitter) {
        this(base, max, jitter, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The exponential wait before attempt {@code failedAttempt + 1}, without jitter. */
    public Duration exponential(int failedAttempt) {
        Duration wait = base.multipliedBy(1L << Math.min(Math.max(failedAttempt, 1) - 1, 30));
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** The wait before attempt {@code failedAttempt + 1}: the exponential wait less up to {@code jitter} of it. */
    public Duration next(int failedAttempt) {
        Duration wait = exponential(failedAttempt);
        double share = jitter * Math.min(Math.max(random.getAsDouble(), 0), 1);
        return Duration.ofNanos(Math.round(wait.toNanos() * (1 - share)));
    }

    /**
     * When to make attempt {@code failedAttempt + 1}: after {@link #next(int)}, or null (give up) when {@code failedAttempt}
     * was the last of {@code maxAttempts}.
     */
    public Instant retryAt(int failedAttempt, int maxAttempts) {
        return failedAttempt >= maxAttempts ? null : Instant.now().plus(next(failedAttempt));
    }
}
