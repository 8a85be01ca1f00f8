package kz.aifc.licensing.api;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of {@code GET /firms/{firmId}/notifications}: a drafted AFSA notification in brief. */
@Schema(description = "A drafted AFSA notification in brief; href is the draft itself")
public record NotificationSummary(
        @Schema(description = "The alert id, or GEN-6.2.1:firm:person:CHANGE:date for an appointment or departure notice")
        String id,
        @Schema(description = "DEPARTURE, APPOINTMENT, UNFITNESS_EVENT, MATERIAL_MATTER, CHANGE_IN_CONTROL …")
        String kind,
        String subject,
        @Schema(description = "The FP rule, or GEN-6.2.1 for an appointment or departure notice") String ruleId,
        @Schema(description = "The alert's severity; null for a notice drafted without an alert", nullable = true)
        String severity,
        @Schema(format = "date-time") String detectedAt,
        @Schema(format = "date-time", nullable = true) String regulatoryDeadline,
        @Schema(description = "OPEN or RESOLVED (the alert's state), NO_ALERT for a notice drafted without one")
        String alertStatus,
        String href) {

    static NotificationSummary of(Map<String, Object> draft, String alertStatus, String href) {
        return new NotificationSummary(NotificationView.text(draft, "id"), NotificationView.text(draft, "kind"),
                NotificationView.text(draft, "subject"), NotificationView.text(draft, "ruleId"),
                NotificationView.text(draft, "severity"), NotificationView.text(draft, "detectedAt"),
                NotificationView.text(draft, "regulatoryDeadline"), alertStatus, href);
    }
}
