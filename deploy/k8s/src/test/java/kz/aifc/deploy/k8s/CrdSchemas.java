package kz.aifc.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operators' CRDs (vendored under src/test/resources/crds, see SOURCES.md) and a validator of custom resources
 * against a served version's {@code openAPIV3Schema}: the structural-schema rules the API server applies on create
 * with strict field validation, i.e. types (with {@code x-kubernetes-int-or-string}, {@code nullable}), required
 * fields, enums, patterns, bounds, {@code allOf/anyOf/oneOf}, and unknown fields (refused unless
 * {@code x-kubernetes-preserve-unknown-fields}). Not evaluated: CEL rules ({@code x-kubernetes-validations}) and
 * {@code format}.
 */
final class CrdSchemas {

    static final List<String> FILES = List.of(
            "strimzi-1.2.0-040-Crd-kafka.yaml", "strimzi-1.2.0-043-Crd-kafkatopic.yaml",
            "strimzi-1.2.0-044-Crd-kafkauser.yaml", "strimzi-1.2.0-045-Crd-kafkanodepool.yaml",
            "cnpg-1.30.0-clusters.yaml", "cnpg-1.30.0-scheduledbackups.yaml",
            "plugin-barman-cloud-0.14.0-objectstores.yaml",
            "keda-2.20.2-scaledobjects.yaml", "keda-2.20.2-triggerauthentications.yaml");

    /** API groups whose every object must match a vendored CRD. */
    static final Set<String> GROUPS = Set.of("kafka.strimzi.io", "postgresql.cnpg.io", "barmancloud.cnpg.io", "keda.sh");

    private final Map<String, JsonNode> schemaByApiVersionAndKind = new HashMap<>();

    CrdSchemas() {
        for (String file : FILES) {
            try (InputStream in = CrdSchemas.class.getResourceAsStream("/crds/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("missing CRD " + file);
                }
                JsonNode crd = Rendered.YAML.readTree(in);
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    if (version.path("served").asBoolean()) {
                        schemaByApiVersionAndKind.put(group + "/" + version.path("name").asText() + " " + kind,
                                version.path("schema").path("openAPIV3Schema"));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static boolean covers(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        int slash = apiVersion.indexOf('/');
        return slash > 0 && GROUPS.contains(apiVersion.substring(0, slash));
    }

    /** The violations of {@code object} against its CRD, as "path: problem"; empty when it is valid. */
    List<String> validate(JsonNode object) {
        String key = object.path("apiVersion").asText() + " " + object.path("kind").asText();
        JsonNode schema = schemaByApiVersionAndKind.get(key);
        List<String> errors = new ArrayList<>();
        if (schema == null) {
            errors.add("no served CRD version for " + key);
            return errors;
        }
        // metadata is the API server's ObjectMeta, not described by the CRD schema
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getKey().equals("metadata")) {
                continue;
            }
            JsonNode property = schema.path("properties").get(f.getKey());
            if (property == null) {
                errors.add(f.getKey() + ": unknown field");
            } else {
                check(property, f.getValue(), f.getKey(), errors);
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!object.has(required.asText())) {
                errors.add(required.asText() + ": required");
            }
        }
        return errors;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> errors) {
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean()) {
                errors.add(path + ": null");
            }
            return;
        }
        String type = schema.path("type").asText("");
        if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                errors.add(path + ": not an integer or string");
            }
        } else {
            switch (type) {
                case "object" -> checkObject(schema, value, path, errors);
                case "array" -> {
                    if (!value.isArray()) {
                        errors.add(path + ": not an array");
                    } else {
                        int i = 0;
                        for (JsonNode item : value) {
                            if (schema.has("items")) {
                                check(schema.get("items"), item, path + "[" + i + "]", errors);
                            }
                            i++;
                        }
                        bound(schema, "minItems", "maxItems", value.size(), path, errors);
                    }
                }
                case "string" -> {
                    if (!value.isTextual()) {
                        errors.add(path + ": not a string but " + value);
                    } else {
                        if (schema.has("pattern")
                                && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
                            errors.add(path + ": '" + value.asText() + "' does not match " + schema.get("pattern"));
                        }
                        bound(schema, "minLength", "maxLength", value.asText().length(), path, errors);
                    }
                }
                case "integer" -> {
                    if (!value.isIntegralNumber()) {
                        errors.add(path + ": not an integer but " + value);
                    } else {
                        bound(schema, "minimum", "maximum", value.asLong(), path, errors);
                    }
                }
                case "number" -> {
                    if (!value.isNumber()) {
                        errors.add(path + ": not a number but " + value);
                    }
                }
                case "boolean" -> {
                    if (!value.isBoolean()) {
                        errors.add(path + ": not a boolean but " + value);
                    }
                }
                case "" -> {
                    if (schema.has("properties") && value.isObject()) {
                        checkObject(schema, value, path, errors);
                    }
                }
                default -> errors.add(path + ": schema type " + type + " not understood by this validator");
            }
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value) || allowed.asText().equals(value.asText()) && value.isValueNode();
            }
            if (!listed) {
                errors.add(path + ": " + value + " not one of " + schema.get("enum"));
            }
        }
        for (JsonNode sub : schema.path("allOf")) {
            check(sub, value, path, errors);
        }
        combination(schema, "anyOf", value, path, errors);
        combination(schema, "oneOf", value, path, errors);
    }

    private static void checkObject(JsonNode schema, JsonNode value, String path, List<String> errors) {
        if (!value.isObject()) {
            errors.add(path + ": not an object but " + value);
            return;
        }
        boolean typed = "object".equals(schema.path("type").asText());
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
        JsonNode additional = schema.get("additionalProperties");
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode property = schema.path("properties").get(f.getKey());
            if (property != null) {
                check(property, f.getValue(), path + "." + f.getKey(), errors);
            } else if (additional != null && additional.isObject()) {
                check(additional, f.getValue(), path + "." + f.getKey(), errors);
            } else if (typed && !preserve && !(additional != null && additional.asBoolean(false))) {
                errors.add(path + "." + f.getKey() + ": unknown field");
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                errors.add(path + "." + required.asText() + ": required");
            }
        }
    }

    private static void combination(JsonNode schema, String keyword, JsonNode value, String path,
            List<String> errors) {
        if (!schema.has(keyword)) {
            return;
        }
        int matching = 0;
        for (JsonNode sub : schema.get(keyword)) {
            List<String> subErrors = new ArrayList<>();
            check(sub, value, path, subErrors);
            if (subErrors.isEmpty()) {
                matching++;
            }
        }
        if (matching == 0 || keyword.equals("oneOf") && matching > 1) {
            errors.add(path + ": matches " + matching + " of the " + keyword + " alternatives");
        }
    }

    private static void bound(JsonNode schema, String min, String max, long actual, String path, List<String> errors) {
        if (schema.has(min) && actual < schema.get(min).asLong()) {
            errors.add(path + ": " + actual + " below " + min + " " + schema.get(min));
        }
        if (schema.has(max) && actual > schema.get(max).asLong()) {
            errors.add(path + ": " + actual + " above " + max + " " + schema.get(max));
        }
    }
}
