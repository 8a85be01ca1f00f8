package kz.aifc.capital.rules;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.Currency;
import kz.aifc.platform.rules.Confidence;
import kz.aifc.platform.rules.Deadline;
import kz.aifc.platform.rules.Rule;

/**
 * CAP-001 … CAP-004 and CAP-006 as pure functions of the facts and the rulebook (CAP-005 is {@link ReportingGap}).
 * No framework, clock or database here: the same facts always give the same verdicts.
 */
public final class CapitalRules {

    private CapitalRules() {
    }

    /**
     * A snapshot older than the one behind the current position is late: it is kept in the history but never
     * replaces the position (a snapshot with the same {@code asOf} is a correction and does).
     */
    public static boolean isLate(CapitalSnapshot current, CapitalSnapshot incoming) {
        return current != null && incoming.asOf().isBefore(current.asOf());
    }

    /** Every snapshot-driven rule's verdict, in rule order. */
    public static List<Verdict> evaluate(CapitalFacts facts, CapitalRulebook rulebook) {
        Requirement requirement = Requirement.of(facts.licence(), rulebook, requirementDay(facts, rulebook));
        CapitalPosition position = facts.current() == null ? null
                : CapitalPosition.of(facts.current(), requirement, rulebook);
        return List.of(
                belowRequirement(position, requirement, rulebook),
                belowBuffer(position, requirement, rulebook),
                liquidAssets(position, requirement, rulebook),
                capitalReduction(facts, rulebook),
                requirementUnknown(facts, requirement, rulebook));
    }

    /**
     * The day whose amounts the requirement takes: the current snapshot's, else the evaluation's (a firm licensed
     * in 2023 is held to today's amounts, not to none because the rulebook's amounts start in 2024).
     */
    static LocalDate requirementDay(CapitalFacts facts, CapitalRulebook rulebook) {
        if (facts.current() != null) {
            return CapitalPosition.almatyDate(facts.current().asOf());
        }
        if (facts.evaluatedOn() != null) {
            return facts.evaluatedOn();
        }
        return facts.licence() == null ? rulebook.effectiveFrom() : facts.licence().effectiveFrom();
    }

    /**
     * CAP-001: capital resources below the requirement (DAA 3.2(1)(b)). AFSA is advised immediately (GEN 6.2.3(d),
     * (h)); a firm under PRU(INV) also has 6.5's outer limit of one business day, which only then is the deadline.
     */
    public static Verdict belowRequirement(CapitalPosition position, Requirement requirement, CapitalRulebook rulebook) {
        Rule rule = rulebook.rule(CapitalRulebook.CAP_001);
        if (requirement.status() == Requirement.Status.LICENCE_NOT_ACTIVE) {
            return Verdict.clear(rule.id(), notActive(requirement));
        }
        if (position == null || !requirement.hasAmount()) {
            return Verdict.undetermined(rule.id(), "no snapshot or no computable requirement");
        }
        if (!position.belowRequirement()) {
            return Verdict.clear(rule.id(), "Capital resources " + resourcesText(position)
                    + " meet the requirement of " + Money.usd(requirement.amountUsd()) + " as of " + position.asOf() + ".");
        }
        String detail = "Capital resources " + resourcesText(position) + " are below the requirement of "
                + Money.usd(requirement.amountUsd()) + " (" + position.coveragePercent() + "%).";
        Map<String, Object> evidence = positionEvidence(position);
        Optional<String> pruInv = rulebook.pruInvReason(position.firmId(), requirement.activities());
        evidence.put("pruInvFirm", pruInv.isPresent());
        String title = rule.title();
        BaseCapital basis = requirement.basis();
        if (basis.confidence() != Confidence.VERIFIED) {
            // The desk and the notice must not present a seed figure as the rule's amount (domain-facts H14).
            title += " (" + basis.confidence().label() + " amount)";
            detail += " The requirement rests on an " + basis.confidence().label() + " amount, "
                    + Money.usd(basis.amountUsd()) + " for " + basis.activity() + " (" + basis.citation() + "; "
                    + basis.source() + "), held in the setting " + basis.setting() + ": confirm it with AFSA.";
            evidence.put("requirementSetting", basis.setting());
        }
        return Verdict.breach(rule, position.firmId(), title, detail, evidence, noticeDeadline(rule, pruInv, rulebook));
    }

