package kz.aifc.simulator.traffic;

import java.time.OffsetDateTime;
import java.util.List;
import kz.aifc.simulator.firms.FirmProfile;

/** A normal day for every firm, forever: roster first, then snapshots, staff and controller churn, transactions. */
final class SteadyFeed implements Feed {

    private final Routine routine;
    private final SimClock clock;

    SteadyFeed(Settings settings, List<FirmProfile> firms) {
        this.routine = new Routine(settings, firms, true);
        this.clock = new SimClock(settings);
        routine.onboard(clock.start());
    }

    @Override
    public int onboardingRecords() {
        return routine.onboardingRecords();
    }

    @Override
    public Outgoing next() {
        OffsetDateTime now = clock.tick();
        Outgoing due = routine.due(now);
        return routine.counted(due != null ? due : routine.slot(now));
    }
}
