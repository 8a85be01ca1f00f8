package kz.aifc.aml.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import kz.aifc.aml.reports.AnnualReturnDraft.AnnualFigure;
import kz.aifc.aml.reports.StrDraft.StrCounterparty;
import kz.aifc.aml.reports.StrDraft.StrCustomer;

/**
 * What the printed drafts show, typed for the templates and read from the very records the JSON answers carry, so
 * the print and the JSON cannot tell different facts. Text stays text: the templates escape it.
 */
public final class DraftViews {

    private DraftViews() {
    }

    /** The STR's facts; each language section words them (StrSection). */
    public record Str(String caseId, String status, String firmId, List<Operation> operations, StrCustomer customer,
            List<StrCounterparty> counterparties, List<Indicator> indicators, String additionalInformation,
            String customerId, String rules, boolean datfOperator) {

        static Str of(StrDraft d, String customerId, List<String> ruleIds) {
            List<Operation> operations = d.operations().stream().map(o -> {
                StrCounterparty cp = o.counterparty();
                return new Operation(o.transactionId(), text(o.occurredAt()), o.direction(), o.asset(), o.amount(),
                        o.amountUsd(), o.amountKzt(), cp == null ? null : cp.name() != null ? cp.name() : cp.wallet());
            }).toList();
            List<Indicator> indicators = d.suspicionIndicators().stream().map(i -> new Indicator(i.ruleId(),
                    i.citation(), text(i.detectedAt()), i.facts(), joined(i.transactionIds()))).toList();
            String info = d.additionalInformation();
            return new Str(d.caseId(), d.status(), d.reportingSubject().firmId(), operations,
                    d.participants().customer(), d.participants().counterparties(), indicators,
                    info == null || info.isEmpty() ? null : info, customerId, String.join(", ", ruleIds),
                    d.afsaNotice().datfOperatorBasis() != null);
        }
    }

    /** One screened transaction of the case. */
    public record Operation(String transactionId, String occurredAt, String direction, String asset, String amount,
            String amountUsd, String amountKzt, String counterparty) {
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

        static Threshold of(ThresholdDraft d) {
            return new Threshold(d.firmId(), text(d.dueOn()), d.reports().stream()
                    .map(r -> new ThresholdReport(r.alertId(), r.operation(), text(r.dueBy()), r.deadlineBasis(),
                            entries(r.evidence()), joined(r.causedBy())))
                    .toList());
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

        static Annual of(AnnualReturnDraft d) {
            AnnualReturnDraft.AnnualFigures f = d.figures();
            List<Figure> figures = List.of(Figure.of("strsFiled", f.strsFiled()),
                    Figure.of("eddClients", f.eddClients()), Figure.of("totalClients", f.totalClients()),
                    Figure.of("clientsFromHighRiskJurisdictions", f.clientsFromHighRiskJurisdictions()));
            List<Item> items = d.toComplete().stream().map(i -> new Item(i.key(), i.label(), i.source())).toList();
            List<Note> notes = new ArrayList<>();
            for (int i = 0; i < d.notes().size(); i++) {
                notes.add(new Note(i, d.notes().get(i)));
            }
            return new Annual(d.firmId(), text(d.year()), text(d.period().from()), text(d.period().to()),
                    d.period().zone(), text(d.dueBy()), d.rulebookVersion(), figures, items, notes);
        }
    }

    /** One figure of the return; {@code byCountry} is null when the figure has no breakdown; a withheld one has no value. */
    public record Figure(String key, String label, String value, String source, String confidence, String derivation,
            String byCountry, String listConfidence, boolean withheld) {

        static Figure of(String key, AnnualFigure f) {
            return new Figure(key, f.label(), text(f.value()), f.source(), f.confidence(), f.derivation(),
                    f.byCountry() == null || f.byCountry().isEmpty() ? null : joined(f.byCountry()),
                    f.listConfidence(), Boolean.TRUE.equals(f.withheld()));
        }
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

    static List<Entry> entries(Map<String, Object> value) {
        return value.entrySet().stream()
                .map(e -> new Entry(e.getKey(), e.getValue() instanceof Boolean ? null : joined(e.getValue()),
                        flag(e.getValue())))
                .toList();
    }
}
