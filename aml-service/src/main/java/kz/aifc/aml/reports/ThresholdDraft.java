package kz.aifc.aml.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The threshold-transaction reports due on a date (Law 191-IV Art. 4(1), 10(2)): one per AML-010 operation. */
public record ThresholdDraft(String firmId, LocalDate dueOn, String legalBasis, List<String> filingNotes,
        List<ThresholdOperation> reports) {

    /** One AML-010 operation's report: the alert, what the rule found and when the report is due. */
    public record ThresholdOperation(String alertId, String operation, Map<String, Object> evidence,
            OffsetDateTime dueBy, String deadlineBasis, List<String> causedBy) {
    }
}
