package kz.aifc.platform.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.aifc.contract.v1.Severity;

/**
 * A service's rulebook: versioned, effective-dated rules as data ({@code rulebook.json}), in the one format every
 * service uses, read by {@link #parse}. A service reads its own parameters from it into typed records and keeps only
 * its own rules; {@code tables} hold the data some rules look up (base capital by activity, high-risk lists).
 */
public record Rulebook(String service, String version, LocalDate effectiveFrom, LocalDate effectiveTo,
        List<String> notes, Map<String, Rule> rules, Map<String, JsonNode> tables) {

    /** The rule with that id. */
    public Rule rule(String id) {
        Rule rule = rules.get(id);
        if (rule == null) {
            throw new RulebookException("rulebook " + version + " has no rule " + id);
        }
        return rule;
    }

    /** Fails unless every one of {@code ids} is in the rulebook: a service refuses to start without a rule it checks. */
    public Rulebook requireRules(Collection<String> ids) {
        for (String id : ids) {
            if (!rules.containsKey(id)) {
                throw new RulebookException("rulebook " + version + " lacks rule " + id);
            }
        }
        return this;
    }

    /** A table by name; an empty array when the rulebook has none. */
    public JsonNode table(String name) {
        JsonNode t = tables.get(name);
        return t == null ? JsonNodeFactory.instance.arrayNode() : t;
    }

    /**
     * Reads a rulebook document.
     *
     * @throws RulebookException naming the path of the first thing missing or malformed
     */
    public static Rulebook parse(JsonNode doc) {
        String version = text(doc, "version", "version");
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (JsonNode r : doc.path("rules")) {
            String id = text(r, "id", "rules[].id");
            String at = "rules[" + id + "]";
            if (rules.containsKey(id)) {
                throw new RulebookException(at + " appears twice");
            }
            Parameters parameters = Parameters.read(r.path("parameters"), at + ".parameters");
            rules.put(id, new Rule(id, text(r, "title", at + ".title"), severity(r, at),
                    text(r, "citation", at + ".citation"), Confidence.parse(text(r, "confidence", at + ".confidence"), at),
                    date(r, "effectiveFrom", at), optionalDate(r, "effectiveTo", at),
                    r.path("opensCase").asBoolean(false), r.path("fires").asText(null),
                    r.path("resolvedWhen").asText(null), deadline(r.path("deadline"), at, parameters), parameters));
        }
        if (rules.isEmpty()) {
            throw new RulebookException("rulebook " + version + " has no rules");
        }
        List<String> notes = new ArrayList<>();
        JsonNode n = doc.path("notes");
        if (n.isArray()) {
            n.forEach(x -> notes.add(x.asText()));
        } else if (n.isTextual()) {
            notes.add(n.asText());
        }
        Map<String, JsonNode> tables = new LinkedHashMap<>();
        doc.path("tables").fields().forEachRemaining(e -> tables.put(e.getKey(), e.getValue()));
        return new Rulebook(doc.path("service").asText(null), version, date(doc, "effectiveFrom", "rulebook"),
                optionalDate(doc, "effectiveTo", "rulebook"), List.copyOf(notes),
                Collections.unmodifiableMap(rules), Collections.unmodifiableMap(tables));
    }

    private static Severity severity(JsonNode rule, String at) {
        JsonNode s = rule.path("severity");
        if (s.isMissingNode() || s.isNull()) {
            return null;
        }
        try {
            return Severity.valueOf(s.asText());
        } catch (IllegalArgumentException e) {
            throw new RulebookException(at + ".severity: unknown value " + s.asText());
        }
    }

    /** A deadline's basis may name the rule's parameters, {@code {noticeDays}}, and reads with their values. */
    private static Deadline deadline(JsonNode d, String at, Parameters parameters) {
        if (d.isMissingNode() || d.isNull()) {
            return null;
        }
        Deadline.Kind kind;
        try {
            kind = Deadline.Kind.valueOf(text(d, "kind", at + ".deadline.kind"));
        } catch (IllegalArgumentException e) {
            throw new RulebookException(at + ".deadline.kind must be IMMEDIATE, BUSINESS_DAYS, CALENDAR_DAYS or RULE");
        }
        String basis = text(d, "basis", at + ".deadline.basis");
        for (Map.Entry<String, Parameters.Parameter> p : parameters.all().entrySet()) {
            JsonNode v = p.getValue().value();
            if (v != null && v.isValueNode()) {
                basis = basis.replace("{" + p.getKey() + "}", v.asText());
            }
        }
        try {
            return new Deadline(kind, d.hasNonNull("days") ? d.get("days").asInt() : null, basis);
        } catch (RulebookException e) {
            throw new RulebookException(at + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode v = node.path(field);
        if (!v.isValueNode() || v.isNull() || v.asText().isBlank()) {
            throw new RulebookException(path + " is missing");
        }
        return v.asText();
    }

    private static LocalDate date(JsonNode node, String field, String at) {
        String t = text(node, field, at + "." + field);
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new RulebookException(at + "." + field + " is not a date (YYYY-MM-DD)");
        }
    }

    private static LocalDate optionalDate(JsonNode node, String field, String at) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : date(node, field, at);
    }
}
