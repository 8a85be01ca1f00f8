package kz.aifc.notification.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import kz.aifc.contract.CloudEvent;
import kz.aifc.platform.api.ProblemException;

/**
 * Query parameters checked before use: filters that accept repeated or comma-separated values from an allowed set or
 * of a shape, whole numbers in a range, and days or date-times; anything else is a 400 naming the parameter (never a
 * 404 or a 500).
 */
final class Filters {

    /** More values than this in one filter is no real query. */
    static final int MAX_VALUES = 100;
    /** Longer than any id of this system. */
    static final int MAX_LENGTH = 100;
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private Filters() {
    }

    static List<String> values(List<String> raw, String field, List<String> allowed) {
        List<String> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        for (String item : raw) {
            for (String part : item.split(",")) {
                String value = part.trim();
                if (value.isEmpty()) {
                    continue;
                }
                if (value.length() > MAX_LENGTH) {
                    throw ProblemException.badRequest(field, "a value longer than " + MAX_LENGTH + " characters");
                }
                if (out.size() == MAX_VALUES) {
                    throw ProblemException.badRequest(field, "more than " + MAX_VALUES + " values");
                }
                if (allowed != null) {
                    value = value.toUpperCase(Locale.ROOT);
                    if (!allowed.contains(value)) {
                        throw ProblemException.badRequest(field, "unknown value '" + part.trim() + "' (expected one of "
                                + String.join(", ", allowed) + ")");
                    }
                }
                out.add(value);
            }
        }
        return out;
    }

    /** A whole number in [min, max], or the default when the parameter is absent. */
    static int number(String raw, String field, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(field, "not a whole number (expected " + min + " to " + max + ")");
        }
        if (value < min || value > max) {
            throw ProblemException.badRequest(field, "out of range (expected " + min + " to " + max + ")");
        }
        return value;
    }

    /** Like {@link #values}, and each value at most once (so a list is never longer than the allowed set). */
    static List<String> distinctValues(List<String> raw, String field, List<String> allowed) {
        List<String> out = values(raw, field, allowed);
        if (out.stream().distinct().count() != out.size()) {
            throw ProblemException.badRequest(field, "a value is repeated (each of " + String.join(", ", allowed)
                    + " at most once)");
        }
        return out;
    }

    /** Like {@link #values}, upper-cased, each matching {@code shape} (a rule id such as CAP-001, say). */
    static List<String> codes(List<String> raw, String field, Pattern shape, String example) {
        List<String> out = new ArrayList<>();
        for (String value : values(raw, field, null)) {
            String code = value.toUpperCase(Locale.ROOT);
            if (!shape.matcher(code).matches()) {
                throw ProblemException.badRequest(field, "'" + value + "' is not of the expected shape (like " + example
                        + ")");
            }
            out.add(code);
        }
        return out;
    }

    /**
     * The start of a time range: a day in Astana time ({@code 2026-12-05}, from its first moment) or an RFC 3339
     * date-time with its offset; null when absent.
     */
    static Instant startOf(String raw, String field) {
        return moment(raw, field, false);
    }

    /**
     * The end of a time range, exclusive: for a day, the first moment of the next (so the day is included); for a
     * date-time, just after it (so that moment is included); null when absent.
     */
    static Instant endOf(String raw, String field) {
        return moment(raw, field, true);
    }

    private static Instant moment(String raw, String field, boolean end) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        String expected = "expected a day like 2026-12-05 (Astana time) or a date-time like 2026-12-05T14:30:00+05:00";
        if (value.length() > 40) {
            throw ProblemException.badRequest(field, expected);
        }
        Instant at;
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                at = (end ? day.plusDays(1) : day).atStartOfDay(CloudEvent.ALMATY).toInstant();
            } else {
                Instant moment = OffsetDateTime.parse(value).toInstant();
                at = end ? moment.plus(1, ChronoUnit.MICROS) : moment;
            }
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, expected);
        }
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw ProblemException.badRequest(field, "out of range (expected a time in the years 1900 to 9999)");
        }
        return at;
    }

    static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
