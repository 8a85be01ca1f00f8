package kz.aifc.aml.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.AlertRaised;

/**
 * Threshold-transaction report drafts (Law 191-IV Art. 4(1), 10(2); MLRO duty AML 13.6.1(d)): the AML-010 operations
 * whose report falls due on a date, with what the FIU report needs.
 */
@ApplicationScoped
public class ThresholdReports {

    private final DataSource dataSource;

    ThresholdReports(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Map<String, Object> dueOn(String firmId, LocalDate date) {
        String sql = "select payload::text from alert_state where firm_id = ? and rule_id = 'AML-010' "
                + "and substr(payload->>'regulatoryDeadline', 1, 10) = ? order by raised_at";
        List<Map<String, Object>> reports = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, firmId);
            q.setString(2, date.toString());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    AlertRaised a = CloudEventCodec.readPayload(rs.getString(1), AlertRaised.class);
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("alertId", a.alertId());
                    r.put("operation", a.detail());
                    r.put("evidence", a.evidence());
                    r.put("dueBy", a.regulatoryDeadline());
                    r.put("deadlineBasis", a.deadlineBasis());
                    r.put("causedBy", a.causedBy());
                    reports.add(r);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read threshold reports: " + e.getMessage(), e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("firmId", firmId);
        out.put("dueOn", date);
        out.put("legalBasis", "Law 191-IV Art. 4(1) (offshore counterparty, KZT 5,000,000 or more), Art. 10(2); AIFC AML 13.6.1(d)");
        out.put("filingNotes", List.of(
                "Submit electronically to the Agency for Financial Monitoring in Kazakh or Russian, no later than the business day after the operation (Law 191-IV Art. 10(2)).",
                "The AFM form and XML schema are not verified (domain-facts G6)."));
        out.put("reports", reports);
        return out;
    }
}
