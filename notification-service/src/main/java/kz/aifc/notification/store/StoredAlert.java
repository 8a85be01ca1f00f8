package kz.aifc.notification.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** One alert as the desk keeps it: the contract's fields plus lifecycle, escalation and a change counter. */
public record StoredAlert(
        String alertId,
        String firmId,
        String duty,
        String ruleId,
        String rulebookVersion,
        String citation,
        String severity,
        String title,
        String detail,
        JsonNode evidence,
        List<String> causedBy,
        Map<String, String> links,
        OffsetDateTime detectedAt,
        OffsetDateTime regulatoryDeadline,
        String deadlineBasis,
        String status,
        OffsetDateTime firstSeenAt,
        OffsetDateTime updatedAt,
        String acknowledgedBy,
        OffsetDateTime acknowledgedAt,
        String resolvedBy,
        OffsetDateTime resolvedAt,
        String resolutionReason,
        OffsetDateTime escalatedAt,
        String escalationReason,
        long version) {

    public static final String OPEN = "OPEN";
    public static final String ACKNOWLEDGED = "ACKNOWLEDGED";
    public static final String RESOLVED = "RESOLVED";

    /** What a reader of the alert sees change; used to tell a real update from a repeated raise. */
    public String visibleFingerprint() {
        return String.join("\u001f", severity, title, detail, String.valueOf(citation),
                String.valueOf(regulatoryDeadline == null ? null : regulatoryDeadline.toInstant()),
                String.valueOf(deadlineBasis), String.valueOf(evidence), String.valueOf(links), ruleId, rulebookVersion);
    }
}
