package kz.aifc.simulator.traffic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.contract.v1.CapitalComponents;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.ControllerChange;
import kz.aifc.contract.v1.Currency;
import kz.aifc.contract.v1.CustomerType;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.Seniority;
import kz.aifc.contract.v1.StaffChange;
import kz.aifc.contract.v1.StaffChangeKind;
import kz.aifc.simulator.firms.FirmProfile;
import kz.aifc.simulator.firms.Person;
import kz.aifc.simulator.firms.Stake;

/** One firm while played (capital, roles, holdings, schedules); incidents change it, so nothing cures them quietly. */
final class FirmState {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal HALF = new BigDecimal("0.5");

    final FirmProfile profile;
    final CustomerBook customers;
    final Deque<Function<OffsetDateTime, Object>> pending = new ArrayDeque<>();
    final Map<String, Person> staff = new LinkedHashMap<>();
    final Map<String, Stake> controllers = new LinkedHashMap<>();

    BigDecimal resourcesUsd;
    /** Relative wobble of resources between snapshots; small once an incident pins the level. */
    double jitter = 0.015;
    OffsetDateTime nextSnapshotAt;
    OffsetDateTime nextStaffAt;
    OffsetDateTime nextControllerAt;

    private final BigDecimal kztPerUsd;
    private final String personPrefix;
    private int staffCycle;
    private int newcomers;
    private String extraDirector;
    private String outgoingDeputy;

    FirmState(FirmProfile profile, CustomerBook customers, BigDecimal kztPerUsd) {
        this.profile = profile;
        this.customers = customers;
        this.kztPerUsd = kztPerUsd;
        this.resourcesUsd = profile.capital().normalResourcesUsd();
        String seo = profile.roster().get(0).personId();
        this.personPrefix = seo.substring(0, seo.lastIndexOf('-') + 1);
        profile.roster().forEach(p -> staff.put(p.personId(), p));
        profile.controllers().forEach(s -> controllers.put(s.controllerId(), s));
    }

    /** The current roster and controllers as events, so a fresh consumer sees no spurious vacancy. */
    void queueOnboarding() {
        for (Person p : profile.roster()) {
            pending.add(at -> staffChange(p, StaffChangeKind.APPOINTED, p.appointedOn()));
        }
        for (Stake s : profile.controllers()) {
            pending.add(at -> new ControllerChange(profile.id(), s.controllerId(), s.name(), s.type(),
                    BigDecimal.ZERO.setScale(1), s.holdingPct(), s.afsaApproval(), s.sourceOfWealthEvidence(),
                    profile.licensedSince()));
        }
    }

    /** A snapshot at the current level with a little day-to-day movement. */
    CapitalSnapshot routineSnapshot(OffsetDateTime at, SplittableRandom rnd) {
        double wobble = 1 + jitter * (2 * rnd.nextDouble() - 1);
        BigDecimal level = resourcesUsd.multiply(BigDecimal.valueOf(wobble)).setScale(2, RoundingMode.HALF_EVEN);
        return snapshot(at, level, rnd);
    }

    /**
     * A snapshot showing exactly {@code resourcesUsd}: only interim losses move, so paid-up capital never falls
     * (CAP-004) and liquid assets stay near half of annual operating expenditure (CAP-003 needs 25%).
     */
    CapitalSnapshot snapshot(OffsetDateTime at, BigDecimal resources, SplittableRandom rnd) {
        var plan = profile.capital();
        BigDecimal losses = plan.resourcesBeforeLosses().subtract(resources).max(BigDecimal.ZERO);
        BigDecimal liquid = plan.annualOperatingExpenditure()
                .multiply(BigDecimal.valueOf(0.45 + 0.10 * rnd.nextDouble())).setScale(2, RoundingMode.HALF_EVEN);
        boolean kzt = plan.reportingCurrency() == Currency.KZT;
        BigDecimal rate = kzt ? kztPerUsd : BigDecimal.ONE;
        CapitalComponents capital = new CapitalComponents(
                money(plan.paidUpShareCapital(), rate), money(plan.sharePremium(), rate),
                money(plan.auditedRetainedEarnings(), rate), money(plan.otherReserves(), rate),
                money(losses, rate), money(plan.intangibleAssets(), rate),
                money(plan.deferredTaxAssets(), rate), money(BigDecimal.ZERO, rate));
        return new CapitalSnapshot(profile.id(), at, plan.reportingCurrency(), rate, capital, money(liquid, rate),
                money(plan.annualOperatingExpenditure(), rate), null);
    }

