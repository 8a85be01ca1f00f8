package kz.aifc.capital.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.Severity;

/** Reads the rulebook document into typed parameters and refuses one that is incomplete (fail at start, not later). */
public final class RulebookParser {

    private static final List<String> REQUIRED_RULES = List.of(Rulebook.CAP_001, Rulebook.CAP_002, Rulebook.CAP_003,
            Rulebook.CAP_004, Rulebook.CAP_005, Rulebook.CAP_006);

    private RulebookParser() {
    }

    public static Rulebook parse(JsonNode root) {
        String version = text(root, "version", "rulebook");
        LocalDate effectiveFrom = LocalDate.parse(text(root, "effectiveFrom", "rulebook"));
        List<BaseCapital> base = new ArrayList<>();
        for (JsonNode row : root.path("baseCapital")) {
            String where = "baseCapital[" + base.size() + "]";
            Activity activity = Activity.valueOf(text(row, "activity", where));
            BigDecimal amount = null;
            JsonNode amountNode = row.path("amountUsd");
            if (!amountNode.isMissingNode() && !amountNode.isNull()) {
                amount = new BigDecimal(amountNode.asText());
                if (amount.signum() <= 0) {
                    // A zero requirement would silently pass every firm: leave the amount null instead (CAP-006).
                    throw new IllegalStateException(where + ".amountUsd must be positive or null (was " + amount + ")");
                }
            }
            base.add(new BaseCapital(activity, amount, text(row, "citation", where),
                    Confidence.parse(text(row, "confidence", where), where), row.path("source").asText(""),
                    LocalDate.parse(text(row, "effectiveFrom", where)), optionalDate(row.path("effectiveTo"))));
        }
        Map<String, RuleDefinition> rules = new LinkedHashMap<>();
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        for (JsonNode rule : root.path("rules")) {
            String id = text(rule, "id", "rules[]");
            JsonNode p = rule.path("parameters");
            Integer deadline = p.hasNonNull("deadlineBusinessDays") ? p.get("deadlineBusinessDays").asInt() : null;
            rules.put(id, new RuleDefinition(id, text(rule, "title", id), Severity.valueOf(text(rule, "severity", id)),
                    text(rule, "citation", id), Confidence.parse(text(rule, "confidence", id), id),
                    LocalDate.parse(text(rule, "effectiveFrom", id)), optionalDate(rule.path("effectiveTo")),
                    deadline, p.path("deadlineBasis").asText(null)));
            parameters.put(id, p);
        }
        for (String id : REQUIRED_RULES) {
            if (!rules.containsKey(id)) {
                throw new IllegalStateException("rulebook " + version + " lacks rule " + id);
            }
        }
        JsonNode cap003 = parameters.get(Rulebook.CAP_003);
        Set<Activity> liquidActivities = EnumSet.noneOf(Activity.class);
        cap003.path("appliesToActivities").forEach(a -> liquidActivities.add(Activity.valueOf(a.asText())));
        Set<String> liquidFirms = new HashSet<>();
        cap003.path("appliesToFirms").forEach(f -> liquidFirms.add(f.asText()));
        return new Rulebook(version, effectiveFrom, List.copyOf(base), Map.copyOf(rules),
                positive(parameters.get(Rulebook.CAP_002), "bufferPercent"),
                positive(cap003, "liquidAssetsFraction"), Set.copyOf(liquidActivities), Set.copyOf(liquidFirms),
                Duration.parse(text(parameters.get(Rulebook.CAP_005), "maxGap", Rulebook.CAP_005)));
    }

    private static BigDecimal positive(JsonNode parameters, String name) {
        BigDecimal value = new BigDecimal(text(parameters, name, "parameters"));
        if (value.signum() <= 0) {
            throw new IllegalStateException(name + " must be positive (was " + value + ")");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.asText().isBlank()) {
            throw new IllegalStateException(where + "." + field + " is required in the rulebook");
        }
        return value.asText();
    }

    private static LocalDate optionalDate(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : LocalDate.parse(node.asText());
    }
}
