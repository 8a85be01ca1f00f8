package kz.aifc.platform.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule's parameters, read typed. Each is a plain JSON value or {@code {"value": …, "confidence": …, "source": …,
 * "unit": …}}; a missing or malformed one fails with its path ({@code rules[CAP-002].parameters.bufferPercent}), so a
 * rulebook that cannot be applied never runs with a silent default.
 */
public final class Parameters {

    /** One parameter as the rulebook states it. */
    public record Parameter(JsonNode value, Confidence confidence, String source, String unit) {
    }

    private final String where;
    private final Map<String, Parameter> byName;

    Parameters(String where, Map<String, Parameter> byName) {
        this.where = where;
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    static Parameters read(JsonNode node, String where) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        if (node != null && !node.isMissingNode() && !node.isNull()) {
            if (!node.isObject()) {
                throw new RulebookException(where + " must be an object of named parameters");
            }
            node.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                String at = where + "." + e.getKey();
                if (v.isObject() && v.has("value")) {
                    out.put(e.getKey(), new Parameter(v.get("value"),
                            v.hasNonNull("confidence") ? Confidence.parse(v.get("confidence").asText(), at) : null,
                            v.path("source").asText(null), v.path("unit").asText(null)));
                } else {
                    out.put(e.getKey(), new Parameter(v, null, null, null));
                }
            });
        }
        return new Parameters(where, out);
    }

    /** Every parameter by name, in the rulebook's order. */
    public Map<String, Parameter> all() {
        return byName;
    }

    public boolean has(String name) {
        Parameter p = byName.get(name);
        return p != null && p.value() != null && !p.value().isNull();
    }

    /** The value, which must be present and not null. */
    public JsonNode value(String name) {
        if (!has(name)) {
            throw new RulebookException(path(name) + " is missing");
        }
        return byName.get(name).value();
    }

    public String text(String name) {
        String v = value(name).asText();
        if (v.isBlank()) {
            throw new RulebookException(path(name) + " is blank");
        }
        return v;
    }

    public BigDecimal decimal(String name) {
        try {
            return new BigDecimal(value(name).asText());
        } catch (NumberFormatException e) {
            throw new RulebookException(path(name) + " is not a decimal");
        }
    }

    public BigDecimal positiveDecimal(String name) {
        BigDecimal v = decimal(name);
        if (v.signum() <= 0) {
            throw new RulebookException(path(name) + " must be positive (was " + v.toPlainString() + ")");
        }
        return v;
    }

    public int integer(String name) {
        JsonNode v = value(name);
        try {
            return new BigDecimal(v.asText()).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new RulebookException(path(name) + " must be a whole number");
        }
    }

    /** A whole number of days, zero or more. */
    public int days(String name) {
        int n = integer(name);
        if (n < 0) {
            throw new RulebookException(path(name) + " must be a whole number >= 0");
        }
        return n;
    }

    /** An ISO 8601 duration such as {@code PT36H}. */
    public Duration duration(String name) {
        try {
            return Duration.parse(text(name));
        } catch (DateTimeParseException e) {
            throw new RulebookException(path(name) + " is not an ISO 8601 duration (e.g. PT24H)");
        }
    }

    public boolean bool(String name, boolean otherwise) {
        return has(name) ? value(name).asBoolean(otherwise) : otherwise;
    }

    /** The texts of an array parameter. */
    public List<String> texts(String name) {
        JsonNode v = value(name);
        if (!v.isArray()) {
            throw new RulebookException(path(name) + " must be an array");
        }
        List<String> out = new ArrayList<>();
        v.forEach(e -> out.add(e.asText()));
        return List.copyOf(out);
    }

    public <E extends Enum<E>> Set<E> enums(String name, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        for (String t : texts(name)) {
            try {
                out.add(Enum.valueOf(type, t));
            } catch (IllegalArgumentException e) {
                throw new RulebookException(path(name) + ": unknown value " + t);
            }
        }
        return Set.copyOf(out);
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String t = text(name);
        try {
            return Enum.valueOf(type, t);
        } catch (IllegalArgumentException e) {
            throw new RulebookException(path(name) + ": unknown value " + t);
        }
    }

    /** The parameter's own confidence, where the rulebook states one. */
    public Confidence confidence(String name) {
        Parameter p = byName.get(name);
        return p == null ? null : p.confidence();
    }

    /** The parameter's source, where the rulebook states one. */
    public String source(String name) {
        Parameter p = byName.get(name);
        return p == null ? null : p.source();
    }

    /** A unit the rulebook gives a parameter (e.g. {@code business days}), or null. */
    public String unit(String name) {
        Parameter p = byName.get(name);
        return p == null ? null : p.unit();
    }

    private String path(String name) {
        return where + "." + name;
    }
}
