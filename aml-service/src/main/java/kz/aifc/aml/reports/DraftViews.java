package kz.aifc.aml.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import kz.aifc.aml.cases.Cases.CaseView;
import kz.aifc.aml.reports.AnnualReturnDraft.AnnualFigure;
import kz.aifc.platform.report.DraftFacts.Fact;
import kz.aifc.platform.report.DraftFormat;
import kz.aifc.platform.report.DraftLabels;

/**
 * What the printed drafts show, typed for the templates and read from the very records the JSON answers carry, so
 * the print and the JSON cannot tell different facts. Values are worded for people in the document's language (the
 * platform's DraftFormat: Astana times, grouped amounts, yes/no); internal ids stay out. Text stays text: the
 * templates escape it.
 */
public final class DraftViews {

    private DraftViews() {
    }

    /** The STR's front matter, worded in the document's language; each language section prints its rendering. */
    public record Str(String firmId, String status, String decidedAt, String additionalInformation,
            boolean datfOperator, List<String> citations) {

        static Str of(CaseView c, StrDraft d, Locale locale) {
            String info = d.additionalInformation();
            return new Str(d.reportingSubject().firmId(), d.status(), DraftFormat.dateTime(c.decidedAt(), locale),
                    info == null || info.isEmpty() ? null : info, d.afsaNotice().datfOperatorBasis() != null,
                    d.suspicionIndicators().stream().map(StrDraft.SuspicionIndicator::citation).toList());
        }
    }

    /** One language section of the STR: its lang attribute, its bundle, and the JSON's rendering in that language. */
    public record StrSection(String lang, AmlMessages m, StrDraft.StrRendering r) {
    }

    /** The threshold-transaction reports due on a date. */
    public record Threshold(String firmId, String dueOn, List<ThresholdReport> reports) {

        static Threshold of(ThresholdDraft d, Locale locale) {
            List<ThresholdReport> reports = new ArrayList<>();
            // The deadline's basis is recorded in English: the Russian and Kazakh prints rest on their legal basis.
            boolean english = "en".equals(DraftFormat.language(locale));
            for (ThresholdDraft.ThresholdOperation r : d.reports()) {
                reports.add(new ThresholdReport(reports.size() + 1, english ? r.deadlineBasis() : null,
                        r.labelledFacts()));
            }
            return new Threshold(d.firmId(), DraftFormat.date(d.dueOn(), locale), reports);
        }
    }

    /** One AML-010 operation's report, numbered in the document; its facts labelled in the document's language. */
    public record ThresholdReport(int number, String deadlineBasis, List<Fact> facts) {
    }

    /** The annual AML return's figures. */
    public record Annual(String firmId, String year, String from, String to, String zone, String dueBy,
            String rulebookVersion, List<Figure> figures, List<Item> toComplete, List<Note> notes) {

        static Annual of(AnnualReturnDraft d, Locale locale) {
            AnnualReturnDraft.AnnualFigures f = d.figures();
            List<Figure> figures = List.of(Figure.of("strsFiled", f.strsFiled(), locale),
                    Figure.of("eddClients", f.eddClients(), locale),
                    Figure.of("totalClients", f.totalClients(), locale),
                    Figure.of("clientsFromHighRiskJurisdictions", f.clientsFromHighRiskJurisdictions(), locale));
            List<Item> items = d.toComplete().stream().map(i -> new Item(i.key(), i.label(), i.source())).toList();
            List<Note> notes = new ArrayList<>();
            for (int i = 0; i < d.notes().size(); i++) {
                notes.add(new Note(i, d.notes().get(i)));
            }
            return new Annual(d.firmId(), String.valueOf(d.year()), date(d.period().from(), locale),
                    date(d.period().to(), locale), DraftLabels.shared(locale).require("astana_time"),
                    date(d.dueBy(), locale), d.rulebookVersion(), figures, items, notes);
        }
    }

    /** One figure of the return; {@code byCountry} is null when the figure has no breakdown; a withheld one has no value. */
    public record Figure(String key, String label, String value, String source, String confidence, String derivation,
            String byCountry, String listConfidence, boolean withheld) {

        static Figure of(String key, AnnualFigure f, Locale locale) {
            return new Figure(key, f.label(), f.value() == null ? null : DraftFormat.number(f.value(), 0, locale),
                    f.source(), f.confidence(), f.derivation(), countries(f.byCountry(), locale), f.listConfidence(),
                    Boolean.TRUE.equals(f.withheld()));
        }
    }

    /** An item the firm completes. */
    public record Item(String key, String label, String source) {
    }

    /** A note of the return, by its place in the JSON list. */
    public record Note(int index, String text) {
    }

    private static String date(LocalDate date, Locale locale) {
        return DraftFormat.date(date, locale);
    }

    /** "Iran (IR): 1, …" in the document's language; null when there is no breakdown. */
    private static String countries(Map<String, Long> counts, Locale locale) {
        if (counts == null || counts.isEmpty()) {
            return null;
        }
        return counts.entrySet().stream()
                .map(e -> DraftFormat.country(e.getKey(), locale) + ": " + DraftFormat.number(e.getValue(), 0, locale))
                .collect(Collectors.joining(", "));
    }
}
