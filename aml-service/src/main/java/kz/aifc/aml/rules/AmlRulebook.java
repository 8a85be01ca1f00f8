package kz.aifc.aml.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aifc.contract.v1.Direction;
import kz.aifc.contract.v1.Exposure;
import kz.aifc.platform.rules.Parameters;
import kz.aifc.platform.rules.Rule;
import kz.aifc.platform.rules.Rulebook;
import kz.aifc.platform.rules.RulebookException;

/** The AML rulebook (rulebook.json) parsed into typed parameters; a missing or malformed parameter fails at start-up. */
public record AmlRulebook(
        String version,
        BigDecimal travelRuleThresholdUsd,
        BigDecimal selfHostedThresholdUsd,
        BigDecimal structuringThresholdUsd,
        BigDecimal structuringThresholdKzt,
        Duration structuringWindow,
        BigDecimal structuringBandLowPct,
        BigDecimal structuringBandHighPct,
        int structuringMinCount,
        Duration rapidInOutWindow,
        BigDecimal rapidInOutPct,
        BigDecimal rapidInOutMinDepositUsd,
        int walletRiskScoreLimit,
        Set<Exposure> severeExposures,
        BigDecimal retailMonthlyDepositLimitUsd,
        Set<Direction> retailPurchaseDirections,
        BigDecimal offshoreThresholdKzt,
        BigDecimal anonymousAccountThresholdKzt,
        int thresholdReportBusinessDays,
        Duration caseDecisionTime,
        Duration afsaNoticeTime,
        List<JurisdictionList> highRiskJurisdictions,
        Map<String, Rule> rules) {

    /** One dated list of high-risk jurisdictions (ISO 3166-1 alpha-2 codes). */
    public record JurisdictionList(String list, LocalDate effectiveFrom, String confidence, Set<String> countries) {
    }

    /** How far back a customer's history must reach for the window rules. */
    public Duration longestWindow() {
        return structuringWindow.compareTo(rapidInOutWindow) >= 0 ? structuringWindow : rapidInOutWindow;
    }

    public Rule rule(String id) {
        Rule spec = rules.get(id);
        if (spec == null) {
            throw new IllegalStateException("rulebook " + version + " has no rule " + id);
        }
        return spec;
    }

    /** Whether any version of any list names the country: a quick "no" before a date is worked out. */
    public boolean everListed(String country) {
        for (JurisdictionList l : highRiskJurisdictions) {
            if (l.countries().contains(country)) {
                return true;
            }
        }
        return false;
    }

    /** The lists in force on a date: for each list name, the latest version effective on or before it. */
    public Map<String, JurisdictionList> jurisdictionListsOn(LocalDate date) {
        Map<String, JurisdictionList> inForce = new LinkedHashMap<>();
        for (int i = 0; i < highRiskJurisdictions.size(); i++) {
            JurisdictionList l = inForceFrom(i, date);
            if (l != null) {
                inForce.put(l.list(), l);
            }
        }
        return inForce;
    }

    /**
     * The first high-risk list in force on {@code date} that names {@code country}, or null; in the order of
     * {@link #jurisdictionListsOn}, without building its map (this runs for every screened transaction).
     */
    public JurisdictionList listNaming(String country, LocalDate date) {
        for (int i = 0; i < highRiskJurisdictions.size(); i++) {
            JurisdictionList l = inForceFrom(i, date);
            if (l != null && l.countries().contains(country)) {
                return l;
            }
        }
        return null;
    }

    /**
     * When entry {@code i} is the first of its list name: that list's latest version effective on {@code date}, or
     * null (none yet, or {@code i} is a later version of a name already met). The lists are a handful.
     */
    private JurisdictionList inForceFrom(int i, LocalDate date) {
        String name = highRiskJurisdictions.get(i).list();
        for (int j = 0; j < i; j++) {
            if (highRiskJurisdictions.get(j).list().equals(name)) {
                return null;
            }
        }
        JurisdictionList inForce = null;
        for (int j = i; j < highRiskJurisdictions.size(); j++) {
            JurisdictionList l = highRiskJurisdictions.get(j);
            if (l.list().equals(name) && !l.effectiveFrom().isAfter(date)
                    && (inForce == null || l.effectiveFrom().isAfter(inForce.effectiveFrom()))) {
                inForce = l;
            }
        }
        return inForce;
    }

    /** Reads a rulebook document. */
    public static AmlRulebook parse(JsonNode doc) {
        return parse(Rulebook.parse(doc));
    }

    /** Reads the AML rules' parameters, each from the rule that uses it; a missing or malformed one fails start-up. */
    public static AmlRulebook parse(Rulebook book) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            ids.add(String.format("AML-%03d", i));
        }
        book.requireRules(ids);
        List<JurisdictionList> lists = new ArrayList<>();
        for (JsonNode l : book.table("highRiskJurisdictions")) {
            Set<String> countries = new TreeSet<>();
            l.path("countries").forEach(c -> countries.add(c.asText()));
            lists.add(new JurisdictionList(text(l, "list"), LocalDate.parse(text(l, "effectiveFrom")),
                    text(l, "confidence"), Set.copyOf(countries)));
        }
        Parameters aml002 = book.rule("AML-002").parameters();
        Parameters aml004 = book.rule("AML-004").parameters();
        Parameters aml005 = book.rule("AML-005").parameters();
        Parameters aml006 = book.rule("AML-006").parameters();
        Parameters aml007 = book.rule("AML-007").parameters();
        Parameters aml009 = book.rule("AML-009").parameters();
        Parameters aml010 = book.rule("AML-010").parameters();
        Parameters aml012 = book.rule("AML-012").parameters();
        Parameters aml014 = book.rule("AML-014").parameters();
        return new AmlRulebook(book.version(),
                aml002.decimal("travelRuleThresholdUsd"),
                aml004.decimal("selfHostedThresholdUsd"),
                aml005.decimal("structuringThresholdUsd"),
                aml005.decimal("structuringThresholdKzt"),
                aml005.duration("structuringWindow"),
                aml005.decimal("structuringBandLowPct"),
                aml005.decimal("structuringBandHighPct"),
                aml005.integer("structuringMinCount"),
                aml006.duration("rapidInOutWindow"),
                aml006.decimal("rapidInOutPct"),
                aml006.decimal("rapidInOutMinDepositUsd"),
                aml007.integer("walletRiskScoreLimit"),
                aml007.enums("severeExposures", Exposure.class),
                aml009.decimal("retailMonthlyDepositLimitUsd"),
                aml009.enums("retailPurchaseDirections", Direction.class),
                aml010.decimal("offshoreThresholdKzt"),
                aml010.decimal("anonymousAccountThresholdKzt"),
                aml010.integer("thresholdReportBusinessDays"),
                aml012.duration("caseDecisionTime"),
                aml014.duration("afsaNoticeTime"),
                List.copyOf(lists),
                Map.copyOf(book.rules()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new RulebookException("tables.highRiskJurisdictions[]." + field + " is missing");
        }
        return v.asText();
    }
}
