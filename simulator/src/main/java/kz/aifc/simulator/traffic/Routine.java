package kz.aifc.simulator.traffic;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.v1.ScreenedTransaction;
import kz.aifc.simulator.firms.FirmProfile;

/** The selected firms' ordinary life plus the malformed share; the scenarios put their script on top of it. */
final class Routine {

    private static final Malformation[] KINDS = Malformation.values();
    private static final List<String> CORRUPTIBLE_TYPES = List.of(EventTypes.TRANSACTION_SCREENED,
            EventTypes.CAPITAL_SNAPSHOT, EventTypes.STAFF_CHANGE, EventTypes.CONTROLLER_CHANGE);
    private static final List<Double> CORRUPTIBLE_WEIGHTS = List.of(0.55, 0.15, 0.15, 0.15);

    final Settings settings;
    final EventFactory factory;
    final Transactions transactions;
    final List<FirmState> firms = new ArrayList<>();
    final SplittableRandom rnd;

    private final Malformer malformer = new Malformer();
    /** Malformed records go to firms other than the clean one, unless it is the only firm. */
    private final List<FirmState> corruptible = new ArrayList<>();
    private final List<Double> trafficWeights = new ArrayList<>();
    private long emitted;
    private long malformed;
    private int onboardingRecords;
    private Duration snapshotEvery;
    private Duration staffEvery;
    private Duration controllerEvery;

    Routine(Settings settings, List<FirmProfile> profiles, boolean cleanCustomers) {
        this.settings = settings;
        this.factory = new EventFactory(settings.source(), settings.runTag(), settings.mode(), settings.seed(),
                settings.eventIds());
        this.transactions = new Transactions(factory, settings.kztPerUsd());
        this.rnd = new SplittableRandom(settings.seed());
        this.snapshotEvery = settings.snapshotEvery();
        this.staffEvery = settings.staffEvery();
        this.controllerEvery = settings.controllerEvery();
        for (FirmProfile profile : profiles) {
            CustomerBook book = new CustomerBook(profile.id(), settings.customersPerFirm(), settings.seed(),
                    cleanCustomers);
            FirmState state = new FirmState(profile, book, settings.kztPerUsd());
            firms.add(state);
            trafficWeights.add(profile.business().trafficWeight());
            if (!profile.clean()) {
                corruptible.add(state);
            }
        }
        if (corruptible.isEmpty()) {
            corruptible.addAll(firms);
        }
    }

    FirmState firm(String firmId) {
        return firms.stream().filter(f -> f.profile.id().equals(firmId)).findFirst().orElse(null);
    }

    /** Queues every firm's roster and controllers and schedules its periodic events, staggered per firm. */
    void onboard(OffsetDateTime at) {
        for (int i = 0; i < firms.size(); i++) {
            FirmState f = firms.get(i);
            f.queueOnboarding();
            onboardingRecords += f.pending.size();
            f.nextSnapshotAt = at;
            f.nextStaffAt = at.plus(staffEvery.multipliedBy(6 + i).dividedBy(10));
            f.nextControllerAt = at.plus(controllerEvery.multipliedBy(7 + i).dividedBy(10));
        }
    }

    /** New cadences for snapshots, staff and controller changes, each starting from {@code now}. */
    void retime(Settings.Continuation continuation, OffsetDateTime now) {
        snapshotEvery = continuation.snapshotEvery();
        staffEvery = continuation.staffEvery();
        controllerEvery = continuation.controllerEvery();
        for (FirmState f : firms) {
            f.nextSnapshotAt = f.nextSnapshotAt.isAfter(now.plus(snapshotEvery)) ? now.plus(snapshotEvery)
                    : f.nextSnapshotAt;
            f.nextStaffAt = f.nextStaffAt.isAfter(now.plus(staffEvery)) ? now.plus(staffEvery) : f.nextStaffAt;
            f.nextControllerAt = f.nextControllerAt.isAfter(now.plus(controllerEvery)) ? now.plus(controllerEvery)
                    : f.nextControllerAt;
        }
    }

    Duration snapshotEvery() {
        return snapshotEvery;
    }

    /** The records {@link #onboard} queued; they come first, before anything else a feed sends. */
    int onboardingRecords() {
        return onboardingRecords;
    }

    /** The next queued roster or controller record of any firm, or null once every firm is onboarded. */
    Outgoing onboarding(OffsetDateTime now) {
        for (FirmState f : firms) {
            if (!f.pending.isEmpty()) {
                return event(f, f.pending.poll().apply(now), now);
            }
        }
        return null;
    }

