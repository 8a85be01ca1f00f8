package kz.aifc.aml.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.aifc.aml.rules.AmlRules;
import kz.aifc.aml.rules.CustomerHistory;
import kz.aifc.aml.rules.Suspicion;
import kz.aifc.aml.store.FirmLicences;
import kz.aifc.platform.api.ProblemException;
import kz.aifc.platform.audit.AuditTrail;
import kz.aifc.platform.report.DraftFacts;
import kz.aifc.platform.report.DraftFacts.Fact;
import kz.aifc.platform.report.DraftLabels;
import kz.aifc.platform.rules.Finding;
import kz.aifc.platform.rules.Rule;
import kz.aifc.platform.store.Jdbc;

/**
 * The AFSA notices a filed STR makes due (AML-013, DAA 2.13.1(b), for a DATF operator; AML-014, AML 13.8.1(c), for
 * every firm): raised with the MLRO's FILE_STR decision, in its transaction, and open until the MLRO marks the case's
 * notice sent. They are alerts of the MLRO and the regulator only, kept in {@code aml_afsa_notice} and never published
 * to the shared alert desk: that such an alert exists tells that an STR was filed, which the compliance officer's view
 * of the desk must not (tipping-off, contract/README.md §3).
 */
@ApplicationScoped
public class AfsaNotices {

    private final Jdbc jdbc;
    private final AmlRules rules;
    private final FirmLicences licences;
    private final AuditTrail audit;

    AfsaNotices(Jdbc jdbc, AmlRules rules, FirmLicences licences, AuditTrail audit) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.licences = licences;
        this.audit = audit;
    }

    /** The labels of aml-service's drafts and notices (FactLabels.properties, _ru, _kk), with the shared ones. */
    public static final String FACT_LABELS = "kz.aifc.aml.reports.FactLabels";

    /**
     * One notice alert as the MLRO and the regulator see it; {@code status} OPEN until marked sent, then SENT;
     * {@code labelledFacts} the deadline, status and sending as an officer reads them, in the language asked for.
     */
    public record NoticeAlert(String alertId, String ruleId, String title, String citation, String severity,
            String firmId, String caseId, OffsetDateTime raisedAt, OffsetDateTime regulatoryDeadline,
            String deadlineBasis, String status, boolean overdue, OffsetDateTime sentAt, String sentBy,
            String reference, Map<String, String> links,
            @Schema(description = "Deadline, status, overdue, sent and reference labelled and worded in the language "
                    + "asked for (lang, else Accept-Language, else English): Astana times, yes/no in words, no ids")
            List<Fact> labelledFacts) {
    }

    /** Raises the notices a FILE_STR decision on the case makes due; called in the decision's transaction. */
    void raiseForStr(String firmId, String caseId, String customerId, OffsetDateTime decidedAt) {
        boolean datf = licences.datfOperator(firmId, decidedAt.atZoneSameInstant(CustomerHistory.ALMATY).toLocalDate());
        List<Finding<Suspicion>> due = rules.afsaNoticesAfterStr(firmId, caseId, customerId, datf, decidedAt);
        jdbc.batch("raise the AFSA notices of an STR", """
                insert into aml_afsa_notice (alert_id, rule_id, firm_id, case_id, raised_at, due_at, deadline_basis)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (alert_id) do nothing""", due, (q, f) -> Jdbc.bind(q,
                f.alertId(), f.ruleId(), firmId, caseId, decidedAt, f.deadline(), f.deadlineBasis()));
        for (Finding<Suspicion> f : due) {
            audit.append("aml-service", "afsa-notice.due", firmId, caseId,
                    Map.of("alertId", f.alertId(), "ruleId", f.ruleId(), "dueAt", f.deadline().toString()));
        }
    }

    /** The firm's notice alerts, newest first; {@code status} OPEN or SENT, or null for all. */
    public List<NoticeAlert> ofFirm(String firmId, String status, int limit, OffsetDateTime now, Locale locale) {
        String filter = status == null ? "" : "OPEN".equals(status) ? " and sent_at is null" : " and sent_at is not null";
        DraftLabels labels = DraftLabels.of(FACT_LABELS, locale);
        return jdbc.query("read the AFSA notices of a firm", SELECT + " where firm_id = ?" + filter
                + " order by raised_at desc, rule_id limit ?", rs -> view(rs, now, labels), firmId, limit);
    }

    public List<NoticeAlert> ofCase(String caseId, OffsetDateTime now) {
        DraftLabels labels = DraftLabels.of(FACT_LABELS, Locale.ENGLISH);
        return jdbc.query("read the AFSA notices of a case", SELECT + " where case_id = ? order by rule_id",
                rs -> view(rs, now, labels), caseId);
    }

    /**
     * Records that the case's AFSA notice was sent (one written notice serves both rules), once: 409 when no notice
     * is due (no FILE_STR decision) or it was already marked sent. Audited.
     */
    @Transactional
    public List<NoticeAlert> markSent(String firmId, String caseId, String sentBy, OffsetDateTime at,
            String reference) {
        List<NoticeAlert> notices = ofCase(caseId, at);
        if (notices.isEmpty()) {
            throw ProblemException.conflict("no AFSA notice is due for case " + caseId
                    + ": the MLRO has not decided FILE_STR on it");
        }
        int marked = jdbc.update("mark the AFSA notice of a case sent", """
                update aml_afsa_notice set sent_at = ?, sent_by = ?, sent_reference = ?
                where case_id = ? and sent_at is null""", at, sentBy, reference, caseId);
        if (marked == 0) {
            throw ProblemException.conflict("the AFSA notice of case " + caseId + " was already marked sent");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("rules", notices.stream().map(NoticeAlert::ruleId).toList());
        if (reference != null) {
            detail.put("reference", reference);
        }
        audit.append(sentBy, "afsa-notice.sent", firmId, caseId, detail);
        return ofCase(caseId, at);
    }

    private static final String SELECT = """
            select alert_id, rule_id, firm_id, case_id, raised_at, due_at, deadline_basis, sent_at, sent_by,
                   sent_reference
            from aml_afsa_notice""";

    private NoticeAlert view(ResultSet rs, OffsetDateTime now, DraftLabels labels) throws SQLException {
        Rule rule = rules.rulebook().rule(rs.getString(2));
        OffsetDateTime due = almaty(rs.getObject(6, OffsetDateTime.class));
        OffsetDateTime sentAt = almaty(rs.getObject(8, OffsetDateTime.class));
        String caseId = rs.getString(4);
        String status = sentAt == null ? "OPEN" : "SENT";
        boolean overdue = sentAt == null && now.isAfter(due);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("deadline", due.toString());
        facts.put("status", status);
        facts.put("overdue", overdue);
        facts.put("sentAt", sentAt == null ? null : sentAt.toString());
        facts.put("reference", rs.getString(10));
        return new NoticeAlert(rs.getString(1), rule.id(), rule.title(), rule.citation(), rule.severity().name(),
                rs.getString(3), caseId, almaty(rs.getObject(5, OffsetDateTime.class)), due, rs.getString(7),
                status, overdue, sentAt, rs.getString(9), rs.getString(10), links(caseId),
                DraftFacts.of(facts, labels));
    }

    private static Map<String, String> links(String caseId) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("case", "/cases/" + caseId);
        links.put("strDraft", "/cases/" + caseId + "/str-draft");
        links.put("afsaNotice", "/cases/" + caseId + "/afsa-notice");
        links.put("markSent", "/cases/" + caseId + "/afsa-notice/sent");
        return links;
    }

    private static OffsetDateTime almaty(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(CustomerHistory.ALMATY).toOffsetDateTime();
    }
}
