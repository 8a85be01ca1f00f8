package kz.aifc.capital.reports;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;
import kz.aifc.platform.time.BusinessCalendar;

/** Formatting for the printable reports: grouped amounts, Almaty times. */
@TemplateExtension(namespace = "fmt")
public final class ReportFormats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'Almaty time'",
            Locale.ENGLISH);

    private ReportFormats() {
    }

    /** "240000.00" → "240,000.00"; null → "—". */
    public static String money(String plain) {
        if (plain == null) {
            return "—";
        }
        return String.format(Locale.ROOT, "%,.2f", new BigDecimal(plain));
    }

    public static String almaty(OffsetDateTime time) {
        return time == null ? "—" : time.atZoneSameInstant(BusinessCalendar.ALMATY).format(TIME);
    }
}
