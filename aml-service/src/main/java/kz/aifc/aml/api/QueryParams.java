package kz.aifc.aml.api;

import static kz.aifc.platform.api.PlausibleDates.FIRST_YEAR;
import static kz.aifc.platform.api.PlausibleDates.LAST_YEAR;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import kz.aifc.platform.api.ProblemException;

/**
 * Query parameters read strictly: a value that is not a number, not a date or out of its range is a 400 problem naming
 * the parameter (never a 404 from a failed conversion, never a query over an absurd period).
 */
final class QueryParams {

    private QueryParams() {
    }

    /** An optional value that must be one of {@code allowed} (case-sensitive); null when absent. */
    static String oneOf(String name, String value, String... allowed) {
        if (value != null && !List.of(allowed).contains(value)) {
            String last = allowed[allowed.length - 1];
            String rest = String.join(", ", List.of(allowed).subList(0, allowed.length - 1));
            throw ProblemException.badRequest(name, "must be " + (rest.isEmpty() ? last : rest + " or " + last));
        }
        return value;
    }

    /** A whole number from {@code min} to {@code max}; {@code fallback} when absent. */
    static int number(String name, String value, int fallback, int min, int max) {
        return value == null ? fallback
                : within(name, value, "\\d{1,9}", min, max, "must be a whole number from " + min + " to " + max);
    }

    /** A required calendar year YYYY from FIRST_YEAR to LAST_YEAR. */
    static int year(String name, String value) {
        return within(name, value, "\\d{4}", FIRST_YEAR, LAST_YEAR,
                "required, a calendar year YYYY from " + FIRST_YEAR + " to " + LAST_YEAR);
    }

    /** A required date YYYY-MM-DD within the years FIRST_YEAR to LAST_YEAR. */
    static LocalDate date(String name, String value) {
        LocalDate date;
        try {
            date = value == null || !value.matches("\\d{4}-\\d{2}-\\d{2}") ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null || date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw ProblemException.badRequest(name,
                    "required, a date YYYY-MM-DD from " + FIRST_YEAR + "-01-01 to " + LAST_YEAR + "-12-31");
        }
        return date;
    }

    /** {@code value} matching {@code digits} and from {@code min} to {@code max}, or a 400 naming {@code name}. */
    private static int within(String name, String value, String digits, int min, int max, String message) {
        if (value == null || !value.matches(digits) || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            throw ProblemException.badRequest(name, message);
        }
        return Integer.parseInt(value);
    }
}
