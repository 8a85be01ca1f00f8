package kz.aifc.aml.reports;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import kz.aifc.aml.reports.ThresholdDraft.ThresholdOperation;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.platform.store.Jdbc;

/**
 * Threshold-transaction report drafts (Law 191-IV Art. 4(1), 10(2); MLRO duty AML 13.6.1(d)): the AML-010 operations
 * (offshore counterparty or anonymous account)
 * whose report falls due on a date, with what the FIU report needs.
 */
@ApplicationScoped
public class ThresholdReports {

    private final Jdbc jdbc;

    ThresholdReports(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public ThresholdDraft dueOn(String firmId, LocalDate date) {
        String sql = "select payload::text from alert_state where firm_id = ? and rule_id = 'AML-010' "
                + "and substr(payload->>'regulatoryDeadline', 1, 10) = ? order by raised_at";
        List<ThresholdOperation> reports = jdbc.query("read threshold reports", sql, rs -> {
            AlertRaised a = CloudEventCodec.readPayload(rs.getString(1), AlertRaised.class);
            return new ThresholdOperation(a.alertId(), a.detail(), a.evidence(), a.regulatoryDeadline(),
                    a.deadlineBasis(), a.causedBy());
        }, firmId, date.toString());
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
}