    /**
     * CAP-001's deadline: "immediately" (GEN 6.2.3), due when detected; for a firm under PRU(INV), 6.5's "not later
     * than within 1 Business Day" is the time shown. Which reading applies is labelled an interpretation.
     */
    static Deadline noticeDeadline(Rule rule, Optional<String> pruInv, CapitalRulebook rulebook) {
        if (pruInv.isEmpty()) {
            return new Deadline(Deadline.Kind.IMMEDIATE, null, rule.deadlineBasis() + " PRU(INV) 6.5's limit of "
                    + rulebook.pruInvNoticeDays() + " business day is not shown: the firm is not configured as under "
                    + "PRU(INV) (CAP-003.appliesToActivities / appliesToFirms; for a digital-asset firm unverified, "
                    + "domain-facts A6, H13).");
        }
        int days = rulebook.pruInvNoticeDays();
        return new Deadline(Deadline.Kind.BUSINESS_DAYS, days, "Advise AFSA immediately (GEN 6.2.3) and in writing "
                + "not later than within " + days + " Business Day (PRU(INV) 6.5); the time shown is that outer limit. "
                + "Interpretation, not rule text: the firm is treated as under PRU(INV) because " + pruInv.get()
                + " (configured; unverified for digital-asset firms, domain-facts A6, H13).");
    }

    /** CAP-002: resources below the internal early-warning buffer (default 120% of the requirement; configurable). */
    public static Verdict belowBuffer(CapitalPosition position, Requirement requirement, CapitalRulebook rulebook) {
        Rule rule = rulebook.rule(CapitalRulebook.CAP_002);
        if (requirement.status() == Requirement.Status.LICENCE_NOT_ACTIVE) {
            return Verdict.clear(rule.id(), notActive(requirement));
        }
        if (position == null || !requirement.hasAmount()) {
            return Verdict.undetermined(rule.id(), "no snapshot or no computable requirement");
        }
        if (!position.belowBuffer()) {
            return Verdict.clear(rule.id(), "Capital resources " + resourcesText(position) + " are at or above "
                    + rulebook.bufferPercent().toPlainString() + "% of the requirement as of " + position.asOf() + ".");
        }
        String detail = "Capital resources " + resourcesText(position) + " are below the early-warning level of "
                + Money.usd(position.toUsd(position.bufferInCurrency())) + " (" + rulebook.bufferPercent().toPlainString()
                + "% of the requirement of " + Money.usd(requirement.amountUsd()) + ").";
        Map<String, Object> evidence = positionEvidence(position);
        evidence.put("bufferPercent", rulebook.bufferPercent().toPlainString());
        evidence.put("earlyWarningLevel", Money.plain(position.toUsd(position.bufferInCurrency())));
        return Verdict.breach(rule, position.firmId(), detail, evidence);
    }

    /** CAP-003: liquid assets below 25% of annual operating expenditure, only where PRU(INV) 4.2 applies (A6). */
    public static Verdict liquidAssets(CapitalPosition position, Requirement requirement, CapitalRulebook rulebook) {
        Rule rule = rulebook.rule(CapitalRulebook.CAP_003);
        if (requirement.status() == Requirement.Status.LICENCE_NOT_ACTIVE) {
            return Verdict.clear(rule.id(), notActive(requirement));
        }
        if (position == null) {
            return Verdict.undetermined(rule.id(), "no snapshot");
        }
        if (!position.liquidTestApplies()) {
            return Verdict.clear(rule.id(), "The liquid assets test of PRU(INV) 4.2 is not configured for this firm.");
        }
        String currency = position.currency().name();
        if (!position.liquidShortfall()) {
            return Verdict.clear(rule.id(), "Liquid assets " + Money.format(currency, position.liquidAssets())
                    + " meet " + Money.format(currency, position.liquidRequired()) + " as of " + position.asOf() + ".");
        }
        String detail = "Liquid assets " + Money.format(currency, position.liquidAssets()) + " are below "
                + Money.format(currency, position.liquidRequired()) + " ("
                + rulebook.liquidAssetsFraction().toPlainString() + " of annual operating expenditure).";
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("asOf", position.asOf().toString());
        evidence.put("currency", currency);
        evidence.put("liquidAssets", Money.plain(position.liquidAssets()));
        evidence.put("liquidAssetsRequired", Money.plain(position.liquidRequired()));
        evidence.put("liquidAssetsFraction", rulebook.liquidAssetsFraction().toPlainString());
        return Verdict.breach(rule, position.firmId(), detail, evidence);
    }

