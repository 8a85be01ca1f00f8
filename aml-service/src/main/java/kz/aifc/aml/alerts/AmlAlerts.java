package kz.aifc.aml.alerts;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import kz.aifc.aml.rules.Suspicion;
import kz.aifc.platform.rules.Finding;
import kz.aifc.aml.rules.AmlRulebook;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.Duty;

/** An AML finding as the alert the compliance team sees: the rule's title, severity and citation, and its links. */
public final class AmlAlerts {

    /**
     * Why the alerts a decision settles are resolved, whatever the MLRO decided: the compliance team reads alerts, and
     * whether an STR was filed, or on which case, is for the MLRO and the regulator only (tipping-off,
     * contract/README.md §3).
     */
    public static final String DECIDED_BY_MLRO = "Closed by the firm's MLRO.";

    private AmlAlerts() {
    }

    /** The alert of a finding; a finding that opened or joined a case links to it and to its STR draft. */
    public static AlertRaised alert(AmlRulebook book, Finding<Suspicion> f, String caseId, OffsetDateTime detectedAt) {
        Map<String, String> links = new LinkedHashMap<>();
        if (caseId != null) {
            links.put("case", "/cases/" + caseId);
            links.put("strDraft", "/cases/" + caseId + "/str-draft");
        }
        if ("AML-010".equals(f.ruleId()) && f.deadline() != null) {
            links.put("report", "/firms/" + f.firmId() + "/reports/threshold?date="
                    + f.deadline().toLocalDate());
        }
        return new AlertRaised(f.alertId(), f.firmId(), Duty.AML, f.ruleId(), book.version(), f.citation(),
                f.severity(), f.title(), f.detail(), f.evidence(), f.duty().causedBy(), detectedAt,
                f.deadline(), f.deadlineBasis(), links);
    }
}
