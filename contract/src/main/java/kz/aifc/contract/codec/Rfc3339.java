package kz.aifc.contract.codec;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/** Times and dates as the contract spells them: RFC 3339 with an offset, and {@code YYYY-MM-DD}. */
final class Rfc3339 {

    /**
     * RFC 3339 {@code date-time}, where {@code T} and {@code Z} may be lower case, and one liberal reading: the
     * seconds may be left out on a whole minute ({@code 2026-12-05T14:20+05:00}), as Java's
     * {@code OffsetDateTime.toString()} and ISO 8601 write it; it means second zero, so no meaning is lost. The
     * offset is always required (contract/README.md, "Times").
     */
    private static final DateTimeFormatter TIME_PARSER = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalEnd()
            .appendOffset("+HH:MM:ss", "Z")
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private Rfc3339() {
    }

    static OffsetDateTime parseTime(String text) {
        OffsetDateTime fast = parseCommon(text);
        return fast != null ? fast : parseWithFormatter(text);
    }

    /** The formatter alone: what {@link #parseTime} answers for every text, and the errors it gives. */
    static OffsetDateTime parseWithFormatter(String text) {
        try {
            return OffsetDateTime.parse(text, TIME_PARSER);
        } catch (DateTimeParseException e) {
            if (lacksOffset(text)) {
                throw new IllegalArgumentException("time has no offset (" + Texts.quote(text)
                        + "); RFC 3339 requires one, e.g. 2026-11-20T17:00:00+05:00 or ...Z");
            }
            throw new IllegalArgumentException("not an RFC 3339 time with an offset (" + Texts.quote(text)
                    + "), e.g. 2026-11-20T17:00:00+05:00");
        }
    }

    /**
     * The spelling nearly every event uses, {@code YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM[:SS])}, read by position:
     * the formatter costs a few microseconds and a dozen objects a time, and an event carries several. Answers null for
     * anything else, valid or not (and for a value out of range), which then goes to the formatter: it alone decides
     * what is rejected and how the error reads.
     */
    static OffsetDateTime parseCommon(String text) {
        int n = text.length();
        if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || (text.charAt(10) | 0x20) != 't'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nano = 0;
        if (text.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(text.charAt(i))) {
                nano = nano * 10 + (text.charAt(i++) - '0');
            }
            int count = i - start;
            if (count == 0 || i < n && isDigit(text.charAt(i))) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nano *= 10;
            }
        }
        if (i >= n) {
            return null;
        }
        int offsetSeconds;
        char sign = text.charAt(i);
        if ((sign | 0x20) == 'z' && i + 1 == n) {
            offsetSeconds = 0;
        } else if ((sign == '+' || sign == '-') && (n == i + 6 || n == i + 9) && text.charAt(i + 3) == ':'
                && (n == i + 6 || text.charAt(i + 6) == ':')) {
            int oh = digits(text, i + 1, 2);
            int om = digits(text, i + 4, 2);
            int os = n == i + 9 ? digits(text, i + 7, 2) : 0;
            if ((oh | om | os) < 0 || om > 59 || os > 59) {
                return null;
            }
            offsetSeconds = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60 + os);
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal value of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date in YYYY-MM-DD form (" + Texts.quote(text) + ")");
        }
    }

    /** ISO_OFFSET_DATE_TIME always writes seconds, which {@link OffsetDateTime#toString()} drops when zero. */
    static String format(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    static String format(LocalDate date) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
    }

    private static boolean lacksOffset(String text) {
        try {
            LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
