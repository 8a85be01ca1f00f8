package kz.aifc.aml.cases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
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
    private final CaseFiles files;

    Cases(AuditTrail audit, AlertBook alerts, AmlRules rules, AfsaNotices notices, CaseFiles files) {
        this.files = files;
        this.audit = audit;
        this.alerts = alerts;
        this.rules = rules;
        this.notices = notices;
    }

    /**
     * A case as the MLRO and the regulator see it. The overdue-decision clock: {@code decisionDueAt} (opened +
     * the rulebook's caseDecisionTime, AML 13.8.1 "without delay", unverified) and {@code overdue} (still OPEN after
     * it). One case read alone adds its {@code transactions} and its {@code timeline} from the audit trail.
     */
    public record CaseView(String caseId, String firmId, String customerId, String status, OffsetDateTime openedAt,
            OffsetDateTime updatedAt, List<String> ruleIds, List<String> transactionIds, String overdueAlertId,
            OffsetDateTime decidedAt, String decidedBy, String decisionReasons, List<FindingView> findings,
            @Schema(description = "When the MLRO's decision falls due: opened + caseDecisionTime (AML 13.8.1)")
            OffsetDateTime decisionDueAt,
            @Schema(description = "OPEN and past decisionDueAt") Boolean overdue,
            @Schema(description = "Total in USD of the case's stored transactions (plain decimal)") String amountUsd,
            @Schema(description = "The rules that fired, with their title and citation") List<RuleRef> rules,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "The case's transactions (one case read alone)") List<CaseTransaction> transactions,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "What happened to the case, oldest first, from the audit trail (one case read alone)")
            List<TimelineEntry> timeline) {

        /** The case as stored, without the desk's additions. */
        public CaseView(String caseId, String firmId, String customerId, String status, OffsetDateTime openedAt,
                OffsetDateTime updatedAt, List<String> ruleIds, List<String> transactionIds, String overdueAlertId,
                OffsetDateTime decidedAt, String decidedBy, String decisionReasons, List<FindingView> findings) {
            this(caseId, firmId, customerId, status, openedAt, updatedAt, ruleIds, transactionIds, overdueAlertId,
                    decidedAt, decidedBy, decisionReasons, findings, null, null, null, null, null, null);
        }

        CaseView on(OffsetDateTime dueAt, Boolean late, String amount, List<RuleRef> fired,
                List<CaseTransaction> txs, List<TimelineEntry> events) {
            return new CaseView(caseId, firmId, customerId, status, openedAt, updatedAt, ruleIds, transactionIds,
                    overdueAlertId, decidedAt, decidedBy, decisionReasons, findings, dueAt, late, amount, fired, txs,
                    events);
        }
    }

    /** A rule that fired on the case. */
    public record RuleRef(String ruleId, String title, String citation) {
    }

    /** One transaction of the case, as screened. */
    public record CaseTransaction(String transactionId, OffsetDateTime occurredAt, String direction, String asset,
            String amount, String amountUsd, String amountKzt, String counterparty) {
    }

    /**
     * One event of the case: {@code event} CASE_OPENED, ALERT_RAISED, ALERT_UPDATED, ALERT_RESOLVED, DECIDED_FILE_STR
     * (the STR is to be filed), DECIDED_NO_STR, AFSA_NOTICE_DUE or AFSA_NOTICE_SENT; {@code actor} who did it (a person's
     * name, or a service's: "aml-service"),
     * {@code reasons} the MLRO's, {@code reference} the notice's.
     */
    public record TimelineEntry(OffsetDateTime at, String event, String actor, String ruleId, String reasons,
            String reference) {
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

    /** The firm's cases for the desk: each with its decision clock, rules and USD total. */
    public List<CaseView> deskOf(String firmId, String status, int limit, OffsetDateTime now) {
        List<CaseView> cases = ofFirm(firmId, status, limit);
        Map<String, BigDecimal> totals = files.totalsUsd(cases.stream().map(CaseView::caseId).toList());
        return cases.stream().map(c -> clocked(c, now, totals.get(c.caseId()), null, null)).toList();
    }

    /** One case for the desk: its clock, rules, total, transactions and timeline. */
    public Optional<CaseView> file(String caseId, OffsetDateTime now) {
        return find(caseId).map(c -> file(c, now));
    }

    /** A case as read (or just decided), with its clock, rules, total, transactions and timeline. */
    public CaseView file(CaseView c, OffsetDateTime now) {
        List<CaseTransaction> txs = files.transactions(c);
        BigDecimal total = txs.stream().map(t -> t.amountUsd() == null ? null : new BigDecimal(t.amountUsd()))
                .filter(x -> x != null).reduce(BigDecimal::add).orElse(null);
        return clocked(c, now, total, txs, files.timeline(c));
    }

    private CaseView clocked(CaseView c, OffsetDateTime now, BigDecimal totalUsd, List<CaseTransaction> txs,
            List<TimelineEntry> timeline) {
        OffsetDateTime due = c.openedAt().plus(rules.rulebook().caseDecisionTime());
        List<RuleRef> fired = c.ruleIds().stream().map(id -> {
            var rule = rules.rulebook().rule(id);
            return new RuleRef(id, rule.title(), rule.citation());
        }).toList();
        return c.on(due, "OPEN".equals(c.status()) && now.isAfter(due),
                totalUsd == null ? null : totalUsd.stripTrailingZeros().toPlainString(), fired, txs, timeline);
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
