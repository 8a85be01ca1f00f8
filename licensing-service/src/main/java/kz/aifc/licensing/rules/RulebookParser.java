package kz.aifc.licensing.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import kz.aifc.contract.v1.DisclosureKind;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.Seniority;
import kz.aifc.contract.v1.Severity;
import kz.aifc.platform.rules.Parameters;
import kz.aifc.platform.rules.Rulebook;
import kz.aifc.platform.rules.RulebookException;

/**
 * Reads the FP rules' parameters from the rulebook; a missing or malformed entry fails start-up with its path, so a
 * rulebook that cannot be applied never runs silently with a default.
 */
public final class RulebookParser {

    static final List<String> RULE_IDS = List.of("FP-001", "FP-002", "FP-003", "FP-004", "FP-005", "FP-006",
            "FP-007", "FP-008", "FP-009", "FP-010");

    private RulebookParser() {
    }

    /** Reads a rulebook document. */
    public static FitAndProperRulebook parse(JsonNode document) {
        return parse(Rulebook.parse(document));
    }

    public static FitAndProperRulebook parse(Rulebook book) {
        book.requireRules(RULE_IDS);
        Parameters fp1 = book.rule("FP-001").parameters();
        List<MandatoryRole> mandatory = new ArrayList<>();
        for (JsonNode m : fp1.value("mandatoryRoles")) {
            String role = m.path("role").asText("");
            if (role.isBlank()) {
                throw new RulebookException("rules[FP-001].parameters.mandatoryRoles[].role is missing");
            }
            mandatory.add(new MandatoryRole(Role.valueOf(role), m.path("requiresApproval").asBoolean(true),
                    m.path("datfOnly").asBoolean(false), m.path("citation").asText(book.rule("FP-001").citation())));
        }
        if (mandatory.isEmpty()) {
            throw new RulebookException("rulebook " + book.version() + ": FP-001.mandatoryRoles is empty");
        }
        Parameters fp3 = book.rule("FP-003").parameters();
        Parameters fp4 = book.rule("FP-004").parameters();
        Parameters fp5 = book.rule("FP-005").parameters();
        Parameters fp7 = book.rule("FP-007").parameters();
        Parameters fp8 = book.rule("FP-008").parameters();
        TreeSet<BigDecimal> approvalThresholds = new TreeSet<>();
        fp8.texts("approvalThresholdsPct").forEach(t -> approvalThresholds.add(new BigDecimal(t)));
        int denominator = fp7.integer("minIndependentDenominator");
        if (denominator <= 0) {
            throw new RulebookException("rules[FP-007].parameters.minIndependentDenominator must be positive");
        }
        return new FitAndProperRulebook(book.version(), Map.copyOf(book.rules()), List.copyOf(mandatory),
                days(fp1, "notificationDays"),
                book.rule("FP-002").parameters().enums("controlledFunctions", Role.class),
                fp3.enums("allowedSeniority", Seniority.class),
                fp3.bool("residencyRequired", true),
                fp4.enums("kinds", DisclosureKind.class),
                days(fp4, "firmNoticeBusinessDays"),
                days(fp4, "individualNoticeDays"),
                fp5.enums("kinds", DisclosureKind.class),
                days(fp5, "noticeDays"),
                book.rule("FP-006").parameters().enums("roles", Role.class),
                fp7.integer("minIndependentNumerator"), denominator,
                fp8.decimal("controllerThresholdPct"), approvalThresholds,
                days(fp8, "decisionDays"),
                period(fp8, "approvalValidity"),
                fp8.decimal("decreaseNoticeFromPct"),
                fp8.has("noticeSeverity") ? fp8.enumValue("noticeSeverity", Severity.class) : Severity.LOW,
                book.rule("FP-009").parameters().decimal("holdingAbovePct"));
    }

    /** An ISO 8601 period such as {@code P1Y}. */
    private static Period period(Parameters parameters, String name) {
        try {
            return Period.parse(parameters.text(name));
        } catch (DateTimeParseException e) {
            throw new RulebookException("rules[FP-008].parameters." + name + " is not an ISO 8601 period (e.g. P1Y)");
        }
    }

    /** Names ending in BusinessDays, or a unit of "business days", count Kazakhstan business days. */
    private static Days days(Parameters parameters, String name) {
        String unit = parameters.unit(name);
        boolean business = name.endsWith("BusinessDays") || unit != null && unit.startsWith("business");
        return new Days(parameters.days(name), business);
    }
}
