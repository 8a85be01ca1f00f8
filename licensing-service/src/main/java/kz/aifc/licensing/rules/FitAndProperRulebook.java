package kz.aifc.licensing.rules;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import kz.aifc.contract.v1.DisclosureKind;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.Seniority;
import kz.aifc.contract.v1.Severity;
import kz.aifc.platform.rules.Rule;

/** The FP rules' typed parameters, parsed from rulebook.json (see {@link RulebookParser}). */
public record FitAndProperRulebook(
        String version,
        Map<String, Rule> rules,
        List<MandatoryRole> mandatoryRoles,
        Days vacancyNotice,
        Set<Role> controlledFunctions,
        Set<Seniority> mlroSeniority,
        boolean mlroResidencyRequired,
        Set<DisclosureKind> unfitnessKinds,
        Days unfitnessFirmNotice,
        Days unfitnessIndividualNotice,
        Set<DisclosureKind> materialChangeKinds,
        Days materialChangeNotice,
        Set<Role> datfCombinedRoles,
        int boardIndependentNumerator,
        int boardIndependentDenominator,
        BigDecimal controllerThresholdPct,
        SortedSet<BigDecimal> approvalThresholdsPct,
        Days controlDecision,
        Period approvalValidity,
        BigDecimal decreaseNoticeFromPct,
        Severity controlNoticeSeverity,
        BigDecimal sourceOfWealthAbovePct) {

    public Rule rule(String id) {
        Rule meta = rules.get(id);
        if (meta == null) {
            throw new IllegalStateException("rulebook " + version + " has no rule " + id);
        }
        return meta;
    }
}
