package kz.aifc.licensing.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.aifc.licensing.reports.NotificationDocuments;

/** JSON body of {@code GET /firms/{firmId}/notifications/{id}}: one drafted AFSA notification and its alert's state. */
@Schema(description = "A drafted AFSA notification, to review before submission")
public record NotificationView(
        @Schema(description = "The alert id, or GEN-6.2.1:firm:person:CHANGE:date for an appointment or departure notice")
        String id,
        @Schema(description = "Always DRAFT: nothing is sent to AFSA from here", examples = "DRAFT") String status,
        @Schema(examples = "DRAFT — review before submission") String banner,
        @Schema(description = "DEPARTURE, APPOINTMENT, UNFITNESS_EVENT, MATERIAL_MATTER, CHANGE_IN_CONTROL …")
        String kind,
        String heading,
        String firmId,
        @Schema(nullable = true) String firmName,
        @Schema(nullable = true) String licenceNumber,
        String addressee,
        String subject,
        @Schema(description = "The FP rule, or GEN-6.2.1 for an appointment or departure notice") String ruleId,
        String rulebookVersion,
        String citation,
        @Schema(description = "Confidence of the rule: verified, secondary or unverified") String confidence,
        @Schema(description = "The alert's severity; null for a notice drafted without an alert", nullable = true)
        String severity,
        @Schema(format = "date-time") String detectedAt,
        @Schema(format = "date-time", nullable = true) String regulatoryDeadline,
        String deadlineBasis,
        @Schema(description = "The facts the finding rests on, named per rule (the alert's evidence)")
        Map<String, Object> facts,
        @Schema(description = "The statement to AFSA, paragraph by paragraph") List<String> statement,
        @Schema(description = "Events that caused the finding (source/id)") List<String> causedBy,
        @Schema(format = "date-time") String draftedAt,
        @Schema(description = "OPEN or RESOLVED (the alert's state), NO_ALERT for a notice drafted without one")
        String alertStatus,
        @Schema(description = "The facts as the printed notice shows them: labelled and formatted in the language "
                + "asked for (lang, else Accept-Language, else English), without internal ids or empty fields; "
                + "`facts` keeps the raw values")
        List<NotificationDocuments.Fact> labelledFacts) {

    /** The stored draft document (as reports/NotificationDrafts writes it) with the alert's current state. */
    @SuppressWarnings("unchecked")
    static NotificationView of(Map<String, Object> d, Locale locale) {
        return new NotificationView(text(d, "id"), text(d, "status"), text(d, "banner"), text(d, "kind"),
                text(d, "heading"), text(d, "firmId"), text(d, "firmName"), text(d, "licenceNumber"),
                text(d, "addressee"), text(d, "subject"), text(d, "ruleId"), text(d, "rulebookVersion"),
                text(d, "citation"), text(d, "confidence"), text(d, "severity"), text(d, "detectedAt"),
                text(d, "regulatoryDeadline"), text(d, "deadlineBasis"),
                d.get("facts") instanceof Map<?, ?> facts ? (Map<String, Object>) facts : Map.of(),
                texts(d, "statement"), texts(d, "causedBy"), text(d, "draftedAt"), text(d, "alertStatus"),
                NotificationDocuments.facts(d, locale));
    }

    static String text(Map<String, Object> d, String key) {
        Object value = d.get(key);
        return value == null ? null : value.toString();
    }

    private static List<String> texts(Map<String, Object> d, String key) {
        return d.get(key) instanceof List<?> values ? values.stream().map(String::valueOf).toList() : List.of();
    }
}
