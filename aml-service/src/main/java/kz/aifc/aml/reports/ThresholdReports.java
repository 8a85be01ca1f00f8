package kz.aifc.aml.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import kz.aifc.aml.reports.StrDraft.StrOperation;
import kz.aifc.aml.reports.ThresholdDraft.ThresholdOperation;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.platform.report.DraftFacts;
import kz.aifc.platform.report.DraftFacts.Fact;
import kz.aifc.platform.report.DraftLabels;
import kz.aifc.platform.store.Jdbc;

/**
 * Threshold-transaction report drafts (Law 191-IV Art. 4(1), 10(2); MLRO duty AML 13.6.1(d)): the AML-010 operations
 * (offshore counterparty or anonymous account)
 * whose report falls due on a date, with what the FIU report needs.
 */
@ApplicationScoped
public class ThresholdReports {

    private final Jdbc jdbc;
    private final StrDrafts drafts;

    ThresholdReports(Jdbc jdbc, StrDrafts drafts) {
        this.jdbc = jdbc;
        this.drafts = drafts;
    }

    /** The reports due on a date, their facts labelled in English. */
    public ThresholdDraft dueOn(String firmId, LocalDate date) {
        return dueOn(firmId, date, Locale.ENGLISH);
    }

    /** The reports due on a date; each operation's facts (from its stored payload) labelled in {@code locale}. */
    public ThresholdDraft dueOn(String firmId, LocalDate date, Locale locale) {
        String sql = "select payload::text from alert_state where firm_id = ? and rule_id = 'AML-010' "
                + "and substr(payload->>'regulatoryDeadline', 1, 10) = ? order by raised_at";
        List<AlertRaised> alerts = jdbc.query("read threshold reports", sql,
                rs -> CloudEventCodec.readPayload(rs.getString(1), AlertRaised.class), firmId, date.toString());
        DraftLabels labels = DraftDocuments.labels(locale);
        List<ThresholdOperation> reports = alerts.stream().map(a -> new ThresholdOperation(a.alertId(), a.detail(),
                a.evidence(), a.regulatoryDeadline(), a.deadlineBasis(), a.causedBy(),
                facts(a.evidence(), a.regulatoryDeadline(), operations(a), labels))).toList();
        return new ThresholdDraft(firmId, date,
                "Law 191-IV Art. 4(1) (KZT 5,000,000 or more with an offshore counterparty, or from or to an anonymous "
                        + "account), Art. 10(2); AIFC AML 13.6.1(d)",
                List.of("Submit electronically to the Agency for Financial Monitoring in Kazakh or Russian, no later "
                                + "than the business day after the operation (Law 191-IV Art. 10(2)).",
                        "The AFM form and XML schema are not verified (domain-facts G6).",
                        "The KZT 5,000,000 threshold and the next-business-day deadline are read in an English "
                                + "translation of Law 191-IV as amended by Law 219-VIII (2025), not in the official "
                                + "consolidated text (domain-facts H11): check it before relying on them."),
                reports);
    }

    /** The operation the alert is about, from the finding that raised it (indexed by firm and detection time). */
    private List<StrOperation> operations(AlertRaised a) {
        List<String> ids = jdbc.query("read the operation of a threshold report", """
                select unnest(transaction_ids) from aml_finding
                where firm_id = ? and detected_at between ? and ? and alert_id = ?""", rs -> rs.getString(1),
                a.firmId(), a.detectedAt().minusDays(1), a.detectedAt().plusDays(1), a.alertId());
        return ids.isEmpty() ? List.of() : drafts.operations(a.firmId(), null, ids);
    }

    /** The report as an officer reads it: the operation, its customer and counterparty, the deadline, the evidence. */
    static List<Fact> facts(Map<String, Object> evidence, OffsetDateTime dueBy, List<StrOperation> operations,
            DraftLabels labels) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (StrOperation o : operations) {
            fields.putAll(OperationFacts.of(o));
            fields.remove("counterparty");
            fields.putAll(OperationFacts.of(o.customer()));
            OperationFacts.counterparties(List.of(o)).forEach(cp -> {
                cp.remove("operationCount");
                fields.putAll(cp);
            });
        }
        fields.put("deadline", dueBy == null ? null : dueBy.toString());
        evidence.forEach(fields::putIfAbsent);
        return DraftFacts.of(fields, labels);
    }
}
