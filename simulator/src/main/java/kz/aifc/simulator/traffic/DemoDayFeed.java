package kz.aifc.simulator.traffic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.ControllerChange;
import kz.aifc.contract.v1.Customer;
import kz.aifc.contract.v1.CustomerType;
import kz.aifc.contract.v1.RiskRating;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.ScreenedTransaction;
import kz.aifc.contract.v1.StaffChange;
import kz.aifc.simulator.firms.DemoFirms;
import kz.aifc.simulator.firms.FirmProfile;

/** A compressed nine-hour day: roster, baseline and scripted incidents, then the end or a real-time steady day. */
final class DemoDayFeed implements Feed {

    static final Duration DAY = Duration.ofHours(9);
    static final String STRUCTURING_CUSTOMER = "C-STRUCT";
    static final String SANCTIONED_CUSTOMER = "C-SANCT";

    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    /** One scripted incident: when, for which firm, and how it changes the firm and reads in the log. */
    private record Step(Duration offset, String firmId, String label, Function<OffsetDateTime, Object> payload,
            Function<Object, String> detail) {
    }

    private final Routine routine;
    private final SimClock clock;
    private final OffsetDateTime end;
    private final Settings.Continuation afterScript;
    private boolean continuing;
    private final Deque<Step> script = new ArrayDeque<>();
    private final List<String> skipped = new ArrayList<>();
    private final SplittableRandom rnd;
    private final int scripted;
    private int told;

    DemoDayFeed(Settings settings, List<FirmProfile> firms) {
        this.routine = new Routine(settings, firms, true);
        this.clock = new SimClock(settings);
        this.end = clock.start().plus(DAY);
        this.afterScript = settings.afterScript();
        this.rnd = new SplittableRandom(settings.seed() ^ 0xD3A7L);
        routine.onboard(clock.start());
        for (Step step : steps()) {
            if (routine.firm(step.firmId()) != null) {
                script.add(step);
            } else {
                skipped.add(step.label() + " (" + step.firmId() + " is not among --firms)");
            }
        }
        this.scripted = script.size();
    }

    /** Incidents left out because their firm was not selected. */
    List<String> skipped() {
        return List.copyOf(skipped);
    }

    @Override
    public int onboardingRecords() {
        return routine.onboardingRecords();
    }

    @Override
    public Outgoing next() {
        OffsetDateTime now = clock.tick();
        // The roster goes first even when a time scale puts an incident inside it (see onboardingRecords()).
        Outgoing roster = routine.onboarding(now);
        if (roster != null) {
            return routine.counted(roster);
        }
        Step step = script.peek();
        if (step != null && !clock.start().plus(step.offset()).isAfter(now)) {
            script.poll();
            OffsetDateTime at = clock.start().plus(step.offset());
            Object payload = step.payload().apply(at);
            Outgoing out = routine.factory.event(step.firmId(), payload, at,
                    String.format("incident %d/%d at %s (+%s) %s %s: %s", ++told, scripted, HHMM.format(at),
                            offset(step.offset()),
                            step.firmId(), step.label(), step.detail().apply(payload)));
            return routine.counted(out);
        }
        if (script.isEmpty() && !now.isBefore(end) && !continuing) {
            if (afterScript == null) {
                return null;
            }
            continuing = true;
            clock.retime(afterScript.step());
            routine.retime(afterScript, now);
        }
        Outgoing due = routine.due(now);
        return routine.counted(due != null ? due : routine.slot(now));
    }

