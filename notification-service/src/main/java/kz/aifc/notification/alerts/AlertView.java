package kz.aifc.notification.alerts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aifc.notification.store.StoredAlert;

/**
 * An alert as a caller may see it. AML alerts reach the firm's compliance officer too (contract/README.md §3 limits
 * cases and STR drafts, not alerts), but their links, which point at cases and STR drafts, are withheld from
 * anyone but the MLRO, the regulator and the admin (tipping-off).
 */
@Schema(name = "Alert", description = "An alert with its lifecycle. Times are RFC 3339 at +05:00 (Asia/Almaty).")
public record AlertView(
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
        @Schema(description = "Paths of drafted reports on the source service (see GET /config.json for its base URL); "
                + "empty on AML alerts for callers other than mlro, regulator and admin")
        Map<String, String> links,
        @Schema(description = "Whether links were withheld from this caller (AML alert, not MLRO)")
        boolean linksWithheld,
        OffsetDateTime detectedAt,
        OffsetDateTime regulatoryDeadline,
        String deadlineBasis,
        @Schema(enumeration = { "OPEN", "ACKNOWLEDGED", "RESOLVED" })
        String status,
        OffsetDateTime firstSeenAt,
        OffsetDateTime updatedAt,
        String acknowledgedBy,
        OffsetDateTime acknowledgedAt,
        @Schema(description = "Who resolved it: the source service (alert.resolved event) or a person")
        String resolvedBy,
        OffsetDateTime resolvedAt,
        String resolutionReason,
        @Schema(description = "Set once the clock escalated the alert")
        OffsetDateTime escalatedAt,
        @Schema(enumeration = { "CRITICAL_UNACKNOWLEDGED", "DEADLINE_NEAR", "DEADLINE_PASSED" })
        String escalationReason,
        @Schema(description = "Grows with every change; a client keeps the highest it has seen")
        long version) {

    /** The duty whose links are restricted. */
    static final String AML = "AML";

    public static AlertView of(StoredAlert a, boolean seesAmlLinks) {
        boolean withhold = AML.equals(a.duty()) && !seesAmlLinks && !a.links().isEmpty();
        return new AlertView(a.alertId(), a.firmId(), a.duty(), a.ruleId(), a.rulebookVersion(), a.citation(),
                a.severity(), a.title(), a.detail(), a.evidence(), a.causedBy(), withhold ? Map.of() : a.links(),
                withhold, a.detectedAt(), a.regulatoryDeadline(), a.deadlineBasis(), a.status(), a.firstSeenAt(),
                a.updatedAt(), a.acknowledgedBy(), a.acknowledgedAt(), a.resolvedBy(), a.resolvedAt(),
                a.resolutionReason(), a.escalatedAt(), a.escalationReason(), a.version());
    }
}
