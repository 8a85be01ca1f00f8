package kz.aifc.aml.cases;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kz.aifc.aml.alerts.AmlAlerts;
import kz.aifc.aml.rules.AmlRules;
import kz.aifc.aml.rules.CustomerHistory;
import kz.aifc.aml.store.AmlCase;
import kz.aifc.aml.store.AmlFinding;
import kz.aifc.aml.store.MlroDecision;
import kz.aifc.platform.alerts.AlertBook;
import kz.aifc.platform.api.ProblemException;
import kz.aifc.platform.audit.AuditTrail;

/** Suspicious-activity cases: reading them with their findings, and the MLRO's recorded, audited decision (AML 13.8.1). */
@ApplicationScoped
public class Cases {

    private final AuditTrail audit;
    private final AlertBook alerts;
    private final AmlRules rules;
    private final AfsaNotices notices;

    Cases(AuditTrail audit, AlertBook alerts, AmlRules rules, AfsaNotices notices) {
        this.audit = audit;
        this.alerts = alerts;
        this.rules = rules;
        this.notices = notices;
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

    /** The firm's cases, newest first; {@code status} OPEN, FILE_STR or NO_STR, or null for all. */
    public List<CaseView> ofFirm(String firmId, String status, int limit) {
        return AmlCase.ofFirm(firmId, status == null ? null : AmlCase.Status.valueOf(status), limit).stream()
                .map(c -> view(c, List.of())).toList();
    }

    public Optional<CaseView> find(String caseId) {
        return AmlCase.byId(caseId).map(c -> view(c, findings(caseId)));
    }

    /**
     * Records the MLRO's decision once: {@code FILE_STR} or {@code NO_STR}, reasons required for both (AML 13.8.1
     * asks for the reasons when no STR is filed; for an STR they become the report's additional information). The
     * decision resolves the case's alerts whose deadline it was ({@link AmlRules#settledByDecision}); a FILE_STR
     * raises the AFSA notices it makes due ({@link AfsaNotices}: AML-013 for a DATF operator, AML-014).
     */
    @Transactional
    public CaseView decide(String caseId, String decision, String reasons, String decidedBy, OffsetDateTime at) {
        AmlCase kase = AmlCase.lockedForDecision(caseId).orElseThrow(() -> ProblemException.notFound("no case " + caseId));
        if (kase.status != AmlCase.Status.OPEN) {
            throw ProblemException.conflict("case " + caseId + " was already decided: " + kase.status);
        }
        List<FindingView> findings = findings(caseId);
        kase.decide(AmlCase.Status.valueOf(decision), reasons, decidedBy, at);
        AmlCase.flush();
        audit.append(decidedBy, "case." + decision.toLowerCase(), kase.firmId, caseId,
                Map.of("decision", decision, "reasons", reasons));
        if (kase.status == AmlCase.Status.FILE_STR) {
            notices.raiseForStr(kase.firmId, caseId, kase.customerId, at);
        }
        Set<String> settled = new LinkedHashSet<>();
        for (FindingView f : findings) {
            if (rules.settledByDecision(f.ruleId())) {
                settled.add(f.alertId());
            }
        }
        if (kase.overdueAlert != null) {
            settled.add(kase.overdueAlert);
        }
        // The alerts' readers include the compliance team: the reason is the same whatever the decision.
        alerts.resolveAll(settled.stream()
                .map(id -> new AlertBook.Resolution(id, at, AmlAlerts.DECIDED_BY_MLRO)).toList());
        return view(kase, findings);
    }

    private static List<FindingView> findings(String caseId) {
        return AmlFinding.ofCase(caseId).stream().map(f -> new FindingView(f.alertId, f.ruleId, almaty(f.detectedAt),
                f.detail, List.copyOf(f.transactionIds), f.evidence)).toList();
    }

    private static CaseView view(AmlCase c, List<FindingView> findings) {
        MlroDecision d = c.decision;
        return new CaseView(c.caseId, c.firmId, c.customerId, c.status.name(), almaty(c.openedAt), almaty(c.updatedAt),
                List.copyOf(c.ruleIds), List.copyOf(c.transactionIds), c.overdueAlert,
                d == null ? null : almaty(d.decidedAt), d == null ? null : d.decidedBy, d == null ? null : d.reasons,
                findings);
    }

    private static OffsetDateTime almaty(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(CustomerHistory.ALMATY).toOffsetDateTime();
    }
}
