package kz.aifc.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.codec.MalformedEventException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** contract/asyncapi.yaml says what the code does: topics, partitions, types, schemas, headers, examples and DLQs. */
class AsyncApiDocumentTest {

    /**
     * AsyncAPI 3.0.0's schema-formats table knows JSON Schema only as Draft 07; the payload schemas are draft
     * 2020-12, so the document labels them with a custom value rather than a wrong listed one.
     */
    private static final String SCHEMA_FORMAT = "application/schema+json;version=2020-12";
    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    private static final String DEAD_LETTER_PREFIX = "dead-letter-";

    /** Headers the platform's DLQ writers add: aml-service's DeadLetters and SmallRye's dead-letter-queue strategy. */
    private static final Set<String> DEAD_LETTER_HEADERS = Set.of(
            "dead-letter-reason", "dead-letter-cause", "dead-letter-exception-class-name",
            "dead-letter-cause-class-name", "dead-letter-topic", "dead-letter-partition", "dead-letter-offset");
    /** The ones both writers add to every record (the cause ones only when there is a cause). */
    private static final Set<String> DEAD_LETTER_HEADERS_ALWAYS = Set.of(
            "dead-letter-reason", "dead-letter-exception-class-name", "dead-letter-topic", "dead-letter-partition",
            "dead-letter-offset");

    private static final Set<String> ACTORS = Set.of(
            "Firms", "capital-service", "aml-service", "licensing-service", "notification-service");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private static Path moduleDir;
    private static JsonNode doc;

