package kz.aifc.licensing.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aifc.contract.v1.DisclosureKind;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.Seniority;
import kz.aifc.contract.v1.Severity;

/**
 * Reads rulebook.json into typed parameters; a missing or malformed entry fails start-up with its path, so a
 * rulebook that cannot be applied never runs silently with a default.
 */
public final class RulebookParser {

    static final List<String> RULE_IDS = List.of("FP-001", "FP-002", "FP-003", "FP-004", "FP-005", "FP-006",
            "FP-007", "FP-008", "FP-009");

    private RulebookParser() {
    }

    public static Rulebook parse(JsonNode root) {
        String version = text(root, "version", "version");
        Map<String, JsonNode> params = new LinkedHashMap<>();
        Map<String, RuleMeta> rules = new LinkedHashMap<>();
        for (JsonNode rule : root.path("rules")) {
            String id = text(rule, "id", "rules[].id");
            String at = "rules[" + id + "]";
            JsonNode p = rule.path("parameters");
            params.put(id, p);
            rules.put(id, new RuleMeta(id, text(rule, "title", at + ".title"),
                    Severity.valueOf(text(rule, "severity", at + ".severity")),
                    text(rule, "citation", at + ".citation"), confidence(rule, at),
                    date(rule, "effectiveFrom", at), optionalDate(rule, "effectiveTo", at),
                    basis(rule.path("deadlineBasis").asText(""), p)));
        }
        for (String id : RULE_IDS) {
            if (!rules.containsKey(id)) {
                throw new IllegalArgumentException("rulebook " + version + ": rule " + id + " is missing");
            }
        }
        JsonNode fp1 = params.get("FP-001");
        List<MandatoryRole> mandatory = new ArrayList<>();
        for (JsonNode m : fp1.path("mandatoryRoles")) {
            mandatory.add(new MandatoryRole(Role.valueOf(text(m, "role", "FP-001.mandatoryRoles[].role")),
                    m.path("requiresApproval").asBoolean(true), m.path("datfOnly").asBoolean(false),
                    m.path("citation").asText(rules.get("FP-001").citation())));
        }
        if (mandatory.isEmpty()) {
            throw new IllegalArgumentException("rulebook " + version + ": FP-001.mandatoryRoles is empty");
        }
        JsonNode fp4 = params.get("FP-004");
        JsonNode fp5 = params.get("FP-005");
        JsonNode fp7 = params.get("FP-007");
        JsonNode fp8 = params.get("FP-008");
        TreeSet<BigDecimal> approvalThresholds = new TreeSet<>();
        value(fp8, "approvalThresholdsPct", "FP-008").forEach(t -> approvalThresholds.add(new BigDecimal(t.asText())));
        int denominator = integer(fp7, "minIndependentDenominator", "FP-007");
        if (denominator <= 0) {
            throw new IllegalArgumentException("FP-007.minIndependentDenominator must be positive");
        }
        return new Rulebook(version, Map.copyOf(rules), List.copyOf(mandatory),
                days(fp1, "notificationDays", "FP-001"),
                enums(params.get("FP-002"), "controlledFunctions", "FP-002", Role.class, Role::valueOf),
                enums(params.get("FP-003"), "allowedSeniority", "FP-003", Seniority.class, Seniority::valueOf),
                params.get("FP-003").path("residencyRequired").asBoolean(true),
                enums(fp4, "kinds", "FP-004", DisclosureKind.class, DisclosureKind::valueOf),
                days(fp4, "firmNoticeBusinessDays", "FP-004"),
                days(fp4, "individualNoticeDays", "FP-004"),
                enums(fp5, "kinds", "FP-005", DisclosureKind.class, DisclosureKind::valueOf),
                days(fp5, "noticeDays", "FP-005"),
                enums(params.get("FP-006"), "roles", "FP-006", Role.class, Role::valueOf),
                integer(fp7, "minIndependentNumerator", "FP-007"), denominator,
                decimal(fp8, "controllerThresholdPct", "FP-008"), approvalThresholds,
                days(fp8, "decisionDays", "FP-008"),
                decimal(fp8, "decreaseNoticeFromPct", "FP-008"),
                Severity.valueOf(fp8.path("noticeSeverity").asText("LOW")),
                decimal(params.get("FP-009"), "holdingAbovePct", "FP-009"));
    }

    /** A parameter is either a plain value or {value, confidence, source}. */
    static JsonNode value(JsonNode params, String name, String rule) {
        JsonNode node = params.path(name);
        if (node.isObject() && node.has("value")) {
            node = node.get("value");
        }
        if (node.isMissingNode() || node.isNull()) {
            throw new IllegalArgumentException("rulebook: " + rule + ".parameters." + name + " is missing");
        }
        return node;
    }

    private static Days days(JsonNode params, String name, String rule) {
        JsonNode raw = params.path(name);
        int n = value(params, name, rule).asInt(-1);
        if (n < 0) {
            throw new IllegalArgumentException("rulebook: " + rule + ".parameters." + name + " must be a whole number ≥ 0");
        }
        // Names ending in BusinessDays, or a unit of "business days", count Kazakhstan business days.
        boolean business = name.endsWith("BusinessDays") || raw.path("unit").asText("").startsWith("business");
        return new Days(n, business);
    }

    private static int integer(JsonNode params, String name, String rule) {
        return value(params, name, rule).asInt();
    }

    private static BigDecimal decimal(JsonNode params, String name, String rule) {
        try {
            return new BigDecimal(value(params, name, rule).asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rulebook: " + rule + ".parameters." + name + " is not a decimal");
        }
    }

    private static <E extends Enum<E>> Set<E> enums(JsonNode params, String name, String rule, Class<E> type,
            Function<String, E> parse) {
        Set<E> out = EnumSet.noneOf(type);
        for (JsonNode n : value(params, name, rule)) {
            out.add(parse.apply(n.asText()));
        }
        return Set.copyOf(out);
    }

    private static String basis(String template, JsonNode params) {
        String out = template;
        Iterator<Map.Entry<String, JsonNode>> it = params.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue().isObject() && e.getValue().has("value") ? e.getValue().get("value") : e.getValue();
            if (v.isValueNode()) {
                out = out.replace("{" + e.getKey() + "}", v.asText());
            }
        }
        return out;
    }

    private static String confidence(JsonNode rule, String at) {
        String c = text(rule, "confidence", at + ".confidence");
        if (!Set.of("verified", "secondary", "unverified").contains(c)) {
            throw new IllegalArgumentException("rulebook: " + at + ".confidence must be verified, secondary or unverified");
        }
        return c;
    }

    private static String text(JsonNode node, String name, String path) {
        String v = node.path(name).asText(null);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("rulebook: " + path + " is missing");
        }
        return v;
    }

    private static LocalDate date(JsonNode node, String name, String at) {
        return LocalDate.parse(text(node, name, at + "." + name));
    }

    private static LocalDate optionalDate(JsonNode node, String name, String at) {
        JsonNode v = node.path(name);
        return v.isMissingNode() || v.isNull() ? null : LocalDate.parse(v.asText());
    }
}
