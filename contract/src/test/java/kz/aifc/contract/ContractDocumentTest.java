package kz.aifc.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The human-readable contract (contract/README.md) names every topic, type and payload field the code defines. */
class ContractDocumentTest {

    private static final Path DOCUMENT = Path.of("README.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> types() {
        return EventTypes.all();
    }

    @Test
    @DisplayName("the topic table gives every contract topic with its partition count and the types it carries")
    void shouldListEveryTopicWithItsPartitionsAndTypes() throws Exception {
        String document = document();
        for (String topic : Topics.all()) {
            Matcher row = Pattern.compile("(?m)^\\| `" + Pattern.quote(topic) + "` \\| (\\d+)[^|]* \\| ([^|]+) \\|")
                    .matcher(document);
            assertThat(row.find()).as("a row for %s", topic).isTrue();
            assertThat(Integer.parseInt(row.group(1))).as("partitions of %s", topic).isEqualTo(Topics.partitions(topic));
            for (String type : EventTypes.all()) {
                if (Topics.forType(type).equals(topic)) {
                    assertThat(row.group(2)).as("types on %s", topic).contains("`" + type + "`");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    @DisplayName("each event type has its section, and the section names every field of the type's JSON Schema")
    void shouldDescribeEveryFieldOfTheSchema(String type) throws Exception {
        String section = section(document(), type);
        JsonNode schema = JSON.readTree(Files.readString(Path.of("src/main/resources/schemas", type + ".json")));
        List<String> fields = new ArrayList<>();
        collect(schema, schema, "", fields);

        assertThat(fields).isNotEmpty();
        for (String field : fields) {
            assertThat(section).as("%s documents %s", type, field).contains("| `" + field + "` |");
        }
    }

    @Test
    @DisplayName("the document states the accepted time spellings, the DLQ headers and the versioning policy")
    void shouldStateTimesDlqHeadersAndVersioning() throws Exception {
        assertThat(document()).contains("2026-12-05T14:20+05:00", "`dead-letter-reason`", "## Versioning",
                "Tipping-off");
    }

    private static String document() throws Exception {
        return Files.readString(DOCUMENT, StandardCharsets.UTF_8);
    }

    private static String section(String document, String type) {
        int start = document.indexOf("### `" + type + "`");
        assertThat(start).as("a section for %s", type).isNotNegative();
        Matcher next = Pattern.compile("(?m)^#{2,3} ").matcher(document);
        int end = next.find(start + 4) ? next.start() : document.length();
        return document.substring(start, end);
    }

    /** Dotted paths of every property, through {@code $defs} references and nullable {@code anyOf}/{@code oneOf}. */
    private static void collect(JsonNode root, JsonNode node, String prefix, List<String> out) {
        JsonNode resolved = resolve(root, node);
        JsonNode properties = resolved.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            out.add(prefix + property.getKey());
            collect(root, property.getValue(), prefix + property.getKey() + ".", out);
        }
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        if (node.has("$ref") && node.get("$ref").asText().startsWith("#/$defs/")) {
            String name = node.get("$ref").asText().substring("#/$defs/".length());
            return resolve(root, root.path("$defs").path(name));
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            for (JsonNode branch : node.path(combinator)) {
                if (!"null".equals(branch.path("type").asText())) {
                    return resolve(root, branch);
                }
            }
        }
        return node;
    }
}
