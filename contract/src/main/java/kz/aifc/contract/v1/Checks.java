package kz.aifc.contract.v1;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Contract checks shared by the payload records, so decoding and in-process construction reject the same things. */
final class Checks {

    static final String MISSING = "required field is missing or null";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Checks() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidPayloadException(field, MISSING);
        }
        return value;
    }

    static String text(String value, String field) {
        present(value, field);
        if (value.isBlank()) {
            throw new InvalidPayloadException(field, "must not be blank");
        }
        return value;
    }

    static BigDecimal amount(BigDecimal value, String field) {
        return optionalAmount(present(value, field), field);
    }

    static BigDecimal optionalAmount(BigDecimal value, String field) {
        if (value != null && value.signum() < 0) {
            throw new InvalidPayloadException(field, "must not be negative (was " + value.toPlainString() + ")");
        }
        return value;
    }

    static BigDecimal percentage(BigDecimal value, String field) {
        present(value, field);
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw new InvalidPayloadException(field, "must be between 0 and 100 (was " + value.toPlainString() + ")");
        }
        return value;
    }

    static Integer between(Integer value, int min, int max, String field) {
        present(value, field);
        if (value < min || value > max) {
            throw new InvalidPayloadException(field,
                    "must be between " + min + " and " + max + " (was " + value + ")");
        }
        return value;
    }

    /** ISO 3166-1 alpha-2: the AML rules match jurisdictions against lists keyed this way. */
    static String optionalCountry(String value, String field) {
        if (value == null) {
            return null;
        }
        if (value.length() != 2 || !isUpper(value.charAt(0)) || !isUpper(value.charAt(1))) {
            throw new InvalidPayloadException(field,
                    "must be an ISO 3166-1 alpha-2 country code such as KZ (was '" + value + "')");
        }
        return value;
    }

    static String country(String value, String field) {
        return optionalCountry(present(value, field), field);
    }

    static <T> List<T> list(List<T> value, String field) {
        present(value, field);
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) == null) {
                throw new InvalidPayloadException(field + "[" + i + "]", "must not be null");
            }
        }
        return List.copyOf(value);
    }

    static <T> List<T> listOrEmpty(List<T> value, String field) {
        return value == null ? List.of() : list(value, field);
    }

    static Map<String, String> stringMapOrEmpty(Map<String, String> value, String field) {
        if (value == null) {
            return Map.of();
        }
        for (Map.Entry<String, String> e : value.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new InvalidPayloadException(field + "." + e.getKey(), "must not be null");
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(value));
    }

    /** Evidence values may legitimately be JSON null, which {@link Map#copyOf} would refuse. */
    static Map<String, Object> objectMapOrEmpty(Map<String, Object> value) {
        return value == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(value));
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
