package kz.aifc.events.codec;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/** Times and dates as the contract spells them: RFC 3339 with an offset, and {@code YYYY-MM-DD}. */
final class Rfc3339 {

    /** Seconds are mandatory and the offset too; RFC 3339 lets {@code T} and {@code Z} be lower case. */
    private static final DateTimeFormatter TIME_PARSER = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(MINUTE_OF_HOUR, 2)
            .appendLiteral(':')
            .appendValue(SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .appendOffset("+HH:MM:ss", "Z")
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private Rfc3339() {
    }

    static OffsetDateTime parseTime(String text) {
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
