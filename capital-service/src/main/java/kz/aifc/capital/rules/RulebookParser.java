package kz.aifc.capital.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.aifc.contract.v1.Activity;
import kz.aifc.platform.rules.Confidence;
import kz.aifc.platform.rules.Parameters;
import kz.aifc.platform.rules.Rulebook;
import kz.aifc.platform.rules.RulebookException;

/** Reads the capital rules' parameters from the rulebook and refuses one that is incomplete (fail at start, not later). */
public final class RulebookParser {

    private static final List<String> REQUIRED_RULES = List.of(CapitalRulebook.CAP_001, CapitalRulebook.CAP_002,
            CapitalRulebook.CAP_003, CapitalRulebook.CAP_004, CapitalRulebook.CAP_005, CapitalRulebook.CAP_006,
            CapitalRulebook.CAP_007);

    private RulebookParser() {
    }

    /** Reads a rulebook document. */
    public static CapitalRulebook parse(JsonNode document) {
        return parse(Rulebook.parse(document));
    }

    public static CapitalRulebook parse(Rulebook book) {
        book.requireRules(REQUIRED_RULES);
        List<BaseCapital> base = new ArrayList<>();
        for (JsonNode row : book.table("baseCapital")) {
            String where = "tables.baseCapital[" + base.size() + "]";
            Activity activity = Activity.valueOf(text(row, "activity", where));
            BigDecimal amount = null;
            JsonNode amountNode = row.path("amountUsd");
            if (!amountNode.isMissingNode() && !amountNode.isNull()) {
                amount = new BigDecimal(amountNode.asText());
                if (amount.signum() <= 0) {
                    // A zero requirement would silently pass every firm: leave the amount null instead (CAP-006).
                    throw new RulebookException(where + ".amountUsd must be positive or null (was " + amount + ")");
                }
            }
            base.add(new BaseCapital(activity, amount, text(row, "citation", where),
                    Confidence.parse(text(row, "confidence", where), where), row.path("source").asText(""),
                    LocalDate.parse(text(row, "effectiveFrom", where)), optionalDate(row.path("effectiveTo"))));
        }
        Parameters cap003 = book.rule(CapitalRulebook.CAP_003).parameters();
        Set<Activity> liquidActivities = cap003.enums("appliesToActivities", Activity.class);
        Set<String> liquidFirms = new HashSet<>(cap003.texts("appliesToFirms"));
        return new CapitalRulebook(book.version(), book.effectiveFrom(), List.copyOf(base), Map.copyOf(book.rules()),
                book.rule(CapitalRulebook.CAP_002).parameters().positiveDecimal("bufferPercent"),
                cap003.positiveDecimal("liquidAssetsFraction"), liquidActivities, Set.copyOf(liquidFirms),
                book.rule(CapitalRulebook.CAP_005).parameters().duration("maxGap"),
                book.rule(CapitalRulebook.CAP_001).parameters().days("pruInvNoticeBusinessDays"));
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.asText().isBlank()) {
            throw new RulebookException(where + "." + field + " is required in the rulebook");
        }
        return value.asText();
    }

    private static LocalDate optionalDate(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : LocalDate.parse(node.asText());
    }
}
