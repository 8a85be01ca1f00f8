package kz.aifc.contract.codec;

import static kz.aifc.contract.codec.Examples.binaryHeaders;
import static kz.aifc.contract.codec.Examples.bytes;
import static kz.aifc.contract.codec.Examples.json;
import static kz.aifc.contract.codec.Examples.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The published schemas accept what the codec accepts and refuse what it refuses, on the same examples. */
class JsonSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<String, JsonSchema> SCHEMAS = new HashMap<>();

    static Stream<String> types() {
        return EventTypes.all().stream();
    }

    private static synchronized JsonSchema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            try (InputStream in = JsonSchemaTest.class.getResourceAsStream("/schemas/" + n + ".json")) {
                assertThat(in).as("schema %s on the classpath", n).isNotNull();
                return FACTORY.getSchema(in, CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<ValidationMessage> validate(String schema, String json) {
        return schema(schema).validate(tree(json));
    }

    @ParameterizedTest
    @MethodSource("types")
    void shouldValidateEveryExampleAgainstItsSchema(String type) {
        assertThat(validate(type, json(type))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void shouldValidateWhatTheCodecEmitsAgainstTheSchema(String type) {
        CloudEvent<?> event = CloudEventCodec.decode(binaryHeaders(type), bytes(json(type)));

        EncodedEvent binary = CloudEventCodec.encode(event);
        EncodedEvent structured = CloudEventCodec.encodeStructured(event);

        assertThat(validate(type, new String(binary.value(), StandardCharsets.UTF_8))).isEmpty();
        String envelope = new String(structured.value(), StandardCharsets.UTF_8);
        assertThat(validate("cloudevent-envelope", envelope)).isEmpty();
        assertThat(validate(type, tree(envelope).get("data").toString())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void shouldDescribeEveryRecordComponentInTheSchema(String type) {
        Set<String> components = Arrays.stream(EventTypes.payloadClass(type).getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toSet());
        JsonNode schema = tree(readSchemaText(type));

        Set<String> properties = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);

        assertThat(properties).containsExactlyInAnyOrderElementsOf(components);
        schema.get("properties").forEach(p -> assertThat(p.path("description").asText()).isNotBlank());
        assertThat(schema.get("additionalProperties").asBoolean()).isTrue();
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void shouldRejectBase64DataInTheEnvelopeSchema() {
        String envelope = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\""
                + EventTypes.CAPITAL_SNAPSHOT + "\",\"data\":{},\"data_base64\":\"e30=\"}";

        assertThat(validate("cloudevent-envelope", envelope)).isNotEmpty();
    }

    /** Each row: a type, a fragment of its example, and a replacement the codec must refuse. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kz.aifc.capital.snapshot.v1|\"firmId\": \"F-0001\",|",
        "kz.aifc.capital.snapshot.v1|\"firmId\": \"F-0001\"|\"firmId\": null",
        "kz.aifc.capital.snapshot.v1|\"liquidAssets\": \"180000.00\"|\"liquidAssets\": true",
        "kz.aifc.capital.snapshot.v1|\"liquidAssets\": \"180000.00\"|\"liquidAssets\": \"-1.00\"",
        "kz.aifc.capital.snapshot.v1|\"liquidAssets\": \"180000.00\"|\"liquidAssets\": -1.00",
        "kz.aifc.capital.snapshot.v1|\"liquidAssets\": \"180000.00\"|\"liquidAssets\": \"1.5e3\"",
        "kz.aifc.capital.snapshot.v1|\"liquidAssets\": \"180000.00\"|\"liquidAssets\": \"NaN\"",
        "kz.aifc.capital.snapshot.v1|\"liquidAssets\": \"180000.00\"|\"liquidAssets\": \"\"",
        "kz.aifc.capital.snapshot.v1|\"liquidAssets\": \"180000.00\"|\"liquidAssets\": \"0.1234567890123456789\"",
        "kz.aifc.capital.snapshot.v1|\"asOf\": \"2026-11-20T17:00:00+05:00\"|\"asOf\": \"2026-11-20T17:00:00\"",
        "kz.aifc.capital.snapshot.v1|\"usdRate\": \"1\"|\"usdRate\": \"2\"",
        "kz.aifc.capital.snapshot.v1|\"currency\": \"USD\"|\"currency\": \"usd\"",
        "kz.aifc.transaction.screened.v1|\"riskRating\": \"LOW\"|\"riskRating\": \"EXTREME\"",
        "kz.aifc.transaction.screened.v1|\"pep\": false|\"pep\": \"false\"",
        "kz.aifc.transaction.screened.v1|\"walletRiskScore\": 12|\"walletRiskScore\": 12.5",
        "kz.aifc.transaction.screened.v1|\"walletRiskScore\": 12|\"walletRiskScore\": 101",
        "kz.aifc.transaction.screened.v1|\"residency\": \"KZ\"|\"residency\": \"KAZ\"",
        "kz.aifc.transaction.screened.v1|\"exposures\": [\"GAMBLING\"]|\"exposures\": [\"CASINO\"]",
        "kz.aifc.staff.change.v1|\"change\": \"APPOINTED\"|\"change\": \"DISCLOSURE\"",
        "kz.aifc.staff.change.v1|\"roles\": [\"MLRO\"]|\"roles\": \"MLRO\"",
        "kz.aifc.staff.change.v1|\"effectiveDate\": \"2026-11-20\"|\"effectiveDate\": \"20-11-2026\"",
        "kz.aifc.controller.change.v1|\"newHoldingPct\": \"12.5\"|\"newHoldingPct\": \"100.5\"",
        "kz.aifc.licence.changed.v1|\"status\": \"ACTIVE\"|\"status\": \"REVOKED\"",
        "kz.aifc.alert.raised.v1|\"severity\": \"CRITICAL\"|\"severity\": \"URGENT\"",
        "kz.aifc.alert.resolved.v1|\"reason\": |\"why\": "})
    void shouldRejectInTheSchemaWhatTheCodecRejects(String type, String from, String to) {
        String bad = replace(json(type), from, to == null ? "" : to);

        assertThatThrownBy(() -> CloudEventCodec.decode(binaryHeaders(type), bytes(bad)))
                .isInstanceOf(MalformedEventException.class);
        assertThat(validate(type, bad)).as("schema verdict on %s", bad).isNotEmpty();
    }

    @Test
    void shouldRequireUsdRateForKztInTheCodecAndTheSchema() {
        String type = EventTypes.CAPITAL_SNAPSHOT;
        String bad = replace(replace(json(type), "\"currency\": \"USD\"", "\"currency\": \"KZT\""),
                "\"usdRate\": \"1\",", "");

        assertThatThrownBy(() -> CloudEventCodec.decode(binaryHeaders(type), bytes(bad)))
                .isInstanceOf(MalformedEventException.class);
        assertThat(validate(type, bad)).isNotEmpty();
    }

    @Test
    void shouldAcceptInTheSchemaWhatTheCodecAccepts() {
        String type = EventTypes.CAPITAL_SNAPSHOT;
        String kzt = replace(replace(json(type), "\"currency\": \"USD\"", "\"currency\": \"KZT\""),
                "\"usdRate\": \"1\"", "\"usdRate\": 512.37");
        String usdWithoutRate = replace(json(type), "\"usdRate\": \"1\",", "");
        String extraFields = replace(json(type), "\"firmId\": \"F-0001\",", "\"firmId\": \"F-0001\", \"x\": [1],");
        String wholeMinute = replace(json(type), "\"asOf\": \"2026-11-20T17:00:00+05:00\"",
                "\"asOf\": \"2026-11-20T17:00+05:00\"");

        for (String ok : new String[] {kzt, usdWithoutRate, extraFields, wholeMinute}) {
            assertThat(CloudEventCodec.decode(binaryHeaders(type), bytes(ok)).data()).isNotNull();
            assertThat(validate(type, ok)).as("schema verdict on %s", ok).isEmpty();
        }
    }

    private static String readSchemaText(String name) {
        try (InputStream in = JsonSchemaTest.class.getResourceAsStream("/schemas/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
