package kz.aifc.aml.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.aifc.platform.report.DraftFacts.Fact;

/** The threshold-transaction reports due on a date (Law 191-IV Art. 4(1), 10(2)): one per AML-010 operation. */
public record ThresholdDraft(String firmId, LocalDate dueOn, String legalBasis, List<String> filingNotes,
        List<ThresholdOperation> reports) {

    /**
     * One AML-010 operation's report: the alert, what the rule found and when the report is due; {@code labelledFacts}
     * the operation, its customer and counterparty, the deadline and the evidence as the printed report shows them.
     */
    public record ThresholdOperation(String alertId, String operation, Map<String, Object> evidence,
            OffsetDateTime dueBy, String deadlineBasis, List<String> causedBy,
            @Schema(description = "The facts as the printed report shows them: labelled and formatted in the language "
                    + "asked for (lang, else Accept-Language, else English), without internal ids or empty fields")
            List<Fact> labelledFacts) {

        public ThresholdOperation(String alertId, String operation, Map<String, Object> evidence, OffsetDateTime dueBy,
                String deadlineBasis, List<String> causedBy) {
            this(alertId, operation, evidence, dueBy, deadlineBasis, causedBy, List.of());
        }
    }
}