    /**
     * The next harmless staff change, in a cycle that never leaves a role vacant: an extra independent director
     * joins and later leaves; a new deputy MLRO is appointed before the old one departs.
     */
    StaffChange nextStaffChange(OffsetDateTime at, SplittableRandom rnd) {
        int step = staffCycle++ % 4;
        switch (step) {
            case 0 -> {
                Person p = new Person(personPrefix + "XD" + (++newcomers), Names.person(rnd, rnd.nextBoolean()),
                        List.of(Role.DIRECTOR, Role.INDEPENDENT_DIRECTOR), AfsaApproval.APPROVED, true,
                        Seniority.DIRECTOR, at.toLocalDate());
                staff.put(p.personId(), p);
                extraDirector = p.personId();
                return staffChange(p, StaffChangeKind.APPOINTED, at.toLocalDate());
            }
            case 1 -> {
                Person p = staff.remove(extraDirector);
                return staffChange(p, StaffChangeKind.DEPARTED, at.toLocalDate());
            }
            case 2 -> {
                outgoingDeputy = holderOf(Role.DEPUTY_MLRO);
                Person p = Person.approved(personPrefix + "DMLRO" + (++newcomers), Names.person(rnd, true),
                        Seniority.SENIOR_MANAGER, at.toLocalDate(), Role.DEPUTY_MLRO);
                staff.put(p.personId(), p);
                return staffChange(p, StaffChangeKind.APPOINTED, at.toLocalDate());
            }
            default -> {
                Person p = staff.remove(outgoingDeputy);
                return staffChange(p, StaffChangeKind.DEPARTED, at.toLocalDate());
            }
        }
    }

    /** A small move of the firm's minor natural-person holder that crosses no control threshold. */
    ControllerChange nextControllerChange(OffsetDateTime at, SplittableRandom rnd) {
        Stake stake = controllers.values().stream().filter(s -> s.type() == CustomerType.NATURAL).findFirst()
                .orElse(controllers.values().iterator().next());
        Stake base = profile.controllers().stream().filter(s -> s.controllerId().equals(stake.controllerId()))
                .findFirst().orElse(stake);
        BigDecimal low = base.holdingPct().subtract(BigDecimal.valueOf(2)).max(BigDecimal.ONE);
        BigDecimal high = ceilingBelowThreshold(base.holdingPct());
        BigDecimal next = stake.holdingPct().add(rnd.nextBoolean() ? HALF : HALF.negate());
        if (next.compareTo(low) < 0 || next.compareTo(high) > 0) {
            next = stake.holdingPct().subtract(next.subtract(stake.holdingPct()));
        }
        next = next.max(low).min(high).setScale(1, RoundingMode.HALF_EVEN);
        Stake moved = stake.withHolding(next, stake.afsaApproval());
        controllers.put(moved.controllerId(), moved);
        return new ControllerChange(profile.id(), stake.controllerId(), stake.name(), stake.type(),
                stake.holdingPct(), next, stake.afsaApproval(), stake.sourceOfWealthEvidence(), at.toLocalDate());
    }

    /** Moves a controller to {@code newPct}: the scripted change of control. */
    ControllerChange moveController(String controllerId, BigDecimal newPct, AfsaApproval approval,
            boolean sourceOfWealth, OffsetDateTime at) {
        Stake stake = controllers.get(controllerId);
        Stake moved = new Stake(stake.controllerId(), stake.name(), stake.type(), newPct, approval, sourceOfWealth);
        controllers.put(controllerId, moved);
        return new ControllerChange(profile.id(), controllerId, stake.name(), stake.type(), stake.holdingPct(),
                newPct, approval, sourceOfWealth, at.toLocalDate());
    }

    /** The holder of {@code role} departs (the whole role list goes with them). */
    StaffChange depart(Role role, OffsetDateTime at) {
        Person p = staff.remove(holderOf(role));
        return staffChange(p, StaffChangeKind.DEPARTED, at.toLocalDate());
    }

    /** A staff event about someone on the current roster, for malformed copies; changes nothing. */
    StaffChange anyStaffEvent(OffsetDateTime at, SplittableRandom rnd) {
        List<Person> people = new ArrayList<>(staff.values());
        Person p = people.get(rnd.nextInt(people.size()));
        return staffChange(p, StaffChangeKind.ROLES_CHANGED, at.toLocalDate());
    }

    /** A controller event restating a current holding, for malformed copies; changes nothing. */
    ControllerChange anyControllerEvent(OffsetDateTime at, SplittableRandom rnd) {
        List<Stake> stakes = new ArrayList<>(controllers.values());
        Stake s = stakes.get(rnd.nextInt(stakes.size()));
        return new ControllerChange(profile.id(), s.controllerId(), s.name(), s.type(), s.holdingPct(),
                s.holdingPct(), s.afsaApproval(), s.sourceOfWealthEvidence(), at.toLocalDate());
    }

    String holderOf(Role role) {
        return staff.values().stream().filter(p -> p.holds(role)).map(Person::personId).findFirst()
                .orElseThrow(() -> new IllegalStateException(profile.id() + " has no " + role));
    }

    private StaffChange staffChange(Person p, StaffChangeKind kind, java.time.LocalDate effective) {
        return new StaffChange(profile.id(), p.personId(), p.fullName(), kind, p.roles(), p.afsaApproval(),
                p.residentInKazakhstan(), p.seniority(), null, effective);
    }

    /** Just under the next control threshold above a holding (10%, 30%, 50%; GEN 3.2), so no approval is due. */
    private static BigDecimal ceilingBelowThreshold(BigDecimal pct) {
        for (int threshold : new int[] {10, 30, 50}) {
            if (pct.compareTo(BigDecimal.valueOf(threshold)) < 0) {
                return BigDecimal.valueOf(threshold).subtract(HALF);
            }
        }
        return HUNDRED;
    }

    private static BigDecimal money(BigDecimal usd, BigDecimal rate) {
        return usd.multiply(rate).setScale(2, RoundingMode.HALF_EVEN);
    }
}
