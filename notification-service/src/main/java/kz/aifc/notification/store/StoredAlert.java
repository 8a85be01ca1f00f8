package kz.aifc.notification.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    /**
     * Whether a reader would see no difference from {@code other}; tells a real update from a repeated raise. Evidence
     * is compared as a JSON tree (numbers by value) and links as a map, whatever order their keys come in: PostgreSQL's
     * jsonb reorders them, so an alert read back and the same raise decoded list them differently.
     */
    public boolean looksLike(StoredAlert other) {
        return Objects.equals(severity, other.severity) && Objects.equals(title, other.title)
                && Objects.equals(detail, other.detail) && Objects.equals(citation, other.citation)
                && Objects.equals(instant(regulatoryDeadline), instant(other.regulatoryDeadline))
                && Objects.equals(deadlineBasis, other.deadlineBasis) && Objects.equals(links, other.links)
                && Objects.equals(ruleId, other.ruleId) && Objects.equals(rulebookVersion, other.rulebookVersion)
                && (evidence == null ? other.evidence == null
                        : other.evidence != null && evidence.equals(StoredAlert::compareLeaves, other.evidence));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static int compareLeaves(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    }
}
