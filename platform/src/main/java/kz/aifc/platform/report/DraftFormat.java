package kz.aifc.platform.report;

import java.math.BigDecimal;
import java.text.DateFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.aifc.platform.time.BusinessCalendar;

/**
 * How a draft prints a value for people, in its language (en, ru or kk): times in Astana time (Asia/Almaty) with the
 * month in words, amounts with their currency and grouped digits, percentages with a percent sign, yes/no in words.
 * Kazakh dates come from the JDK's CLDR data for {@code kk} ("2026 ж. 5 желтоқсан"); a JDK without it gets ISO dates.
 */
public final class DraftFormat {

    private static final Locale KAZAKH = Locale.forLanguageTag("kk");
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");
    private static final Pattern DAYS = Pattern.compile("(\\d+) (business|calendar) days?");
    private static final Pattern ISO_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2})");
    private static final boolean KAZAKH_DATES = Arrays.asList(DateFormatSymbols.getAvailableLocales()).contains(KAZAKH);

    private DraftFormat() {
    }

    /** ru or kk for a Russian or Kazakh locale (a Locale or a language tag), else en. */
    public static String language(Object locale) {
        String lang = locale instanceof Locale l ? l.getLanguage()
                : locale == null ? "en" : Locale.forLanguageTag(locale.toString()).getLanguage();
        return "ru".equals(lang) || "kk".equals(lang) ? lang : "en";
    }

    /** The locale of a language as {@link #language} names it. */
    public static Locale locale(Object locale) {
        return switch (language(locale)) {
            case "ru" -> RUSSIAN;
            case "kk" -> KAZAKH;
            default -> Locale.ENGLISH;
        };
    }

    /** "5 December 2026" / "5 декабря 2026 г." / "2026 ж. 5 желтоқсан"; null → null. */
    public static String date(LocalDate date, Object locale) {
        if (date == null) {
            return null;
        }
        return dateFormat(locale).format(date);
    }

    /** The time in Astana: "5 December 2026, 14:58" / "5 декабря 2026 г., 14:58" / "2026 ж. 5 желтоқсан, 14:58". */
    public static String dateTime(TemporalAccessor time, Object locale) {
        ZonedDateTime astana = astana(time);
        return astana == null ? null : dateFormat(locale).format(astana) + ", " + HOURS.format(astana);
    }

    /** The Astana date of a time, worded as {@link #date}. */
    public static String dateOf(TemporalAccessor time, Object locale) {
        ZonedDateTime astana = astana(time);
        return astana == null ? null : date(astana.toLocalDate(), locale);
    }

    /** An ISO date-time or date as text ("2026-12-05T14:58:28.100+05:00", "2026-12-05"), worded; other text as is. */
    public static String dateTimeText(String iso, Object locale) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return dateTime(OffsetDateTime.parse(iso), locale);
        } catch (DateTimeParseException notOffset) {
            try {
                return date(LocalDate.parse(iso), locale);
            } catch (DateTimeParseException notDate) {
                return iso;
            }
        }
    }

    /**
     * Text recorded with ISO times in it (an alert's detail: "… as of 2026-12-05T14:58:28.100+05:00.") with each time
     * worded in Astana time ("… as of 5 December 2026, 14:58."); the rest as is; null → null.
     */
    public static String withTimes(String text, Object locale) {
        if (text == null) {
            return null;
        }
        return ISO_TIME.matcher(text).replaceAll(m -> Matcher.quoteReplacement(dateTimeText(m.group(), locale)));
    }

    /** "USD 250,000.00" in English, "250 000,00 USD" in Russian and Kazakh; a plain decimal in, null → null. */
    public static String amount(Object plain, String currency, Object locale) {
        String number = number(plain, 2, locale);
        if (number == null || currency == null || currency.isBlank()) {
            return number;
        }
        return "en".equals(language(locale)) ? currency + " " + number : number + "\u00a0" + currency;
    }

    /**
     * An amount of an asset at its own precision ("USDT 950.00", "BTC 0.12345678"; "0,12345678 BTC" in Russian and
     * Kazakh): as {@link #amount}, with at least two decimals and never fewer than the amount carries.
     */
    public static String quantity(Object plain, String unit, Object locale) {
        BigDecimal value = decimal(plain);
        String number = value == null ? number(plain, 2, locale)
                : number(value, Math.max(2, value.stripTrailingZeros().scale()), locale);
        if (number == null || unit == null || unit.isBlank()) {
            return number;
        }
        return "en".equals(language(locale)) ? unit + " " + number : number + "\u00a0" + unit;
    }

    /** A decimal with grouped digits in the language ("250,000.00" / "250 000,00"); not a number → as is. */
    public static String number(Object plain, int scale, Object locale) {
        BigDecimal value = decimal(plain);
        if (value == null) {
            return plain == null ? null : String.valueOf(plain);
        }
        return String.format(locale(locale), "%,." + scale + "f", value);
    }

    /** "96.00%" in English, "96,00 %" in Russian and Kazakh; the value is already a percentage. */
    public static String percent(Object plain, Object locale) {
        BigDecimal value = decimal(plain);
        if (value == null) {
            return plain == null ? null : String.valueOf(plain);
        }
        String number = String.format(locale(locale), "%,." + Math.max(0, Math.min(value.scale(), 2)) + "f", value);
        return "en".equals(language(locale)) ? number + "%" : number + "\u00a0%";
    }

    /** An ISO duration ("PT36H30M", "P2D") in days, hours and minutes of the language ("1 d 12 h 30 min"); else as is. */
    public static String duration(String iso, Object locale) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        Duration d;
        try {
            d = Duration.parse(iso);
        } catch (DateTimeParseException notDuration) {
            return iso;
        }
        String[] units = switch (language(locale)) {
            case "ru" -> new String[] { "дн.", "ч", "мин" };
            case "kk" -> new String[] { "тәу.", "сағ", "мин" };
            default -> new String[] { "d", "h", "min" };
        };
        long[] parts = { d.toDays(), d.toHoursPart(), d.toMinutesPart() };
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] != 0) {
                out.append(out.isEmpty() ? "" : " ").append(parts[i]).append('\u00a0').append(units[i]);
            }
        }
        return out.isEmpty() ? "0\u00a0" + units[2] : out.toString();
    }

    /** A period as "10 business days" / "30 calendar days" words it, in the language; other text as is. */
    public static String days(String period, Object locale) {
        Matcher m = period == null ? null : DAYS.matcher(period.strip());
        if (m == null || !m.matches()) {
            return period;
        }
        long n = Long.parseLong(m.group(1));
        boolean business = "business".equals(m.group(2));
        return switch (language(locale)) {
            case "ru" -> n + (business ? " рабоч" + ruPlural(n, "ий день", "их дня", "их дней")
                    : " календарн" + ruPlural(n, "ый день", "ых дня", "ых дней"));
            case "kk" -> n + (business ? " жұмыс күні" : " күнтізбелік күн");
            default -> n + (business ? " business" : " calendar") + (n == 1 ? " day" : " days");
        };
    }

    private static String ruPlural(long n, String one, String few, String many) {
        long tens = n % 100;
        long units = n % 10;
        if (tens >= 11 && tens <= 14) {
            return many;
        }
        return units == 1 ? one : units >= 2 && units <= 4 ? few : many;
    }

    /**
     * A country by its ISO 3166 alpha-2 code, named in the language with the code beside it ("Kazakhstan (KZ)",
     * "Казахстан (KZ)"); a code the JDK does not name, or other text, as is.
     */
    public static String country(String code, Object locale) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String iso = code.strip();
        if (!iso.matches("[A-Z]{2}")) {
            return iso;
        }
        String name = new Locale("", iso).getDisplayCountry(locale(locale));
        return name.isBlank() || name.equals(iso) ? iso : name + " (" + iso + ")";
    }

    /** yes/no, да/нет, иә/жоқ; null → null. */
    public static String yesNo(Boolean value, Object locale) {
        if (value == null) {
            return null;
        }
        return switch (language(locale)) {
            case "ru" -> value ? "да" : "нет";
            case "kk" -> value ? "иә" : "жоқ";
            default -> value ? "yes" : "no";
        };
    }

    private static DateTimeFormatter dateFormat(Object locale) {
        return switch (language(locale)) {
            case "ru" -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(RUSSIAN);
            case "kk" -> KAZAKH_DATES ? DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(KAZAKH)
                    : DateTimeFormatter.ISO_LOCAL_DATE;
            default -> DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
        };
    }

    private static ZonedDateTime astana(TemporalAccessor time) {
        if (time == null) {
            return null;
        }
        Instant instant = Instant.from(time);
        return instant.atZone(BusinessCalendar.ALMATY);
    }

    private static BigDecimal decimal(Object plain) {
        if (plain instanceof BigDecimal d) {
            return d;
        }
        if (plain instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (plain == null) {
            return null;
        }
        try {
            return new BigDecimal(plain.toString().strip());
        } catch (NumberFormatException notNumber) {
            return null;
        }
    }
}
