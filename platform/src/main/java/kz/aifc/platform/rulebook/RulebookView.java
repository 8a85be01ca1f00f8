package kz.aifc.platform.rulebook;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aifc.platform.rules.Confidence;
import kz.aifc.platform.rules.Deadline;
import kz.aifc.platform.rules.Parameters;
import kz.aifc.platform.rules.Rule;
import kz.aifc.platform.rules.Rulebook;

/** {@code GET /rulebook}: the rules in force, in the same shape at every service. */
@Schema(name = "Rulebook", description = "The rules in force: id, parameters, citation, confidence, effective dates.")
public record RulebookView(String service, String version, LocalDate effectiveFrom, LocalDate effectiveTo,
        List<String> notes, List<RuleView> rules, Map<String, JsonNode> tables) {

    /** One rule. */
    @Schema(name = "Rule")
    public record RuleView(String id, String title,
            @Schema(description = "Severity of the alert it raises; absent for a rule that raises none") String severity,
            String citation,
            @Schema(description = "verified (read in the rule text), secondary, unverified (no source gives it: a "
                    + "configurable default to confirm with AFSA) or internal (this system's own choice)") String confidence,
            LocalDate effectiveFrom, LocalDate effectiveTo, boolean opensCase, String fires, String resolvedWhen,
            DeadlineView deadline, Map<String, ParameterView> parameters) {
    }

    /** A rule's deadline. */
    @Schema(name = "RuleDeadline")
    public record DeadlineView(@Schema(description = "IMMEDIATE, BUSINESS_DAYS, CALENDAR_DAYS or RULE") String kind,
            Integer days, String basis) {
    }

    /** A parameter with its source and confidence, where the rulebook gives them. */
    @Schema(name = "RuleParameter")
    public record ParameterView(JsonNode value, String confidence, String source, String unit) {
    }

    static RulebookView of(Rulebook book) {
        return new RulebookView(book.service(), book.version(), book.effectiveFrom(), book.effectiveTo(), book.notes(),
                book.rules().values().stream().map(RulebookView::rule).toList(), book.tables());
    }

    private static RuleView rule(Rule r) {
        Deadline d = r.deadline();
        Map<String, ParameterView> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, Parameters.Parameter> e : r.parameters().all().entrySet()) {
            Parameters.Parameter p = e.getValue();
            parameters.put(e.getKey(), new ParameterView(p.value(), label(p.confidence()), p.source(), p.unit()));
        }
        return new RuleView(r.id(), r.title(), r.severity() == null ? null : r.severity().name(), r.citation(),
                label(r.confidence()), r.effectiveFrom(), r.effectiveTo(), r.opensCase(), r.fires(), r.resolvedWhen(),
                d == null ? null : new DeadlineView(d.kind().name(), d.days(), d.basis()), parameters);
    }

    private static String label(Confidence c) {
        return c == null ? null : c.label();
    }
}
