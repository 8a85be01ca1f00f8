package kz.aifc.notification.alerts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aifc.notification.store.StoredAlert;

/**
 * An alert as a caller may see it, the same on REST, SSE and webhooks. AML alerts reach the firm's compliance officer
 * too, so it can work them, but in the {@link AmlView#RESTRICTED} view: the suspicion's substance (detail, evidence,
 * causedBy), the case and STR links and the resolution reason are withheld (tipping-off, contract/README.md §3).
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
        @Schema(description = "null on an AML alert for callers other than mlro, regulator and admin")
        String detail,
        @Schema(description = "null on an AML alert for callers other than mlro, regulator and admin")
        JsonNode evidence,
        @Schema(description = "empty on an AML alert for callers other than mlro, regulator and admin")
        List<String> causedBy,
        @Schema(description = "Paths of drafted reports on the source service (see GET /config.json for its base URL); "
                + "empty on AML alerts for callers other than mlro, regulator and admin")
        Map<String, String> links,
        @Schema(description = "Whether links were withheld from this caller (any AML alert, for callers other than "
                + "mlro, regulator and admin)")
        boolean linksWithheld,
        @Schema(description = "The fields withheld from this caller (tipping-off); empty when it sees the whole alert")
        List<String> withheld,
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
        @Schema(description = "On an AML alert, for callers other than mlro, regulator and admin, a neutral text "
                + "instead of the reason (which may name a case or an STR decision)")
        String resolutionReason,
        @Schema(description = "Set once the clock escalated the alert")
        OffsetDateTime escalatedAt,
        @Schema(enumeration = { "CRITICAL_UNACKNOWLEDGED", "DEADLINE_NEAR", "DEADLINE_PASSED" })
        String escalationReason,
        @Schema(description = "Grows with every change; a client keeps the highest it has seen")
        long version) {

    /** The duty whose alerts are restricted. */
    static final String AML = "AML";
    /** What the restricted view withholds. */
    public static final List<String> WITHHELD = List.of("detail", "evidence", "causedBy", "links", "resolutionReason");
    /** Shown instead of an AML alert's resolution reason in the restricted view. */
    public static final String NEUTRAL_RESOLUTION = "resolved; the reason is for the firm's MLRO";

    public static AlertView of(StoredAlert a, AmlView view) {
        if (!AML.equals(a.duty()) || view == AmlView.FULL) {
            return new AlertView(a.alertId(), a.firmId(), a.duty(), a.ruleId(), a.rulebookVersion(), a.citation(),
                    a.severity(), a.title(), a.detail(), a.evidence(), a.causedBy(), a.links(), false, List.of(),
                    a.detectedAt(), a.regulatoryDeadline(), a.deadlineBasis(), a.status(), a.firstSeenAt(),
                    a.updatedAt(), a.acknowledgedBy(), a.acknowledgedAt(), a.resolvedBy(), a.resolvedAt(),
                    a.resolutionReason(), a.escalatedAt(), a.escalationReason(), a.version());
        }
        return new AlertView(a.alertId(), a.firmId(), a.duty(), a.ruleId(), a.rulebookVersion(), a.citation(),
                a.severity(), a.title(), null, null, List.of(), Map.of(), true, WITHHELD,
                a.detectedAt(), a.regulatoryDeadline(), a.deadlineBasis(), a.status(), a.firstSeenAt(),
                a.updatedAt(), a.acknowledgedBy(), a.acknowledgedAt(), a.resolvedBy(), a.resolvedAt(),
                a.resolvedAt() == null ? null : NEUTRAL_RESOLUTION, a.escalatedAt(), a.escalationReason(), a.version());
    }
}
