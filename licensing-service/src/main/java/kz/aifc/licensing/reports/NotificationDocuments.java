package kz.aifc.licensing.reports;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import kz.aifc.platform.report.DraftFacts;
import kz.aifc.platform.report.DraftFormat;
import kz.aifc.platform.report.DraftLabels;

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

    /** What the printed notification shows, read from the stored draft (plus its alertStatus), times worded. */
    public record Notification(String id, String kind, String heading, String firmId, String firmName,
            String licenceNumber, String subject, String ruleId, String rulebookVersion, String citation,
            String severity, String detectedAt, String regulatoryDeadline, String deadlineBasis, String alertStatus,
            List<String> statement, List<Fact> facts, String draftedAt) {

        static Notification of(Map<String, Object> d, Locale locale) {
            List<String> statement = d.get("statement") instanceof List<?> paragraphs
                    ? paragraphs.stream().map(p -> DraftFormat.withTimes(String.valueOf(p), locale)).toList() : List.of();
            String astana = " " + DraftLabels.shared(locale).require("astana_time");
            return new Notification(text(d.get("id")), text(d.get("kind")), text(d.get("heading")),
                    text(d.get("firmId")), text(d.get("firmName")), text(d.get("licenceNumber")),
                    text(d.get("subject")), text(d.get("ruleId")), text(d.get("rulebookVersion")),
                    text(d.get("citation")), text(d.get("severity")), time(d.get("detectedAt"), locale, astana),
                    time(d.get("regulatoryDeadline"), locale, astana), text(d.get("deadlineBasis")),
                    text(d.get("alertStatus")), statement, NotificationDocuments.facts(d, locale), time(d.get("draftedAt"), locale, astana));
        }
    }

    /** The labels of the drafts' facts per language (kz/aifc/licensing/reports/FactLabels*.properties). */
    public static final String FACT_LABELS = "kz.aifc.licensing.reports.FactLabels";

    /** A fact of the draft as printed: its label and formatted value in the draft's language. */
    public record Fact(String label, String text) {
    }

    /** The draft's facts as an officer reads them: labelled, formatted, without ids, empty fields or repeats. */
    public static List<Fact> facts(Map<String, Object> draft, Locale locale) {
        if (!(draft.get("facts") instanceof Map<?, ?> raw)) {
            return List.of();
        }
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        raw.forEach((k, v) -> fields.put(String.valueOf(k), v));
        return DraftFacts.of(fields, DraftLabels.of(FACT_LABELS, locale)).stream()
                .map(f -> new Fact(f.label(), f.text())).toList();
    }

    public String render(Map<String, Object> draft, Locale locale) {
        return Templates.notification(Notification.of(draft, locale)).setLocale(locale).render();
    }

    private static String time(Object iso, Locale locale, String zone) {
        String text = DraftFormat.dateTimeText(text(iso), locale);
        return text == null ? null : text + zone;
    }

    private static String text(Object value) {
        if (value instanceof List<?> items) {
            return items.isEmpty() ? null : String.join(", ", items.stream().map(String::valueOf).toList());
        }
        return value == null ? null : String.valueOf(value);
    }
}