    /**
     * CAP-004: paid-up share capital fell versus the previous snapshot with no {@code capitalReductionApprovalRef}
     * (PRU(INV) 6.4). The breach lasts until the capital is back at the level before the fall or a later snapshot
     * carries an approval reference.
     */
    public static Verdict capitalReduction(CapitalFacts facts, CapitalRulebook rulebook) {
        Rule rule = rulebook.rule(CapitalRulebook.CAP_004);
        CapitalSnapshot current = facts.current();
        if (current == null) {
            return Verdict.undetermined(rule.id(), "no snapshot");
        }
        PaidUpCapital now = PaidUpCapital.of(current);
        String approval = current.capitalReductionApprovalRef();
        boolean approved = approval != null && !approval.isBlank();
        PaidUpCapital before = facts.reductionBaseline();
        if (before == null && facts.previous() != null && now.lessThan(PaidUpCapital.of(facts.previous()))) {
            before = PaidUpCapital.of(facts.previous());
        }
        if (before == null) {
            return facts.previous() == null ? Verdict.undetermined(rule.id(), "no previous snapshot to compare")
                    : Verdict.clear(rule.id(), "Paid-up share capital did not fall.");
        }
        if (approved) {
            return Verdict.clear(rule.id(), "Capital reduction approved by AFSA (reference " + approval + ").");
        }
        if (!now.lessThan(before)) {
            return Verdict.clear(rule.id(), "Paid-up share capital " + now.display() + " is back at or above "
                    + before.display() + ".");
        }
        String detail = "Paid-up share capital fell from " + before.display() + " to " + now.display()
                + " without an AFSA approval reference.";
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("asOf", current.asOf().toString());
        evidence.put("paidUpShareCapitalBefore", Money.plain(before.amount()));
        evidence.put("paidUpShareCapitalBeforeCurrency", before.currency());
        evidence.put("paidUpShareCapitalBeforeUsdRate", Money.plain(before.usdRate()));
        evidence.put("paidUpShareCapital", Money.plain(now.amount()));
        evidence.put("currency", now.currency());
        evidence.put("capitalReductionApprovalRef", null);
        return Verdict.breach(rule, facts.firmId(), detail, evidence);
    }

    /** CAP-006: the requirement cannot be computed: licence unknown or an activity with no configured amount. */
    public static Verdict requirementUnknown(CapitalFacts facts, Requirement requirement, CapitalRulebook rulebook) {
        Rule rule = rulebook.rule(CapitalRulebook.CAP_006);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("rulebookVersion", rulebook.version());
        switch (requirement.status()) {
            case LICENCE_UNKNOWN -> {
                if (facts.current() == null) {
                    return Verdict.undetermined(rule.id(), "no licence and no snapshot");
                }
                evidence.put("licence", null);
                return Verdict.breach(rule, facts.firmId(), "No licence is on record for firm " + facts.firmId()
                        + ", so its base capital requirement cannot be computed.", evidence);
            }
            case LICENCE_NOT_ACTIVE -> {
                return Verdict.clear(rule.id(), notActive(requirement));
            }
            case COMPLETE -> {
                return Verdict.clear(rule.id(), "Every licensed activity has a configured base capital amount.");
            }
            default -> {
                String missing = requirement.unconfigured().stream().map(Activity::name).sorted()
                        .collect(Collectors.joining(", "));
                evidence.put("unconfiguredActivities", requirement.unconfigured().stream().map(Activity::name).sorted().toList());
                evidence.put("licenceNumber", facts.licence().licenceNumber());
                String floor = requirement.hasAmount()
                        ? " Capital is checked meanwhile against the highest configured amount, "
                                + Money.usd(requirement.amountUsd()) + " (" + requirement.basis().activity() + ")."
                        : " No configured amount applies, so capital is not checked.";
                return Verdict.breach(rule, facts.firmId(), "No base capital amount is configured in rulebook "
                        + rulebook.version() + " for " + missing + "." + floor, evidence);
            }
        }
    }

    /** The position's figures an alert and a report carry, USD rounded to cents; amounts as plain strings. */
    public static Map<String, Object> positionEvidence(CapitalPosition position) {
        Requirement requirement = position.requirement();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("asOf", position.asOf().toString());
        evidence.put("capitalResources", Money.plain(position.resourcesUsd()));
        evidence.put("requirement", Money.plain(requirement.amountUsd()));
        evidence.put("requirementBasis", requirement.basis() == null ? null : requirement.basis().activity().name());
        evidence.put("requirementCitation", requirement.basis() == null ? null : requirement.basis().citation());
        evidence.put("requirementConfidence", requirement.basis() == null ? null : requirement.basis().confidence().label());
        evidence.put("coveragePercent", Money.plain(position.coveragePercent()));
        evidence.put("headroomPercent", Money.plain(position.headroomPercent()));
        evidence.put("currency", position.currency().name());
        if (position.currency() != Currency.USD) {
            evidence.put("usdRate", Money.plain(position.usdRate()));
            evidence.put("capitalResourcesInCurrency", Money.plain(position.resources()));
        }
        return evidence;
    }

    private static String resourcesText(CapitalPosition position) {
        String usd = Money.usd(position.resourcesUsd());
        if (position.currency() == Currency.USD) {
            return usd;
        }
        return usd + " (" + Money.format(position.currency().name(), position.resources()) + " at "
                + position.usdRate().toPlainString() + " " + position.currency() + " per USD)";
    }

    private static String notActive(Requirement requirement) {
        return "The licence is " + requirement.licenceStatus() + ": no active licence to hold base capital against.";
    }
}
