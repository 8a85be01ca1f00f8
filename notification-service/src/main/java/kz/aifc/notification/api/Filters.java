package kz.aifc.notification.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import kz.aifc.platform.api.ProblemException;

/** Query filters that accept repeated or comma-separated values, checked against their allowed set. */
final class Filters {

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
