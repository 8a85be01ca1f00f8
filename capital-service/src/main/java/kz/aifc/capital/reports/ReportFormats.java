package kz.aifc.capital.reports;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import kz.aifc.platform.time.BusinessCalendar;

/** Formatting for the printable reports in the language they are printed in: grouped amounts, Almaty times. */
@TemplateExtension(namespace = "fmt")
public final class ReportFormats {

    private ReportFormats() {
    }

    /** "240000.00" → "240,000.00" in English, "240 000,00" in Russian and Kazakh; null → "—". */
    public static String money(String plain, @TemplateAttribute("locale") Object locale) {
        if (plain == null) {
            return "—";
        }
        String lang = ReportDocuments.language(locale);
        return String.format("en".equals(lang) ? Locale.ROOT : Locale.forLanguageTag(lang), "%,.2f",
                new BigDecimal(plain));
    }

    /** A time in Almaty, worded by the bundle's time_pattern ("20 Nov 2026, 17:00 Almaty time"); null → "—". */
    public static String almaty(OffsetDateTime time, @TemplateAttribute("locale") Object locale) {
        if (time == null) {
            return "—";
        }
        String lang = ReportDocuments.language(locale);
        DateTimeFormatter format = DateTimeFormatter.ofPattern(ReportDocuments.messages(lang).time_pattern(),
                Locale.forLanguageTag(lang));
        return time.atZoneSameInstant(BusinessCalendar.ALMATY).format(format);
    }

    /** The Almaty date of a time, ISO (as the drafted statements give it). */
    public static String almatyDate(OffsetDateTime time) {
        return time == null ? "—" : time.atZoneSameInstant(BusinessCalendar.ALMATY).toLocalDate().toString();
    }
}
