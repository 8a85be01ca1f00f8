package kz.aifc.contract.v1;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Payload of {@code kz.aifc.alert.raised.v1}: a rule found a breach; {@code alertId} is stable for that breach. */
public record AlertRaised(
        String alertId,
        String firmId,
        Duty duty,
        String ruleId,
        String rulebookVersion,
        String citation,
        Severity severity,
        String title,
        String detail,
        Map<String, Object> evidence,
        List<String> causedBy,
        OffsetDateTime detectedAt,
        OffsetDateTime regulatoryDeadline,
        String deadlineBasis,
        Map<String, String> links) {

    public AlertRaised {
        Checks.text(alertId, "alertId");
        Checks.text(firmId, "firmId");
        Checks.present(duty, "duty");
        Checks.text(ruleId, "ruleId");
        Checks.text(rulebookVersion, "rulebookVersion");
        Checks.present(severity, "severity");
        Checks.text(title, "title");
        Checks.text(detail, "detail");
        evidence = Checks.objectMapOrEmpty(evidence);
        causedBy = Checks.listOrEmpty(causedBy, "causedBy");
        Checks.present(detectedAt, "detectedAt");
        links = Checks.stringMapOrEmpty(links, "links");
    }
}
