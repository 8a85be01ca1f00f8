package kz.aifc.aml.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kz.aifc.aml.rules.AmlRules;
import kz.aifc.aml.rules.CustomerHistory;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.platform.alerts.AlertBook;
import kz.aifc.platform.api.ProblemException;
import kz.aifc.platform.audit.AuditTrail;

/** Suspicious-activity cases: reading them with their findings, and the MLRO's recorded, audited decision (AML 13.8.1). */
@ApplicationScoped
public class Cases {

    private static final String COLUMNS = "case_id, firm_id, customer_id, status, opened_at, updated_at, rule_ids, "
            + "transaction_ids, overdue_alert, decided_at, decided_by, decision_reasons";

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final AlertBook alerts;
    private final AmlRules rules;

    Cases(DataSource dataSource, AuditTrail audit, AlertBook alerts, AmlRules rules) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.alerts = alerts;
        this.rules = rules;
    }

    /** A case as the MLRO and the regulator see it. */
    public record CaseView(String caseId, String firmId, String customerId, String status, OffsetDateTime openedAt,
            OffsetDateTime updatedAt, List<String> ruleIds, List<String> transactionIds, String overdueAlertId,
            OffsetDateTime decidedAt, String decidedBy, String decisionReasons, List<FindingView> findings) {
    }

    /** One finding that joined the case. */
    public record FindingView(String alertId, String ruleId, OffsetDateTime detectedAt, String detail,
            List<String> transactionIds, Map<String, Object> evidence) {
    }

    public List<CaseView> ofFirm(String firmId, String status, int limit) {
        String sql = "select " + COLUMNS + " from aml_case where firm_id = ?"
                + (status == null ? "" : " and status = ?") + " order by opened_at desc limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            int i = 1;
            q.setString(i++, firmId);
            if (status != null) {
                q.setString(i++, status);
            }
            q.setInt(i, limit);
            List<CaseView> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs, List.of()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read cases: " + e.getMessage(), e);
        }
    }

    public Optional<CaseView> find(String caseId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select " + COLUMNS + " from aml_case where case_id = ?")) {
            q.setString(1, caseId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(read(rs, findings(c, caseId)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read case " + caseId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records the MLRO's decision once: {@code FILE_STR} or {@code NO_STR}, reasons required for both (AML 13.8.1
     * asks for the reasons when no STR is filed; for an STR they become the report's additional information). The
     * decision resolves the case's alerts whose deadline it was ({@link AmlRules#settledByDecision}).
     */
    @Transactional
    public CaseView decide(String caseId, String decision, String reasons, String decidedBy, OffsetDateTime at) {
        CaseView current = find(caseId).orElseThrow(() -> ProblemException.notFound("no case " + caseId));
        if (!"OPEN".equals(current.status())) {
            throw ProblemException.conflict("case " + caseId + " was already decided: " + current.status());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "update aml_case set status = ?, decided_at = ?, decided_by = ?, decision_reasons = ?, updated_at = ? "
                        + "where case_id = ? and status = 'OPEN'")) {
            q.setString(1, decision);
            q.setTimestamp(2, Timestamp.from(at.toInstant()));
            q.setString(3, decidedBy);
            q.setString(4, reasons);
            q.setTimestamp(5, Timestamp.from(at.toInstant()));
            q.setString(6, caseId);
            if (q.executeUpdate() != 1) {
                throw ProblemException.conflict("case " + caseId + " was decided meanwhile");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the decision on " + caseId + ": " + e.getMessage(), e);
        }
        audit.append(decidedBy, "case." + decision.toLowerCase(), current.firmId(), caseId,
                Map.of("decision", decision, "reasons", reasons));
        // The alerts' readers include the compliance team (notification-service): the reason names no decision.
        String reason = "The MLRO recorded a decision on case " + caseId + " (AML 13.8.1).";
        Set<String> settled = new LinkedHashSet<>();
        for (FindingView f : current.findings()) {
            if (rules.settledByDecision(f.ruleId())) {
                settled.add(f.alertId());
            }
        }
        if (current.overdueAlertId() != null) {
            settled.add(current.overdueAlertId());
        }
        alerts.resolveAll(settled.stream().map(id -> new AlertBook.Resolution(id, at, reason)).toList());
        return find(caseId).orElseThrow();
    }

    private List<FindingView> findings(Connection c, String caseId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select alert_id, rule_id, detected_at, detail, transaction_ids, "
                + "evidence::text from aml_finding where case_id = ? order by id")) {
            q.setString(1, caseId);
            List<FindingView> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> evidence = CloudEventCodec.readPayload(rs.getString(6), Map.class);
                    out.add(new FindingView(rs.getString(1), rs.getString(2), time(rs.getTimestamp(3)),
                            rs.getString(4), strings(rs.getArray(5)), evidence));
                }
            }
            return out;
        }
    }

    private static CaseView read(ResultSet rs, List<FindingView> findings) throws SQLException {
        return new CaseView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                time(rs.getTimestamp(5)), time(rs.getTimestamp(6)), strings(rs.getArray(7)), strings(rs.getArray(8)),
                rs.getString(9), time(rs.getTimestamp(10)), rs.getString(11), rs.getString(12), findings);
    }

    private static List<String> strings(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static OffsetDateTime time(Timestamp ts) {
        return ts == null ? null : ts.toInstant().atZone(CustomerHistory.ALMATY).toOffsetDateTime();
    }
}
