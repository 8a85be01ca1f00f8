package kz.aifc.aml.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aifc.contract.v1.Direction;
import kz.aifc.contract.v1.Exposure;
import kz.aifc.contract.v1.Severity;

/** The AML rulebook (rulebook.json) parsed into typed parameters; a missing or malformed parameter fails at start-up. */
public record Rulebook(
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
        Set<Direction> retailDepositDirections,
        BigDecimal offshoreThresholdKzt,
        int thresholdReportBusinessDays,
        Duration caseDecisionTime,
        List<JurisdictionList> highRiskJurisdictions,
        Map<String, RuleSpec> rules) {

    /** One dated list of high-risk jurisdictions (ISO 3166-1 alpha-2 codes). */
    public record JurisdictionList(String list, LocalDate effectiveFrom, String confidence, Set<String> countries) {
    }

    /** A rule's fixed facts: title, citation, severity, whether it opens a case and its deadline basis. */
    public record RuleSpec(String id, String title, String citation, Severity severity, boolean opensCase,
            LocalDate effectiveFrom, String deadlineBasis) {
    }

    /** How far back a customer's history must reach for the window rules. */
    public Duration longestWindow() {
        return structuringWindow.compareTo(rapidInOutWindow) >= 0 ? structuringWindow : rapidInOutWindow;
    }

    public RuleSpec rule(String id) {
        RuleSpec spec = rules.get(id);
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

    public static Rulebook parse(JsonNode doc) {
        JsonNode p = doc.path("parameters");
        List<JurisdictionList> lists = new ArrayList<>();
        for (JsonNode l : doc.path("highRiskJurisdictions")) {
            Set<String> countries = new TreeSet<>();
            l.path("countries").forEach(c -> countries.add(c.asText()));
            lists.add(new JurisdictionList(text(l, "list"), LocalDate.parse(text(l, "effectiveFrom")),
                    text(l, "confidence"), Set.copyOf(countries)));
        }
        Map<String, RuleSpec> rules = new LinkedHashMap<>();
        for (JsonNode r : doc.path("rules")) {
            String id = text(r, "id");
            rules.put(id, new RuleSpec(id, text(r, "title"), text(r, "citation"),
                    Severity.valueOf(text(r, "severity")), r.path("opensCase").asBoolean(false),
                    LocalDate.parse(text(r, "effectiveFrom")), r.path("deadline").path("basis").asText(null)));
        }
        for (int i = 1; i <= 12; i++) {
            String id = String.format("AML-%03d", i);
            if (!rules.containsKey(id)) {
                throw new IllegalStateException("rulebook lacks rule " + id);
            }
        }
        Set<Exposure> severe = EnumSet.noneOf(Exposure.class);
        values(p, "severeExposures").forEach(v -> severe.add(Exposure.valueOf(v)));
        Set<Direction> deposits = EnumSet.noneOf(Direction.class);
        values(p, "retailDepositDirections").forEach(v -> deposits.add(Direction.valueOf(v)));
        return new Rulebook(text(doc, "version"),
                decimal(p, "travelRuleThresholdUsd"),
                decimal(p, "selfHostedThresholdUsd"),
                decimal(p, "structuringThresholdUsd"),
                decimal(p, "structuringThresholdKzt"),
                duration(p, "structuringWindow"),
                decimal(p, "structuringBandLowPct"),
                decimal(p, "structuringBandHighPct"),
                decimal(p, "structuringMinCount").intValueExact(),
                duration(p, "rapidInOutWindow"),
                decimal(p, "rapidInOutPct"),
                decimal(p, "rapidInOutMinDepositUsd"),
                decimal(p, "walletRiskScoreLimit").intValueExact(),
                Set.copyOf(severe),
                decimal(p, "retailMonthlyDepositLimitUsd"),
                Set.copyOf(deposits),
                decimal(p, "offshoreThresholdKzt"),
                decimal(p, "thresholdReportBusinessDays").intValueExact(),
                duration(p, "caseDecisionTime"),
                List.copyOf(lists),
                Map.copyOf(rules));
    }

    private static JsonNode value(JsonNode params, String name) {
        JsonNode v = params.path(name).path("value");
        if (v.isMissingNode() || v.isNull()) {
            throw new IllegalStateException("rulebook parameter " + name + " is not configured");
        }
        return v;
    }

    private static BigDecimal decimal(JsonNode params, String name) {
        return new BigDecimal(value(params, name).asText());
    }

    private static Duration duration(JsonNode params, String name) {
        return Duration.parse(value(params, name).asText());
    }

    private static List<String> values(JsonNode params, String name) {
        List<String> out = new ArrayList<>();
        value(params, name).forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalStateException("rulebook field " + field + " is missing");
        }
        return v.asText();
    }
}
