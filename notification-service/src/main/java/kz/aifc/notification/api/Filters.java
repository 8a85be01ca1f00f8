package kz.aifc.notification.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import kz.aifc.platform.api.ProblemException;

/**
 * Query parameters checked before use: filters that accept repeated or comma-separated values from an allowed set,
 * and whole numbers in a range; anything else is a 400 naming the parameter (never a 404 or a 500).
 */
final class Filters {

    /** More values than this in one filter is no real query. */
    static final int MAX_VALUES = 100;
    /** Longer than any id of this system. */
    static final int MAX_LENGTH = 100;

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

    static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
