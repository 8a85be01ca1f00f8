package kz.aifc.aml.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.aifc.platform.report.HtmlDocument;

/**
 * The printable renderings of the drafts (Accept: text/html), made from the same maps the JSON answers carry. Every
 * piece of text goes through {@link HtmlDocument}, which escapes it: payload text and MLRO reasons cannot add markup.
 */
public final class DraftHtml {

    static final String BANNER = "DRAFT — review before submission";
    private static final String FOOTER = "Drafted by aml-service from the firm's screened transactions and the MLRO's "
            + "records; check every fact against the firm's records before submission.";
    private static final List<String> LANGUAGES = List.of("ru", "kk", "en");

    private DraftHtml() {
    }

    /** The STR: one full rendering each in Russian, Kazakh and English (facts in English), then the AFSA notice. */
    public static String strDraft(Map<String, Object> d) {
        Map<String, Object> renderings = map(d.get("renderings"));
        String enTitle = String.valueOf(map(renderings.get("en")).get("title"));
        HtmlDocument doc = new HtmlDocument("en", enTitle + " — " + d.get("caseId"), BANNER);
        doc.h1(enTitle + " — " + d.get("caseId"));
        doc.fields(ordered("Case", d.get("caseId"), "Status", d.get("status"), "Legal basis", d.get("legalBasis")));
        doc.list(list(d.get("filingNotes")));
        for (String lang : LANGUAGES) {
            Map<String, Object> r = map(renderings.get(lang));
            Map<String, Object> headings = map(r.get("headings"));
            doc.section(lang).h2(r.get("title"));
            doc.h3(headings.get("reportingSubject")).fields(map(d.get("reportingSubject")));
            doc.h3(headings.get("operations")).table(
                    List.of("Transaction", "Occurred at", "Direction", "Asset", "Amount", "USD", "KZT", "Counterparty"),
                    list(d.get("operations")).stream().map(o -> {
                        Map<String, Object> op = map(o);
                        return Arrays.asList(op.get("transactionId"), op.get("occurredAt"), op.get("direction"),
                                op.get("asset"), op.get("amount"), op.get("amountUsd"), op.get("amountKzt"),
                                op.get("counterparty"));
                    }).toList());
            Map<String, Object> participants = map(d.get("participants"));
            doc.h3(headings.get("participants")).fields(ordered("Customer", participants.get("customer"),
                    "Counterparties", participants.get("counterparties")));
            Map<Object, Object> names = new LinkedHashMap<>();
            list(r.get("indicators")).forEach(i -> names.put(map(i).get("ruleId"), map(i).get("indicator")));
            doc.h3(headings.get("indicators")).table(
                    List.of("Indicator", "Rule", "Citation", "Detected", "Facts", "Transactions"),
                    list(d.get("suspicionIndicators")).stream().map(x -> {
                        Map<String, Object> i = map(x);
                        return Arrays.asList(names.get(i.get("ruleId")), i.get("ruleId"), i.get("citation"),
                                i.get("detectedAt"), i.get("facts"), i.get("transactionIds"));
                    }).toList());
            Object info = d.get("additionalInformation");
            doc.h3(headings.get("additionalInformation")).p(info == null || "".equals(info) ? "—" : info);
            doc.endSection();
        }
        Map<String, Object> notice = map(d.get("afsaNotice"));
        doc.section("en").h2("Notice to AFSA");
        doc.fields(ordered("To", notice.get("to"), "Basis", notice.get("basis"))).p(notice.get("text"));
        doc.endSection();
        doc.p("Signed: ______________________ (MLRO)    Date: ______________");
        return doc.render(FOOTER);
    }

    /** The threshold-transaction reports due on a date. */
    public static String thresholdReports(Map<String, Object> d) {
        String title = "Threshold-transaction reports due on " + d.get("dueOn");
        HtmlDocument doc = new HtmlDocument("en", title + " — " + d.get("firmId"), BANNER).h1(title);
        doc.fields(ordered("Firm", d.get("firmId"), "Due on", d.get("dueOn"), "Legal basis", d.get("legalBasis")));
        doc.list(list(d.get("filingNotes")));
        List<Object> reports = list(d.get("reports"));
        if (reports.isEmpty()) {
            doc.p("No threshold operation falls due on this date.");
        }
        for (Object x : reports) {
            Map<String, Object> r = map(x);
            doc.h2(r.get("alertId")).fields(ordered("Operation", r.get("operation"), "Due by", r.get("dueBy"),
                    "Deadline basis", r.get("deadlineBasis"), "Evidence", r.get("evidence"),
                    "Events", r.get("causedBy")));
        }
        return doc.render(FOOTER);
    }

    /** The annual AML return's figures, what the firm completes, and the caveats. */
    public static String annualReturn(Map<String, Object> d) {
        String title = "Annual AML return: figures for " + d.get("year");
        Map<String, Object> period = map(d.get("period"));
        HtmlDocument doc = new HtmlDocument("en", title + " — " + d.get("firmId"), BANNER).h1(title);
        doc.fields(ordered("Firm", d.get("firmId"),
                "Period", period.get("from") + " to " + period.get("to") + " (" + period.get("zone") + ")",
                "Submit to AFSA by", d.get("dueBy"), "Deadline basis", d.get("dueByBasis"),
                "Legal basis", d.get("legalBasis"), "AmlRulebook", d.get("rulebookVersion")));
        List<List<?>> rows = new ArrayList<>();
        map(d.get("figures")).forEach((key, x) -> {
            Map<String, Object> f = map(x);
            String derivation = String.valueOf(f.get("derivation"));
            if (f.get("byCountry") instanceof Map<?, ?> byCountry && !byCountry.isEmpty()) {
                derivation += " By country: " + HtmlDocument.text(byCountry) + " (lists: "
                        + f.get("listConfidence") + ").";
            }
            rows.add(Arrays.asList(f.get("label"), f.get("value"), f.get("source") + " (" + f.get("confidence") + ")",
                    derivation));
        });
        doc.h2("Figures").table(List.of("Figure", "Value", "Source", "Derivation"), rows);
        doc.h2("To be completed by the firm").table(List.of("Item", "Source"),
                list(d.get("toComplete")).stream().map(x -> Arrays.asList(map(x).get("label"), map(x).get("source")))
                        .toList());
        doc.h2("Notes").list(list(d.get("notes")));
        doc.p("Signed: ______________________ (MLRO)    Date: ______________");
        return doc.render(FOOTER);
    }

    private static Map<String, Object> ordered(Object... labelsAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            out.put((String) labelsAndValues[i], labelsAndValues[i + 1]);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
