package kz.aifc.simulator.traffic;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.SplittableRandom;
import kz.aifc.contract.v1.ScreenedTransaction;
import kz.aifc.simulator.firms.FirmProfile;

/** Screened transactions only, at volume: many customers, log-normal amounts, keys spread evenly, a few red flags. */
final class LoadFeed implements Feed {

    static final double MEDIAN_USD = 180;
    static final double SIGMA = 1.35;

    private final Routine routine;
    private final SimClock clock;
    private final SplittableRandom rnd;
    private final double suspiciousShare;

    LoadFeed(Settings settings, List<FirmProfile> firms) {
        this.routine = new Routine(settings, firms, false);
        this.clock = new SimClock(settings);
        this.rnd = routine.rnd;
        this.suspiciousShare = settings.suspiciousShare();
    }

    @Override
    public Outgoing next() {
        OffsetDateTime now = clock.tick();
        if (routine.malformedTurn()) {
            return routine.counted(routine.malformed(now, true));
        }
        FirmState f = routine.firms.get(rnd.nextInt(routine.firms.size()));
        SimCustomer customer = f.customers.pick(rnd);
        ScreenedTransaction tx = routine.transactions.routine(f.profile.id(), f.profile.business(), customer, now,
                rnd, false, MEDIAN_USD, SIGMA);
        if (rnd.nextDouble() < suspiciousShare) {
            tx = routine.transactions.redFlag(tx, customer, rnd);
        }
        return routine.counted(routine.event(f, tx, now));
    }
}
