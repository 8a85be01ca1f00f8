package kz.aifc.simulator.traffic;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.AlertResolved;
import kz.aifc.contract.v1.Duty;
import kz.aifc.contract.v1.Severity;
import kz.aifc.simulator.firms.FirmProfile;

/**
 * Alert events only, at volume, over many firms (notification-service's benchmark): what the three checking services
 * put on {@code aifc.compliance.alerts}. Raises of a mix of rules as the services' rulebooks grade them (most from AML
 * screening, the rest capital and fit-and-proper), each alert id new to the run; a share of them
 * ({@code --suspicious-share}) is resolved by its source service a few hundred records later (on the same firm's key,
 * so after its raise).
 */
final class AlertLoadFeed implements Feed {

    /** A rule as its service raises it; the weight is its share of the alerts. */
    private record Rule(String id, Duty duty, Severity severity, String title, String citation, double weight) {
    }

    /** Titles, severities and citations as the services' rulebooks give them (AlertLoadFeedTest compares). */
    private static final List<Rule> RULES = List.of(
            new Rule("AML-001", Duty.AML, Severity.CRITICAL,
                    "Sanctions hit",
                    "AIFC AML 12.1.1-12.1.3", 0.03),
            new Rule("AML-002", Duty.AML, Severity.HIGH,
                    "Travel Rule data incomplete",
                    "AIFC AML 11-1.1(3), 11-1.1(4)", 0.15),
            new Rule("AML-004", Duty.AML, Severity.MEDIUM,
                    "Self-hosted wallet transfer needing measures: above USD 1,000 without ownership verified, or "
                            + "with a suspicion",
                    "AIFC AML 11-1.2(2)", 0.15),
            new Rule("AML-005", Duty.AML, Severity.HIGH,
                    "Possible structuring below a reporting threshold",
                    "FATF 2020 VA red flags (size and frequency); AIFC AML 13.7-13.8", 0.10),
            new Rule("AML-006", Duty.AML, Severity.MEDIUM,
                    "Rapid in-and-out: deposit withdrawn within 24 hours",
                    "FATF 2020 VA red flags (transaction patterns); AIFC AML 13.7-13.8", 0.12),
            new Rule("AML-007", Duty.AML, Severity.HIGH,
                    "High-risk wallet exposure",
                    "FATF 2020 VA red flags (anonymity, source of funds); AIFC AML 13.7-13.8", 0.10),
            new Rule("AML-008", Duty.AML, Severity.MEDIUM,
                    "High-risk jurisdiction without enhanced due diligence",
                    "AIFC AML 12.2.1-12.2.4", 0.05),
            new Rule("CAP-001", Duty.CAPITAL, Severity.CRITICAL,
                    "Capital resources below the base capital requirement",
                    "AIFC DAA 3.2(1)(b); GEN 6.2.3(d), (h); PRU(INV) 6.5 (PRU(INV) firms)", 0.03),
            new Rule("CAP-002", Duty.CAPITAL, Severity.HIGH,
                    "Capital resources below the early-warning buffer",
                    "Internal early-warning trigger (no AIFC rule; ADGM PRU App 3 analogue)", 0.07),
            new Rule("CAP-003", Duty.CAPITAL, Severity.HIGH,
                    "Liquid assets below the required fraction of annual operating expenditure",
                    "AIFC PRU(INV) 4.2-4.4", 0.04),
            new Rule("FP-001", Duty.FIT_AND_PROPER, Severity.CRITICAL,
                    "Mandatory role vacant",
                    "AIFC GEN 2.1.1; AML 13.1.2; DAA 2.3.1", 0.02),
            new Rule("FP-002", Duty.FIT_AND_PROPER, Severity.HIGH,
                    "Controlled function held without AFSA approval",
                    "AIFC GEN 2.2.5-1", 0.06),
            new Rule("FP-008", Duty.FIT_AND_PROPER, Severity.HIGH,
                    "Change in control without AFSA approval",
                    "AIFC GEN 3.2, 3.2.3(1), 3.3.1; AFSA change-in-control process", 0.05),
            new Rule("FP-009", Duty.FIT_AND_PROPER, Severity.MEDIUM,
                    "Natural-person controller without source-of-wealth evidence",
                    "AFSA F&P Guidance 6.1(g)", 0.03));
    private static final List<Double> WEIGHTS = RULES.stream().map(Rule::weight).toList();
    /** How many records after its raise an alert to be resolved is resolved, at least and at most. */
    static final int RESOLVE_AFTER_MIN = 100;
    static final int RESOLVE_AFTER_MAX = 1_000;

    /** An alert waiting for its resolution, due at record {@code due}. */
    private record Pending(long due, String alertId, FirmState firm) {
    }

    private final Routine routine;
    private final SimClock clock;
    private final SplittableRandom rnd;
    private final double resolvedShare;
    private final String runTag;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private long seq;

    AlertLoadFeed(Settings settings, List<FirmProfile> firms) {
        this.routine = new Routine(settings, firms, false);
        this.clock = new SimClock(settings);
        this.rnd = routine.rnd;
        this.resolvedShare = settings.suspiciousShare();
        this.runTag = settings.runTag();
    }

    @Override
    public Outgoing next() {
        OffsetDateTime now = clock.tick();
        seq++;
        Pending due = pending.peekFirst();
        if (due != null && due.due() <= seq) {
            pending.removeFirst();
            return routine.counted(routine.event(due.firm(), new AlertResolved(due.alertId(), due.firm().profile.id(), now,
                    "Cured by the firm's later event"), now));
        }
        if (routine.malformedTurn()) {
            // --malformed-share as in every scenario: broken alert records (the alerts topic's DLQ share).
            Rule rule = RULES.get(Transactions.weighted(WEIGHTS, rnd));
            return routine.counted(routine.malformedFrom(now, f -> raised(rule, f.profile.id(),
                    rule.id() + ":" + f.profile.id() + ":" + runTag + "-" + seq, now)));
        }
        FirmState f = routine.firms.get(rnd.nextInt(routine.firms.size()));
        Rule rule = RULES.get(Transactions.weighted(WEIGHTS, rnd));
        String firmId = f.profile.id();
        String alertId = rule.id() + ":" + firmId + ":" + runTag + "-" + seq;
        if (rnd.nextDouble() < resolvedShare) {
            // Kept in due order (never before the one queued last), so the head is always the next one due.
            long after = RESOLVE_AFTER_MIN + rnd.nextInt(RESOLVE_AFTER_MAX - RESOLVE_AFTER_MIN);
            pending.addLast(new Pending(Math.max(seq + after, pending.isEmpty() ? 0 : pending.peekLast().due()), alertId,
                    f));
        }
        return routine.counted(routine.event(f, raised(rule, firmId, alertId, now), now));
    }

    private AlertRaised raised(Rule rule, String firmId, String alertId, OffsetDateTime now) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("score", rnd.nextInt(40, 100));
        evidence.put("amountUsd", String.format(Locale.ROOT, "%.2f", 100 + rnd.nextDouble() * 50_000));
        OffsetDateTime deadline = rule.severity() == Severity.CRITICAL ? now.plusDays(1) : null;
        return new AlertRaised(alertId, firmId, rule.duty(), rule.id(), "2026.1", rule.citation(), rule.severity(),
                rule.title(), rule.title() + " at " + firmId + " (simulated for the benchmark).", evidence,
                List.of(routine.settings.source() + "/" + runTag + "-cause-" + seq), now, deadline,
                deadline == null ? null : "Notify AFSA within 1 business day", Map.of());
    }
}
