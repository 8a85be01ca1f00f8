package kz.aifc.platform.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The facts of a draft as an officer reads them: each field of a machine map (an alert's evidence) labelled in the
 * draft's language and its value formatted by its kind ({@code key.kind} in the labels bundle):
 * <ul>
 * <li>{@code datetime} — an ISO time, printed in Astana time; {@code date} — an ISO date;</li>
 * <li>{@code amount:USD} — an amount in a fixed currency; {@code amount:@currency} — in the currency another field
 * names; {@code quantity:@asset} — an asset's amount at its own precision; {@code number}; {@code percent} — a value already in percent; {@code duration} — an ISO duration; {@code days} — "10 business days";</li>
 * <li>{@code yesno}; {@code code} — a coded value (or several, comma-separated) worded by {@code value.CODE};
 * {@code country} — an ISO 3166 code, the country named in the language;</li>
 * <li>{@code hidden} — an internal id, left out; anything else is printed as text.</li>
 * </ul>
 * A field with no label, no value, or an empty value is left out; list items print once each; a fact that repeats an
 * earlier one (same label and text) is left out. The machine map itself is not changed.
 */
public final class DraftFacts {

    private DraftFacts() {
    }

    /** One printed fact: the machine key, its label and its formatted value. */
    public record Fact(String key, String label, String text) {
    }

    public static List<Fact> of(Map<String, ?> fields, DraftLabels labels) {
        List<Fact> out = new ArrayList<>();
        if (fields == null) {
            return out;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            String key = field.getKey();
            String label = labels.label(key);
            String kind = Objects.requireNonNullElse(labels.label(key + ".kind"), "text");
            if (label == null || "hidden".equals(kind)) {
                continue;
            }
            String text = format(field.getValue(), kind, fields, labels);
            if (text == null || text.isBlank() || !seen.add(label + "\u0000" + text)) {
                continue;
            }
            out.add(new Fact(key, label, text));
        }
        return out;
    }

    /** One value printed by its kind; a list prints each distinct item once, separated by commas. */
    public static String format(Object value, String kind, Map<String, ?> fields, DraftLabels labels) {
        if (value instanceof Collection<?> items) {
            Set<String> texts = new LinkedHashSet<>();
            for (Object item : items) {
                String text = format(item, kind, fields, labels);
                if (text != null && !text.isBlank()) {
                    texts.add(text);
                }
            }
            return texts.isEmpty() ? null : String.join(", ", texts);
        }
        if (value == null || value instanceof Map<?, ?>) {
            return null;
        }
        Object lang = labels.locale();
        String text = String.valueOf(value);
        if (value instanceof Boolean b) {
            return DraftFormat.yesNo(b, lang);
        }
        if (kind.startsWith("amount:") || kind.startsWith("quantity:")) {
            String currency = kind.substring(kind.indexOf(':') + 1);
            if (currency.startsWith("@")) {
                Object named = fields.get(currency.substring(1));
                currency = named == null ? null : String.valueOf(named);
            }
            return kind.startsWith("amount:") ? DraftFormat.amount(text, currency, lang)
                    : DraftFormat.quantity(text, currency, lang);
        }
        return switch (kind) {
            case "datetime", "date" -> DraftFormat.dateTimeText(text, lang);
            case "duration" -> DraftFormat.duration(text, lang);
            case "days" -> DraftFormat.days(text, lang);
            case "number" -> DraftFormat.number(text, text.contains(".") ? 2 : 0, lang);
            case "percent" -> DraftFormat.percent(text, lang);
            case "yesno" -> DraftFormat.yesNo(Boolean.valueOf(text), lang);
            case "country" -> DraftFormat.country(text, lang);
            case "code" -> text.contains(", ") ? format(List.of(text.split(", ")), kind, fields, labels)
                    : labels.value(text);
            default -> text;
        };
    }
}
