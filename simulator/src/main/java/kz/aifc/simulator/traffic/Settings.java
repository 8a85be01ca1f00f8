package kz.aifc.simulator.traffic;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/** Everything that shapes the generated events, and nothing about Kafka. */
public record Settings(
        String source,
        String runTag, // unique per run and part of every id, so a rerun with the same seed is never deduplicated
        long seed,
        ContentMode mode,
        BigDecimal kztPerUsd,
        OffsetDateTime start, // simulated time of the first record
        Duration step, // simulated time per record
        double malformedShare,
        int customersPerFirm,
        Duration snapshotEvery,
        Duration staffEvery,
        Duration controllerEvery,
        double suspiciousShare,
        Continuation afterScript, // how demo-day carries on after its script; null to stop there
        EventIds eventIds) {

    /** Settings whose events are named in sequence ({@link EventIds#SEQUENCE}). */
    public Settings(String source, String runTag, long seed, ContentMode mode, BigDecimal kztPerUsd,
            OffsetDateTime start, Duration step, double malformedShare, int customersPerFirm, Duration snapshotEvery,
            Duration staffEvery, Duration controllerEvery, double suspiciousShare, Continuation afterScript) {
        this(source, runTag, seed, mode, kztPerUsd, start, step, malformedShare, customersPerFirm, snapshotEvery,
                staffEvery, controllerEvery, suspiciousShare, afterScript, EventIds.SEQUENCE);
    }

    /** The steady day after the demo day's script, in real time, so events stay near the current time. */
    public record Continuation(Duration step, Duration snapshotEvery, Duration staffEvery,
            Duration controllerEvery) {
    }

    public Settings {
        Objects.requireNonNull(eventIds, "eventIds");
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive");
        }
        if (malformedShare < 0 || malformedShare > 1) {
            throw new IllegalArgumentException("malformedShare must be within 0..1");
        }
        if (customersPerFirm < 1) {
            throw new IllegalArgumentException("customersPerFirm must be at least 1");
        }
    }
}