    @BeforeAll
    static void readDocument() throws IOException, URISyntaxException {
        // target/test-classes -> the module directory, wherever the test runner's working directory is
        moduleDir = Path.of(AsyncApiDocumentTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent().getParent();
        doc = YAML.readTree(moduleDir.resolve("asyncapi.yaml").toFile());
    }

    static Stream<String> types() {
        return EventTypes.all().stream();
    }

    @Test
    @DisplayName("The document is AsyncAPI 3.0.0 with the contract's title, version and local broker")
    void shouldDeclareAsyncApi300WhenToolingReadsTheDocument() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.at("/info/title").asText()).isEqualTo("AIFC compliance monitor: event contract");
        assertThat(doc.at("/info/version").asText()).matches("[0-9]+\\.[0-9]+\\.[0-9]+");
        assertThat(doc.at("/servers/local/host").asText()).isEqualTo("localhost:9092");
        assertThat(doc.at("/servers/local/protocol").asText()).isEqualTo("kafka");
    }

    @Test
    @DisplayName("Every contract topic has a channel, bound to its Kafka topic with the partitions it is created with")
    void shouldListExactlyTheContractTopicsWhenChannelsAreRead() {
        List<String> addresses = new ArrayList<>();
        eachChannel((id, channel) -> {
            String address = channel.path("address").asText();
            if (isDlq(address)) {
                return;
            }
            addresses.add(address);
            JsonNode kafka = channel.at("/bindings/kafka");
            assertThat(kafka.path("topic").asText()).as("kafka topic of %s", id).isEqualTo(address);
            assertThat(kafka.path("partitions").asInt()).as("partitions of %s", address)
                    .isEqualTo(Topics.partitions(address));
            assertThat(kafka.path("replicas").asInt()).as("replicas of %s on the one-node local broker", address)
                    .isEqualTo(1);
        });

        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.all());
    }

    @Test
    @DisplayName("Every topic a service consumes has its dead-letter channel <topic>.dlq, and a service sends to it")
    void shouldGiveEveryConsumedTopicItsDlqWhenAServiceRejectsARecord() {
        Set<String> consumed = new TreeSet<>();
        Set<String> sentTo = new TreeSet<>();
        eachOperation((id, operation) -> {
            String address = resolve(operation.path("channel")).path("address").asText();
            if (operation.path("action").asText().equals("receive")) {
                consumed.add(address);
            } else {
                sentTo.add(address);
            }
        });
        Set<String> dlqs = new TreeSet<>();
        eachChannel((id, channel) -> {
            String address = channel.path("address").asText();
            if (isDlq(address)) {
                dlqs.add(address);
                assertThat(channel.at("/bindings/kafka/topic").asText()).as("kafka topic of %s", id).isEqualTo(address);
                assertThat(messageIds(channel)).as("messages of %s", address).containsExactly("deadLetter");
            }
        });

        assertThat(consumed).as("consumed topics").isNotEmpty().allSatisfy(t -> assertThat(isDlq(t)).isFalse());
        assertThat(dlqs).containsExactlyInAnyOrderElementsOf(consumed.stream().map(Topics::dlq).toList());
        assertThat(sentTo).containsAll(dlqs);
    }

    @Test
    @DisplayName("Every event type is a message, carried on the channel of the topic the type travels on")
    void shouldCarryEachTypeOnItsTopicWhenMessagesAreRead() {
        Map<String, String> nameById = new LinkedHashMap<>();
        doc.at("/components/messages").fields()
                .forEachRemaining(e -> nameById.put(e.getKey(), e.getValue().path("name").asText()));
        Set<String> deadLetterIds = deadLetterMessageIds();
        List<String> typeNames = nameById.entrySet().stream()
                .filter(e -> !deadLetterIds.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();

        assertThat(deadLetterIds).containsExactly("deadLetter");
        assertThat(typeNames).containsExactlyInAnyOrderElementsOf(EventTypes.all());
        nameById.forEach((id, name) -> {
            if (deadLetterIds.contains(id)) {
                return;
            }
            List<String> carriers = new ArrayList<>();
            eachChannel((channelId, channel) -> {
                if (messageIds(channel).contains(id)) {
                    carriers.add(channel.path("address").asText());
                }
            });
            assertThat(carriers).as("channels carrying %s", name).containsExactly(Topics.forType(name));
        });
    }

    @ParameterizedTest
    @MethodSource("types")
    @DisplayName("Each payload points at its type's JSON Schema file, labelled with the dialect the file uses")
    void shouldPointAtTheTypesSchemaFileWhenThePayloadIsResolved(String type) throws IOException {
        JsonNode payload = message(type).path("payload");
        String ref = payload.at("/schema/$ref").asText();
        Path file = moduleDir.resolve(ref);

        assertThat(payload.path("schemaFormat").asText()).isEqualTo(SCHEMA_FORMAT);
        assertThat(ref).isEqualTo("src/main/resources/schemas/" + type + ".json");
        assertThat(file).isRegularFile();
        JsonNode schema = JSON.readTree(file.toFile());
        assertThat(schema.path("$schema").asText()).isEqualTo(DRAFT_2020_12);
        assertThat(schema.path("$id").asText()).endsWith(":" + type);
        try (InputStream published = getClass().getResourceAsStream("/schemas/" + type + ".json")) {
            assertThat(published).as("the same schema on the classpath").isNotNull();
            assertThat(JSON.readTree(published)).isEqualTo(schema);
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    @DisplayName("Each message's example is valid under its JSON Schema and decodes into the type's payload record")
    void shouldValidateAndDecodeTheExampleWhenAFirmCopiesIt(String type) throws IOException {
        JsonNode example = onlyExample(message(type));
        String json = JSON.writeValueAsString(example.path("payload"));
        Path file = moduleDir.resolve(message(type).at("/payload/schema/$ref").asText());
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(file)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, CONFIG);
        }

        assertThat(schema.validate(example.path("payload"))).isEmpty();
        assertThat(CloudEventCodec.readPayload(json, EventTypes.payloadClass(type)))
                .isInstanceOf(EventTypes.payloadClass(type));
        CloudEvent<?> event = CloudEventCodec.decode(headers(example), json.getBytes(StandardCharsets.UTF_8));
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.subject()).as("ce_subject is the firm id").isEqualTo(example.at("/payload/firmId").asText());
    }

    @ParameterizedTest
    @MethodSource("types")
    @DisplayName("Each message's example payload is the contract's example file for the type")
    void shouldShowTheContractsExampleWhenThePayloadIsCompared(String type) throws IOException {
        JsonNode file;
        try (InputStream in = getClass().getResourceAsStream("/examples/" + type + ".json")) {
            assertThat(in).as("example file for %s", type).isNotNull();
            file = JSON.readTree(in);
        }

        assertThat(onlyExample(message(type)).path("payload")).isEqualTo(file);
    }

    @ParameterizedTest
    @MethodSource("types")
    @DisplayName("Each message lists every binary-mode header and requires exactly the ones the codec requires")
    void shouldListEveryBinaryModeHeaderWhenHeadersAreRead(String type) {
        JsonNode message = message(type);
        JsonNode headers = inline(message.path("headers"));
        Set<String> listed = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        Set<String> typeConsts = new TreeSet<>();
        collect(headers, listed, required, typeConsts);
        JsonNode example = onlyExample(message);
        byte[] value = bytes(example.path("payload"));

        assertThat(listed).contains(CloudEventCodec.CE_SPECVERSION, CloudEventCodec.CE_ID, CloudEventCodec.CE_SOURCE,
                CloudEventCodec.CE_TYPE, CloudEventCodec.CE_TIME, CloudEventCodec.CE_SUBJECT,
                CloudEventCodec.CONTENT_TYPE);
        assertThat(required).isEqualTo(headersTheCodecRequires(headers(example), value));
        assertThat(typeConsts).containsExactly(type);
        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(headers, CONFIG)
                .validate(example.path("headers"))).as("example headers against the headers schema").isEmpty();
        assertThat(message.at("/bindings/kafka/key/type").asText()).as("record key: the firm id as text")
                .isEqualTo("string");
    }

    /** Spellings on which the document and the codec must agree; RFC 3339 with the whole-minute reading. */
    @ParameterizedTest
    @CsvSource({
        "2026-11-20T17:00:00+05:00, true",
        "2026-11-20T12:00:00.250Z, true",
        "2026-11-20t17:00:00z, true",
        "2026-11-20T17:00:00.123456789-03:30, true",
        "2026-12-05T14:20+05:00, true",
        "2026-12-05T14:20Z, true",
        "2026-11-20T17:00:00, false",
        "2026-12-05T14:20, false",
        "2026-11-20 17:00:00+05:00, false",
        "2026-11-20T17:00:00+0500, false",
        "2026-11-20T17:00:00.1234567891+05:00, false",
        "2026-12-05T14:20.5+05:00, false",
        "2026-11-20T17+05:00, false",
        "2026-11-20, false"})
    @DisplayName("ce_time's documented pattern accepts the times the codec reads and refuses the ones it rejects")
    void shouldSpellTimesAsTheCodecReadsThemWhenCeTimeIsChecked(String time, boolean accepted) {
        Pattern pattern = Pattern.compile(
                doc.at("/components/schemas/binaryModeHeaders/properties/ce_time/pattern").asText());
        JsonNode example = onlyExample(message(EventTypes.CAPITAL_SNAPSHOT));
        Map<String, byte[]> headers = headers(example);
        headers.put(CloudEventCodec.CE_TIME, time.getBytes(StandardCharsets.UTF_8));
        boolean codecAccepts;
        try {
            CloudEventCodec.decode(headers, bytes(example.path("payload")));
            codecAccepts = true;
        } catch (MalformedEventException e) {
            codecAccepts = false;
        }

        assertThat(pattern.matcher(time).matches()).as("document on %s", time).isEqualTo(accepted);
        assertThat(codecAccepts).as("codec on %s", time).isEqualTo(accepted);
    }

    @Test
    @DisplayName("The dead-letter message lists the headers the services write, and its example is a real rejection")
    void shouldNameTheReasonHeadersWhenARecordIsParked() {
        JsonNode message = doc.at("/components/messages/deadLetter");
        JsonNode headers = inline(message.path("headers"));
        Set<String> listed = new TreeSet<>();
        headers.path("properties").fieldNames().forEachRemaining(listed::add);
        Set<String> required = new TreeSet<>();
        headers.path("required").forEach(n -> required.add(n.asText()));
        JsonNode example = onlyExample(message);
        Map<String, byte[]> original = headers(example);
        original.keySet().removeIf(name -> name.startsWith(DEAD_LETTER_PREFIX));
        byte[] value = example.path("payload").asText().getBytes(StandardCharsets.UTF_8);

        assertThat(listed).containsExactlyInAnyOrderElementsOf(DEAD_LETTER_HEADERS);
        assertThat(required).containsExactlyInAnyOrderElementsOf(DEAD_LETTER_HEADERS_ALWAYS);
        assertThat(headers.path("additionalProperties").isObject()).as("original headers are kept").isTrue();
        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(headers, CONFIG)
                .validate(example.path("headers"))).isEmpty();
        assertThat(Topics.all()).contains(example.at("/headers/dead-letter-topic").asText());
        assertThatThrownBy(() -> CloudEventCodec.decode(original, value))
                .isInstanceOf(MalformedEventException.class)
                .satisfies(e -> {
                    assertThat(e.getClass().getName())
                            .isEqualTo(example.at("/headers/dead-letter-exception-class-name").asText());
                    assertThat(e.getMessage()).isEqualTo(example.at("/headers/dead-letter-reason").asText());
                    assertThat(e.getCause() == null).as("a cause header exactly when there is a cause")
                            .isEqualTo(example.at("/headers/dead-letter-cause").isMissingNode());
                });
    }

    @Test
    @DisplayName("Channel bindings state the partitions and topic settings deploy/local/kafka.sh creates")
    void shouldMatchTheLocalStackWhenKafkaShCreatesTheTopics() throws IOException {
        Path script = moduleDir.resolveSibling("deploy").resolve("local").resolve("kafka.sh");
        Assumptions.assumeTrue(Files.isRegularFile(script), "deploy/local/kafka.sh is not beside the module");
        LocalStack stack = LocalStack.read(Files.readString(script));

        assertThat(stack.topics().keySet()).containsExactlyInAnyOrderElementsOf(Topics.all());
        eachChannel((id, channel) -> {
            String address = channel.path("address").asText();
            JsonNode kafka = channel.at("/bindings/kafka");
            JsonNode config = kafka.path("topicConfiguration");
            boolean dlq = isDlq(address);
            List<String> policy = dlq ? List.of("delete") : stack.cleanupPolicy(address);

            if (dlq) {
                // A dead-letter topic mirrors its topic's count, in the contract and in the script alike.
                assertThat(stack.dlqMirrorsItsTopic()).as("kafka.sh creates each DLQ with its topic's partitions").isTrue();
                assertThat(kafka.path("partitions").asInt()).as("partitions of %s", address)
                        .isEqualTo(Topics.partitions(address))
                        .isEqualTo(stack.topics().get(address.substring(0, address.length() - 4)).partitions());
            } else {
                assertThat(stack.topics()).as("kafka.sh creates %s", address).containsKey(address);
                assertThat(kafka.path("partitions").asInt()).as("partitions of %s", address)
                        .isEqualTo(stack.topics().get(address).partitions());
            }
            assertThat(texts(config.path("cleanup.policy"))).as("cleanup.policy of %s", address).isEqualTo(policy);
            if (policy.contains("delete")) {
                assertThat(config.path("retention.ms").asLong()).as("retention.ms of %s", address)
                        .isEqualTo(stack.retentionMs());
                assertThat(config.path("retention.bytes").asLong()).as("retention.bytes of %s", address)
                        .isEqualTo(stack.retentionBytes());
            } else {
                assertThat(config.has("retention.ms") || config.has("retention.bytes"))
                        .as("no time or size retention on compacted %s", address).isFalse();
            }
        });
    }

    @Test
    @DisplayName("Every operation names who acts and uses only its channel's messages; every channel has an operation")
    void shouldNameTheActorWhenAnOperationIsDescribed() {
        Set<String> channelsWithOperations = new HashSet<>();
        eachOperation((id, operation) -> {
            String channelRef = operation.at("/channel/$ref").asText();
            channelsWithOperations.add(channelRef);

            assertThat(operation.path("action").asText()).as("action of %s", id).isIn("send", "receive");
            assertThat(ACTORS).as("actor named in %s", id)
                    .anyMatch(actor -> operation.path("description").asText().contains(actor));
            assertThat(operation.path("messages")).as("messages of %s", id).isNotEmpty()
                    .allSatisfy(m -> assertThat(m.path("$ref").asText()).startsWith(channelRef + "/messages/"));
        });
        Set<String> channelRefs = new HashSet<>();
        doc.path("channels").fieldNames().forEachRemaining(id -> channelRefs.add("#/channels/" + id));

        assertThat(channelsWithOperations).isEqualTo(channelRefs);
    }

    @Test
    @DisplayName("Every reference in the document resolves, within the document or to a file beside it")
    void shouldResolveEveryReferenceWhenToolingLoadsTheDocument() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            if (ref.startsWith("#/")) {
                assertThat(doc.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse();
            } else {
                assertThat(moduleDir.resolve(ref)).as("%s exists", ref).isRegularFile();
            }
        });
    }

    // --- reading the document ---------------------------------------------------------------------------------

    private static boolean isDlq(String address) {
        return address.endsWith(Topics.DLQ_SUFFIX);
    }

    private static void eachChannel(BiConsumer<String, JsonNode> action) {
        doc.path("channels").fields().forEachRemaining(e -> action.accept(e.getKey(), e.getValue()));
    }

    private static void eachOperation(BiConsumer<String, JsonNode> action) {
        doc.path("operations").fields().forEachRemaining(e -> action.accept(e.getKey(), e.getValue()));
    }

    /** Component ids of the messages a channel carries. */
    private static List<String> messageIds(JsonNode channel) {
        List<String> ids = new ArrayList<>();
        channel.path("messages").forEach(m -> {
            String ref = m.path("$ref").asText();
            assertThat(ref).startsWith("#/components/messages/");
            ids.add(ref.substring("#/components/messages/".length()));
        });
        return ids;
    }

    private static Set<String> deadLetterMessageIds() {
        Set<String> ids = new TreeSet<>();
        eachChannel((id, channel) -> {
            if (isDlq(channel.path("address").asText())) {
                ids.addAll(messageIds(channel));
            }
        });
        return ids;
    }

    private static JsonNode message(String type) {
        List<JsonNode> found = new ArrayList<>();
        doc.at("/components/messages").forEach(m -> {
            if (m.path("name").asText().equals(type)) {
                found.add(m);
            }
        });
        assertThat(found).as("messages named %s", type).hasSize(1);
        return found.get(0);
    }

    private static JsonNode onlyExample(JsonNode message) {
        assertThat(message.path("examples")).as("examples of %s", message.path("name").asText()).hasSize(1);
        return message.path("examples").get(0);
    }

    /** Follows a local {@code $ref} (one within the document) to what it names. */
    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref") && current.path("$ref").asText().startsWith("#/")) {
            String ref = current.path("$ref").asText();
            current = doc.at(ref.substring(1));
            assertThat(current.isMissingNode()).as("%s resolves", ref).isFalse();
        }
        return current;
    }

    /** A copy with every local {@code $ref} replaced by its target, so a validator needs no document context. */
    private static JsonNode inline(JsonNode node) {
        JsonNode resolved = resolve(node);
        if (resolved.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            resolved.fields().forEachRemaining(e -> copy.set(e.getKey(), inline(e.getValue())));
            return copy;
        }
        if (resolved.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            resolved.forEach(item -> copy.add(inline(item)));
            return copy;
        }
        return resolved;
    }

    /** Header names, required names and {@code ce_type} constants of a headers schema, through its {@code allOf}. */
    private static void collect(JsonNode schema, Set<String> listed, Set<String> required, Set<String> typeConsts) {
        schema.path("properties").fieldNames().forEachRemaining(listed::add);
        schema.path("required").forEach(n -> required.add(n.asText()));
        JsonNode typeConst = schema.at("/properties/ce_type/const");
        if (!typeConst.isMissingNode()) {
            typeConsts.add(typeConst.asText());
        }
        schema.path("allOf").forEach(part -> collect(part, listed, required, typeConsts));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectRefs(item, refs));
        }
    }

    /** An example's headers as a Kafka record carries them, UTF-8. */
    private static Map<String, byte[]> headers(JsonNode example) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        example.path("headers").fields().forEachRemaining(
                e -> headers.put(e.getKey(), e.getValue().asText().getBytes(StandardCharsets.UTF_8)));
        assertThat(headers).as("example headers").isNotEmpty();
        return headers;
    }

    private static byte[] bytes(JsonNode payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The headers whose absence alone makes the codec reject an otherwise valid record. */
    private static Set<String> headersTheCodecRequires(Map<String, byte[]> headers, byte[] value) {
        CloudEventCodec.decode(headers, value);
        Set<String> required = new TreeSet<>();
        for (String name : headers.keySet()) {
            Map<String, byte[]> without = new LinkedHashMap<>(headers);
            without.remove(name);
            try {
                CloudEventCodec.decode(without, value);
            } catch (MalformedEventException e) {
                required.add(name);
            }
        }
        return required;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    /** What deploy/local/kafka.sh creates: its TOPICS table, the DLQs' partition count and the broker's retention. */
    private record LocalStack(Map<String, Topic> topics, boolean dlqMirrorsItsTopic, long retentionMs, long retentionBytes) {

        private static final Pattern RETENTION_HOURS = Pattern.compile("(?m)^log\\.retention\\.hours=([0-9]+)$");
        private static final Pattern RETENTION_BYTES = Pattern.compile("(?m)^log\\.retention\\.bytes=([0-9]+)$");

        record Topic(int partitions, Map<String, String> config) {
        }

        static LocalStack read(String script) {
            Map<String, Topic> topics = new LinkedHashMap<>();
            boolean inTable = false;
            for (String line : script.lines().map(String::trim).toList()) {
                if (line.equals("TOPICS=(")) {
                    inTable = true;
                } else if (inTable && line.equals(")")) {
                    inTable = false;
                } else if (inTable && line.startsWith("\"")) {
                    String[] fields = line.replace("\"", "").trim().split("\\s+");
                    Map<String, String> config = new LinkedHashMap<>();
                    Arrays.stream(fields).skip(2).map(f -> f.split("=", 2)).forEach(kv -> config.put(kv[0], kv[1]));
                    topics.put(fields[0], new Topic(Integer.parseInt(fields[1]), config));
                }
            }
            assertThat(topics).as("the TOPICS table of kafka.sh").isNotEmpty();
            return new LocalStack(topics, script.contains("--topic $topic.dlq --partitions $partitions "),
                    Long.parseLong(group(RETENTION_HOURS, script)) * 3_600_000L,
                    Long.parseLong(group(RETENTION_BYTES, script)));
        }

        /** The topic's cleanup.policy; the broker's default is delete. */
        List<String> cleanupPolicy(String topic) {
            String policy = topics.get(topic).config().getOrDefault("cleanup.policy", "delete");
            return List.of(policy.split(","));
        }

        private static String group(Pattern pattern, String script) {
            Matcher matcher = pattern.matcher(script);
            if (!matcher.find()) {
                fail("kafka.sh has no line matching " + pattern);
            }
            return matcher.group(1);
        }
    }
}