    /** Whatever is due by {@code now} (roster first, then snapshots, staff and controller changes), or null. */
    Outgoing due(OffsetDateTime now) {
        Outgoing roster = onboarding(now);
        if (roster != null) {
            return roster;
        }
        for (FirmState f : firms) {
            if (!f.nextSnapshotAt.isAfter(now)) {
                f.nextSnapshotAt = later(f.nextSnapshotAt, snapshotEvery, now);
                return event(f, f.routineSnapshot(now, rnd), now);
            }
        }
        for (FirmState f : firms) {
            if (!f.nextStaffAt.isAfter(now)) {
                f.nextStaffAt = later(f.nextStaffAt, staffEvery, now);
                return event(f, f.nextStaffChange(now, rnd), now);
            }
        }
        for (FirmState f : firms) {
            if (!f.nextControllerAt.isAfter(now)) {
                f.nextControllerAt = later(f.nextControllerAt, controllerEvery, now);
                return event(f, f.nextControllerChange(now, rnd), now);
            }
        }
        return null;
    }

    /** A free slot: a malformed record when the share asks for one, otherwise a clean transaction. */
    Outgoing slot(OffsetDateTime now) {
        if (malformedTurn()) {
            return malformed(now, false);
        }
        FirmState f = firms.get(Transactions.weighted(trafficWeights, rnd));
        var business = f.profile.business();
        ScreenedTransaction tx = transactions.routine(f.profile.id(), business, f.customers.pick(rnd), now, rnd, true,
                business.medianUsd(), business.sigma());
        return event(f, tx, now);
    }

    Outgoing event(FirmState f, Object payload, OffsetDateTime at) {
        return factory.event(f.profile.id(), payload, at, null);
    }

    /** Counts what a feed hands out, which the malformed share is measured against. */
    Outgoing counted(Outgoing out) {
        if (out != null) {
            emitted++;
            if (out.malformed()) {
                malformed++;
            }
        }
        return out;
    }

    /**
     * Keeps the malformed share within one record of the target at every point of the run (so short runs and
     * tests see it too), while the exact positions stay random.
     */
    boolean malformedTurn() {
        double share = settings.malformedShare();
        if (share <= 0) {
            return false;
        }
        if (share >= 1) {
            return true;
        }
        double expected = share * (emitted + 1);
        if (malformed + 1 <= expected - 1) {
            return true;
        }
        if (malformed >= expected + 1) {
            return false;
        }
        return rnd.nextDouble() < share;
    }

    Outgoing malformed(OffsetDateTime now, boolean transactionsOnly) {
        Malformation kind = KINDS[rnd.nextInt(KINDS.length)];
        String type = EventTypes.TRANSACTION_SCREENED;
        if (!transactionsOnly) {
            do {
                type = CORRUPTIBLE_TYPES.get(Transactions.weighted(CORRUPTIBLE_WEIGHTS, rnd));
            } while (!Malformer.applies(kind, type));
        }
        return corrupted(now, kind, type);
    }

    /** A malformed record of one of {@code types} only (a scenario that streams just those). */
    Outgoing malformedOf(OffsetDateTime now, List<String> types) {
        Malformation kind = KINDS[rnd.nextInt(KINDS.length)];
        String type;
        do {
            type = types.get(rnd.nextInt(types.size()));
        } while (!Malformer.applies(kind, type));
        return corrupted(now, kind, type);
    }

    /**
     * A malformed record made from a good payload ({@code payloadOf} the firm) of a firm that may send broken records,
     * broken in one of the ways that apply to its type (a scenario whose events the other methods cannot make).
     */
    Outgoing malformedFrom(OffsetDateTime now, Function<FirmState, Object> payloadOf) {
        FirmState f = corruptible.get(rnd.nextInt(corruptible.size()));
        CloudEvent<?> good = factory.cloudEvent(f.profile.id(), payloadOf.apply(f), now);
        Malformation kind;
        do {
            kind = KINDS[rnd.nextInt(KINDS.length)];
        } while (!Malformer.applies(kind, good.type()));
        return malformer.corrupt(good, kind, factory.nextStructured(), rnd);
    }

    /** A good event of {@code type} from a firm that may send broken records, broken in the {@code kind} way. */
    private Outgoing corrupted(OffsetDateTime now, Malformation kind, String type) {
        FirmState f = corruptible.get(rnd.nextInt(corruptible.size()));
        Object payload = switch (type) {
            case EventTypes.CAPITAL_SNAPSHOT -> f.routineSnapshot(now, rnd);
            case EventTypes.STAFF_CHANGE -> f.anyStaffEvent(now, rnd);
            case EventTypes.CONTROLLER_CHANGE -> f.anyControllerEvent(now, rnd);
            default -> {
                var business = f.profile.business();
                yield transactions.routine(f.profile.id(), business, f.customers.pick(rnd), now, rnd, true,
                        business.medianUsd(), business.sigma());
            }
        };
        CloudEvent<?> good = factory.cloudEvent(f.profile.id(), payload, now);
        return malformer.corrupt(good, kind, factory.nextStructured(), rnd);
    }

    /** The next occurrence of a schedule; when the clock has run past it, it restarts from now instead of bursting. */
    private static OffsetDateTime later(OffsetDateTime last, Duration every, OffsetDateTime now) {
        OffsetDateTime next = last.plus(every);
        return next.isAfter(now) ? next : now.plus(every);
    }
}
