package kz.aifc.licensing.reports;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A drafted notification in print (Accept: text/html): the Qute template templates/NotificationDocuments, worded by
 * NotificationMessages in the language asked for, over a typed view of the JSON draft. Qute escapes every value.
 */
@ApplicationScoped
public class NotificationDocuments {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notification(Notification n);
    }

    /** What the printed notification shows, read from the stored draft (plus its alertStatus). */
    public record Notification(String id, String kind, String heading, String firmId, String firmName,
            String licenceNumber, String subject, String ruleId, String rulebookVersion, String citation,
            String severity, String detectedAt, String regulatoryDeadline, String deadlineBasis, String alertStatus,
            List<String> statement, List<Fact> facts, String draftedAt) {

        static Notification of(Map<String, Object> d) {
            List<String> statement = d.get("statement") instanceof List<?> paragraphs
                    ? paragraphs.stream().map(String::valueOf).toList() : List.of();
            List<Fact> facts = d.get("facts") instanceof Map<?, ?> m ? m.entrySet().stream()
                    .map(e -> new Fact(String.valueOf(e.getKey()),
                            e.getValue() instanceof Boolean ? null : text(e.getValue()),
                            e.getValue() instanceof Boolean b ? b : null))
                    .toList() : List.of();
            return new Notification(text(d.get("id")), text(d.get("kind")), text(d.get("heading")),
                    text(d.get("firmId")), text(d.get("firmName")), text(d.get("licenceNumber")),
                    text(d.get("subject")), text(d.get("ruleId")), text(d.get("rulebookVersion")),
                    text(d.get("citation")), text(d.get("severity")), text(d.get("detectedAt")),
                    text(d.get("regulatoryDeadline")), text(d.get("deadlineBasis")), text(d.get("alertStatus")),
                    statement, facts, text(d.get("draftedAt")));
        }
    }

    /** A fact of the draft; a yes/no value is {@code flag}. */
    public record Fact(String key, String value, Boolean flag) {
    }

    public String render(Map<String, Object> draft, Locale locale) {
        return Templates.notification(Notification.of(draft)).setLocale(locale).render();
    }

    private static String text(Object value) {
        if (value instanceof List<?> items) {
            return items.isEmpty() ? null : String.join(", ", items.stream().map(String::valueOf).toList());
        }
        return value == null ? null : String.valueOf(value);
    }
}
