package kz.aifc.simulator.traffic;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** Simulated time: record {@code i} happens at {@code start + i * step}, whatever the wall clock says. */
final class SimClock {

    private final OffsetDateTime origin;
    private OffsetDateTime start;
    private long stepNanos;
    private long index;

    SimClock(Settings settings) {
        this.origin = settings.start();
        this.start = origin;
        this.stepNanos = settings.step().toNanos();
    }

    /** The time of the next record; advances the clock by one step. */
    OffsetDateTime tick() {
        return start.plusNanos(stepNanos * index++).truncatedTo(ChronoUnit.MILLIS);
    }

    /** The time of the first record. */
    OffsetDateTime start() {
        return origin;
    }

    /** From the record last ticked on, time advances by {@code step} per record. */
    void retime(Duration step) {
        if (index > 0) {
            start = start.plusNanos(stepNanos * (index - 1));
            index = 1;
        }
        stepNanos = step.toNanos();
    }
}
