package kz.aifc.capital.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import kz.aifc.platform.report.DraftFormat;
import kz.aifc.platform.report.DraftLabels;

/**
 * Formatting for the printable reports in the language they are printed in (kz.aifc.platform.report.DraftFormat):
 * grouped amounts, Astana times with the month in words, percentages.
 */
@TemplateExtension(namespace = "fmt")
public final class ReportFormats {

    private ReportFormats() {
    }

    /** "240000.00" → "240,000.00" in English, "240 000,00" in Russian and Kazakh; null → "—". */
    public static String money(String plain, @TemplateAttribute("locale") Object locale) {
        return plain == null ? "—" : DraftFormat.number(plain, 2, locale);
    }

    /** "USD 240,000.00" in English, "240 000,00 USD" in Russian and Kazakh; null → "—". */
    public static String amount(String plain, String currency, @TemplateAttribute("locale") Object locale) {
        return plain == null ? "—" : DraftFormat.amount(plain, currency, locale);
    }

    /** "-4.00%" / "-4,00 %"; null → "—". */
    public static String percent(String plain, @TemplateAttribute("locale") Object locale) {
        return plain == null ? "—" : DraftFormat.percent(plain, locale);
    }

    /** A time in Astana time: "20 November 2026, 17:00 Astana time"; null → "—". */
    public static String almaty(OffsetDateTime time, @TemplateAttribute("locale") Object locale) {
        if (time == null) {
            return "—";
        }
        return DraftFormat.dateTime(time, locale) + " " + DraftLabels.shared(locale).require("astana_time");
    }

    /** The Astana date of a time, worded ("20 November 2026"). */
    public static String almatyDate(OffsetDateTime time, @TemplateAttribute("locale") Object locale) {
        return time == null ? "—" : DraftFormat.dateOf(time, locale);
    }

    /** A date, worded ("31 January 2027"). */
    public static String date(LocalDate date, @TemplateAttribute("locale") Object locale) {
        return date == null ? "—" : DraftFormat.date(date, locale);
    }

    /** Recorded text (an alert's detail) with its ISO times worded in Astana time; null → "—". */
    public static String times(String text, @TemplateAttribute("locale") Object locale) {
        return text == null ? "—" : DraftFormat.withTimes(text, locale);
    }
}