    private List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        SimCustomer structuring = new SimCustomer(
                new Customer(STRUCTURING_CUSTOMER, CustomerType.NATURAL, "KZ", RiskRating.LOW, false, false, true,
                        true),
                "Yerbol Suleimenov", "IIN 880412300517", true, "203.0.113.77", "D-5f3a91c2", 880412L);
        int[] minutes = {70, 100, 125, 155};
        for (int i = 0; i < minutes.length; i++) {
            BigDecimal usd = BigDecimal.valueOf(95_000 + rnd.nextInt(4_001), 2);
            int n = i + 1;
            steps.add(new Step(Duration.ofMinutes(minutes[i]), DemoFirms.DATF,
                    "AML-005 structuring deposit " + n + "/4",
                    at -> routine.transactions.deposit(DemoFirms.DATF, structuring, usd, at, rnd),
                    p -> STRUCTURING_CUSTOMER + " deposits USD " + ((ScreenedTransaction) p).amountUsd()
                            .toPlainString() + ", just under the USD 1,000 Travel Rule threshold"));
        }
        SimCustomer sanctioned = new SimCustomer(
                new Customer(SANCTIONED_CUSTOMER, CustomerType.NATURAL, "KZ", RiskRating.MEDIUM, false, false, true,
                        true),
                "Olzhas Iskakov", "IIN 910305300244", false, "198.51.100.23", "D-9b04e7aa", 910305L);
        steps.add(new Step(Duration.ofMinutes(200), DemoFirms.DATF, "AML-001 sanctions hit",
                at -> routine.transactions.sanctionsHit(DemoFirms.DATF, sanctioned, new BigDecimal("4850.00"),
                        "Nordwind Logistics Ltd", "UN", BigDecimal.valueOf(97), at, rnd),
                p -> SANCTIONED_CUSTOMER + " withdraws USD 4850.00 to a beneficiary on the UN list (match 97)"));
        steps.add(new Step(Duration.ofMinutes(270), DemoFirms.DEALER, "CAP-002 capital under the 120% buffer",
                at -> capitalAt(DemoFirms.DEALER, new BigDecimal("1.10"), at),
                p -> describe((CapitalSnapshot) p, DemoFirms.DEALER)));
        steps.add(new Step(Duration.ofMinutes(360), DemoFirms.DEALER, "CAP-001 capital under the requirement",
                at -> capitalAt(DemoFirms.DEALER, new BigDecimal("0.96"), at),
                p -> describe((CapitalSnapshot) p, DemoFirms.DEALER)));
        steps.add(new Step(Duration.ofMinutes(420), DemoFirms.CUSTODY, "FP-001 MLRO departs",
                at -> routine.firm(DemoFirms.CUSTODY).depart(Role.MLRO, at),
                p -> ((StaffChange) p).fullName() + " (" + ((StaffChange) p).personId()
                        + ") leaves; the MLRO role is vacant"));
        steps.add(new Step(Duration.ofMinutes(480), DemoFirms.DATF, "FP-008 controller crosses 10% unapproved",
                at -> {
                    FirmState f = routine.firm(DemoFirms.DATF);
                    boolean evidence = f.controllers.get(DemoFirms.SILK_ROAD).sourceOfWealthEvidence();
                    return f.moveController(DemoFirms.SILK_ROAD, new BigDecimal("12.5"), AfsaApproval.NONE, evidence,
                            at);
                },
                p -> {
                    ControllerChange c = (ControllerChange) p;
                    return c.controllerId() + " " + c.name() + " " + c.previousHoldingPct() + "% -> "
                            + c.newHoldingPct() + "% with afsaApproval " + c.afsaApproval();
                }));
        return steps;
    }

    /** Pins the firm's capital at {@code ratio} of its requirement; later routine snapshots stay there. */
    private CapitalSnapshot capitalAt(String firmId, BigDecimal ratio, OffsetDateTime at) {
        FirmState f = routine.firm(firmId);
        BigDecimal level = f.profile.requirementUsd().multiply(ratio).setScale(2, RoundingMode.HALF_EVEN);
        f.resourcesUsd = level;
        f.jitter = 0.003;
        f.nextSnapshotAt = at.plus(routine.snapshotEvery());
        return f.snapshot(at, level, rnd);
    }

    private static String offset(Duration d) {
        return String.format("%dh%02d", d.toHours(), d.toMinutesPart());
    }

    private String describe(CapitalSnapshot s, String firmId) {
        BigDecimal resources = s.capital().capitalResources().divide(s.usdRate(), 2, RoundingMode.HALF_EVEN);
        BigDecimal requirement = routine.firm(firmId).profile.requirementUsd();
        return "capital resources USD " + resources.toPlainString() + " against a requirement of USD "
                + requirement.toPlainString() + " ("
                + resources.multiply(BigDecimal.valueOf(100)).divide(requirement, 1, RoundingMode.HALF_EVEN) + "%)";
    }
}
