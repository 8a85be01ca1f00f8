package kz.aifc.aml.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the printed drafts show, typed for the templates and read from the very maps the JSON answers carry, so the
 * print and the JSON cannot tell different facts. Text stays text: the templates escape it.
 */
public final class DraftViews {

    private DraftViews() {
    }

    /** The STR's facts; each language section words them (StrSection). */
    public record Str(String caseId, String status, String firmId, List<Operation> operations, Customer customer,
            List<Counterparty> counterparties, List<Indicator> indicators, String additionalInformation,
            String customerId, String rules) {

        static Str of(Map<String, Object> d, String customerId, List<String> ruleIds) {
            List<Operation> operations = list(d.get("operations")).stream().map(x -> {
                Map<String, Object> o = map(x);
                Map<String, Object> cp = map(o.get("counterparty"));
                return new Operation(text(o.get("transactionId")), text(o.get("occurredAt")), text(o.get("direction")),
                        text(o.get("asset")), text(o.get("amount")), text(o.get("amountUsd")), text(o.get("amountKzt")),
                        cp.isEmpty() ? null : text(cp.get("name") != null ? cp.get("name") : cp.get("wallet")));
            }).toList();
            Map<String, Object> participants = map(d.get("participants"));
            Map<String, Object> c = map(participants.get("customer"));
            Customer customer = new Customer(text(c.get("id")), text(c.get("type")), text(c.get("residency")),
                    text(c.get("riskRating")), flag(c.get("pep")), flag(c.get("eddCompleted")),
                    flag(c.get("retailClient")), flag(c.get("knowledgeTestPassed")));
            List<Counterparty> counterparties = list(participants.get("counterparties")).stream().map(x -> {
                Map<String, Object> p = map(x);
                return new Counterparty(text(p.get("name")), text(p.get("wallet")), text(p.get("vaspId")),
                        flag(p.get("selfHosted")), flag(p.get("ownershipVerified")),
                        flag(p.get("vaspDueDiligenceCompleted")), text(p.get("jurisdiction")), flag(p.get("offshore")));
            }).toList();
            List<Indicator> indicators = list(d.get("suspicionIndicators")).stream().map(x -> {
                Map<String, Object> i = map(x);
                return new Indicator(text(i.get("ruleId")), text(i.get("citation")), text(i.get("detectedAt")),
                        joined(i.get("facts")), joined(i.get("transactionIds")));
            }).toList();
            String info = text(d.get("additionalInformation"));
            return new Str(text(d.get("caseId")), text(d.get("status")), text(map(d.get("reportingSubject")).get("firmId")),
                    operations, customer, counterparties, indicators, info == null || info.isEmpty() ? null : info,
                    customerId, String.join(", ", ruleIds));
        }
    }

    /** One screened transaction of the case. */
    public record Operation(String transactionId, String occurredAt, String direction, String asset, String amount,
            String amountUsd, String amountKzt, String counterparty) {
    }

    /** The customer as the transaction payload described them (contract Customer). */
    public record Customer(String id, String type, String residency, String riskRating, Boolean pep,
            Boolean eddCompleted, Boolean retailClient, Boolean knowledgeTestPassed) {
    }

    /** The other side of a transfer (contract Counterparty). */
    public record Counterparty(String name, String wallet, String vaspId, Boolean selfHosted, Boolean ownershipVerified,
            Boolean vaspDueDiligenceCompleted, String jurisdiction, Boolean offshore) {
    }

    /** A finding behind the suspicion; its name is the section's (StrSection.names). */
    public record Indicator(String ruleId, String citation, String detectedAt, String facts, String transactionIds) {
    }

    /** One language section of the STR: its lang attribute, its bundle, and the indicators named in it. */
    public record StrSection(String lang, AmlMessages m, List<NamedIndicator> indicators) {
    }

    /** An indicator with its name in the section's language. */
    public record NamedIndicator(String name, Indicator indicator) {
    }

    /** The threshold-transaction reports due on a date. */
    public record Threshold(String firmId, String dueOn, List<ThresholdReport> reports) {

        static Threshold of(Map<String, Object> d) {
            return new Threshold(text(d.get("firmId")), text(d.get("dueOn")), list(d.get("reports")).stream().map(x -> {
                Map<String, Object> r = map(x);
                return new ThresholdReport(text(r.get("alertId")), text(r.get("operation")), text(r.get("dueBy")),
                        text(r.get("deadlineBasis")), entries(r.get("evidence")), joined(r.get("causedBy")));
            }).toList());
        }
    }

    /** One AML-010 operation's report. */
    public record ThresholdReport(String alertId, String operation, String dueBy, String deadlineBasis,
            List<Entry> evidence, String events) {
    }

    /** A named value of evidence; a yes/no value is {@code flag}. */
    public record Entry(String key, String value, Boolean flag) {
    }

    /** The annual AML return's figures. */
    public record Annual(String firmId, String year, String from, String to, String zone, String dueBy,
            String rulebookVersion, List<Figure> figures, List<Item> toComplete, List<Note> notes) {

        static Annual of(Map<String, Object> d) {
            Map<String, Object> period = map(d.get("period"));
            List<Figure> figures = new ArrayList<>();
            map(d.get("figures")).forEach((key, x) -> {
                Map<String, Object> f = map(x);
                Map<String, Object> byCountry = map(f.get("byCountry"));
                figures.add(new Figure(key, text(f.get("label")), text(f.get("value")), text(f.get("source")),
                        text(f.get("confidence")), text(f.get("derivation")),
                        byCountry.isEmpty() ? null : joined(byCountry), text(f.get("listConfidence"))));
            });
            List<Item> items = list(d.get("toComplete")).stream()
                    .map(x -> new Item(text(map(x).get("key")), text(map(x).get("label")), text(map(x).get("source"))))
                    .toList();
            List<Object> noteTexts = list(d.get("notes"));
            List<Note> notes = new ArrayList<>();
            for (int i = 0; i < noteTexts.size(); i++) {
                notes.add(new Note(i, text(noteTexts.get(i))));
            }
            return new Annual(text(d.get("firmId")), text(d.get("year")), text(period.get("from")),
                    text(period.get("to")), text(period.get("zone")), text(d.get("dueBy")),
                    text(d.get("rulebookVersion")), figures, items, notes);
        }
    }

    /** One figure of the return; {@code byCountry} is null when the figure has no breakdown. */
    public record Figure(String key, String label, String value, String source, String confidence, String derivation,
            String byCountry, String listConfidence) {
    }

    /** An item the firm completes. */
    public record Item(String key, String label, String source) {
    }

    /** A note of the return, by its place in the JSON list. */
    public record Note(int index, String text) {
    }

    static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    static Boolean flag(Object value) {
        return value instanceof Boolean b ? b : null;
    }

    /** Lists joined by commas, maps as {@code key: value; …}; null or empty as null. */
    static String joined(Object value) {
        if (value instanceof List<?> items) {
            return items.isEmpty() ? null : items.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (value instanceof Map<?, ?> m) {
            return m.isEmpty() ? null : m.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining("; "));
        }
        return text(value);
    }

    static List<Entry> entries(Object value) {
        return map(value).entrySet().stream()
                .map(e -> new Entry(e.getKey(), e.getValue() instanceof Boolean ? null : joined(e.getValue()),
                        flag(e.getValue())))
                .toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
