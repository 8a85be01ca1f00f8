package kz.aifc.contract.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An integrator's client is the judge, not our own encoder: records written by the CloudEvents Java SDK's Kafka
 * serializer, in binary and in structured mode, are read by this codec; and what the services emit is read by the
 * SDK's deserializer.
 */
class CloudEventsSdkInteropTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What an integrator's code writes on a whole minute: {@code OffsetDateTime.toString()} drops the seconds. */
    private static final OffsetDateTime TIME = OffsetDateTime.parse("2026-12-05T14:20+05:00");

    static Iterable<String> types() {
        return EventTypes.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void shouldReadWhatTheSdkWritesInBinaryMode(String type) throws Exception {
        shouldReadWhatTheSdkWrites(type, Encoding.BINARY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void shouldReadWhatTheSdkWritesInStructuredMode(String type) throws Exception {
        shouldReadWhatTheSdkWrites(type, Encoding.STRUCTURED);
    }

    private static void shouldReadWhatTheSdkWrites(String type, Encoding encoding) throws Exception {
        String payload = Examples.json(type);
        io.cloudevents.CloudEvent sent = CloudEventBuilder.v1()
                .withId("e-" + encoding)
                .withSource(URI.create("/firms/F-0001/core"))
                .withType(type)
                .withTime(TIME)
                .withSubject("F-0001")
                .withDataContentType("application/json")
                .withData(payload.getBytes(StandardCharsets.UTF_8))
                .build();
        RecordHeaders headers = new RecordHeaders();
        byte[] value;
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, encoding,
                    CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE), false);
            value = serializer.serialize(Topics.forType(type), headers, sent);
        }

        CloudEvent<?> read = CloudEventCodec.decode(headers, value, EventTypes.payloadClass(type));

        assertThat(read.id()).isEqualTo("e-" + encoding);
        assertThat(read.source()).isEqualTo("/firms/F-0001/core");
        assertThat(read.type()).isEqualTo(type);
        assertThat(read.subject()).isEqualTo("F-0001");
        assertThat(read.time()).isEqualTo(TIME);
        assertThat(JSON.readTree(CloudEventCodec.toJson(read.data())))
                .isEqualTo(JSON.readTree(CloudEventCodec.toJson(CloudEventCodec.readPayload(payload,
                        EventTypes.payloadClass(type)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void shouldBeReadByTheSdkAsTheServicesEmitIt(String type) throws Exception {
        Object payload = CloudEventCodec.readPayload(Examples.json(type), EventTypes.payloadClass(type));
        CloudEvent<?> event = CloudEventCodec.newEvent("/services/capital", type, "F-0001", payload);
        EncodedEvent encoded = CloudEventCodec.encode(event);

        io.cloudevents.CloudEvent read;
        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            deserializer.configure(Map.of(), false);
            read = deserializer.deserialize(Topics.forType(type), encoded.kafkaHeaders(), encoded.value());
        }

        assertThat(read.getId()).isEqualTo(event.id());
        assertThat(read.getSource()).isEqualTo(URI.create("/services/capital"));
        assertThat(read.getType()).isEqualTo(type);
        assertThat(read.getSubject()).isEqualTo("F-0001");
        assertThat(read.getTime()).isEqualTo(event.time());
        assertThat(read.getDataContentType()).isEqualTo("application/json");
        assertThat(JSON.readTree(read.getData().toBytes())).isEqualTo(JSON.readTree(encoded.value()));
    }
}
