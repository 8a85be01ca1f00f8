package kz.aifc.simulator.traffic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.simulator.firms.FirmProfile;

/**
 * One service's events only, at volume, over many firms (the benchmarks of capital-service and licensing-service):
 * capital snapshots, or staff and controller changes after every firm's roster and controllers. A share of the
 * events ({@code --suspicious-share}) breaches a rule and the firm's next event of that kind cures it, so alerts are
 * raised and resolved through the run: a snapshot under the firm's capital requirement (CAP-001, CAP-002), a
 * controller's holding over 10% without AFSA approval (FP-008) and back under it (a decrease notice).
 */
final class ServiceLoadFeed implements Feed {

    /** Under the requirement by a tenth: the minimum and the 120% buffer both breached. */
    private static final BigDecimal BREACH_LEVEL = new BigDecimal("0.9");
    private static final String MOVING_CONTROLLER = "K-2";
    private static final BigDecimal OVER_THRESHOLD = new BigDecimal("10.5");
    private static final BigDecimal BACK_UNDER = new BigDecimal("9.0");
    private static final List<String> CAPITAL_TYPES = List.of(EventTypes.CAPITAL_SNAPSHOT);
    private static final List<String> LICENSING_TYPES = List.of(EventTypes.STAFF_CHANGE, EventTypes.CONTROLLER_CHANGE);

    private final Routine routine;
    private final SimClock clock;
    private final SplittableRandom rnd;
    private final double breachShare;
    private final boolean capital;
    private final Set<String> breached = new HashSet<>();

    ServiceLoadFeed(Settings settings, List<FirmProfile> firms, boolean capital) {
        this.routine = new Routine(settings, firms, false);
        this.clock = new SimClock(settings);
        this.rnd = routine.rnd;
        this.breachShare = settings.suspiciousShare();
        this.capital = capital;
        if (!capital) {
            // Rosters and controllers first, so a firm's licence can be registered before its changes (--licensing).
            routine.onboard(clock.start());
        }
    }

    @Override
    public Outgoing next() {
        OffsetDateTime now = clock.tick();
        Outgoing roster = routine.onboarding(now);
        if (roster == null && routine.malformedTurn()) {
            // --malformed-share as in every scenario: broken records of this service's own events (its DLQ's share).
            return routine.counted(routine.malformedOf(now, capital ? CAPITAL_TYPES : LICENSING_TYPES));
        }
        FirmState f = routine.firms.get(rnd.nextInt(routine.firms.size()));
        return routine.counted(roster != null ? roster
                : routine.event(f, capital ? snapshot(f, now) : change(f, now), now));
    }

    private Object snapshot(FirmState f, OffsetDateTime now) {
        if (breached.remove(f.profile.id()) || rnd.nextDouble() >= breachShare || f.profile.requirementUsd() == null) {
            return f.routineSnapshot(now, rnd);
        }
        breached.add(f.profile.id());
        return f.snapshot(now, f.profile.requirementUsd().multiply(BREACH_LEVEL).setScale(2, RoundingMode.HALF_EVEN),
                rnd);
    }

    private Object change(FirmState f, OffsetDateTime now) {
        if (rnd.nextBoolean() || !f.controllers.containsKey(MOVING_CONTROLLER)) {
            return f.nextStaffChange(now, rnd);
        }
        if (breached.remove(f.profile.id())) {
            return f.moveController(MOVING_CONTROLLER, BACK_UNDER, AfsaApproval.NONE, true, now);
        }
        if (rnd.nextDouble() < breachShare) {
            breached.add(f.profile.id());
            return f.moveController(MOVING_CONTROLLER, OVER_THRESHOLD, AfsaApproval.NONE, true, now);
        }
        return f.nextControllerChange(now, rnd);
    }

    /** The rosters and controllers ahead of load-licensing's changes (none for load-capital). */
    @Override
    public int onboardingRecords() {
        return routine.onboardingRecords();
    }
}
