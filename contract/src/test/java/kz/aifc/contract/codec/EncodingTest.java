package kz.aifc.contract.codec;

import static kz.aifc.contract.codec.Examples.binaryHeaders;
import static kz.aifc.contract.codec.Examples.bytes;
import static kz.aifc.contract.codec.Examples.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.contract.v1.AlertResolved;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.StaffChange;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Services emit binary mode with exact decimals and RFC 3339 times; ids, times and keys are filled in for them. */
class EncodingTest {

    private static final AlertResolved RESOLVED = new AlertResolved("CAP-001:F-0001:2026-11-20", "F-0001",
            OffsetDateTime.parse("2026-11-21T09:30:00+05:00"), "cured");

    @Test
    void shouldEncodeBinaryModeHeadersAndKeyBySubject() {
        CloudEvent<AlertResolved> event = new CloudEvent<>("e-1", "/services/capital", EventTypes.ALERT_RESOLVED,
                "1.0", OffsetDateTime.parse("2026-11-21T09:30:00+05:00"), "F-0001", null, RESOLVED);

        EncodedEvent encoded = CloudEventCodec.encode(event);

        assertThat(encoded.headers()).containsOnlyKeys("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time",
                "ce_subject", "content-type");
        assertThat(encoded.header("ce_specversion")).isEqualTo("1.0");
        assertThat(encoded.header("ce_id")).isEqualTo("e-1");
        assertThat(encoded.header("ce_source")).isEqualTo("/services/capital");
        assertThat(encoded.header("ce_type")).isEqualTo("kz.aifc.alert.resolved.v1");
        assertThat(encoded.header("ce_time")).isEqualTo("2026-11-21T09:30:00+05:00");
        assertThat(encoded.header("ce_subject")).isEqualTo("F-0001");
        assertThat(encoded.header("content-type")).isEqualTo("application/json");
        assertThat(encoded.key()).isEqualTo("F-0001");
        assertThat(new String(encoded.value(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"alertId\":\"CAP-001:F-0001:2026-11-20\",\"firmId\":\"F-0001\","
                        + "\"resolvedAt\":\"2026-11-21T09:30:00+05:00\",\"reason\":\"cured\"}");
    }

    @Test
    void shouldBuildAProducerRecordForTheTopic() {
        CloudEvent<AlertResolved> event = CloudEventCodec.newEvent("/services/capital", "F-0001", RESOLVED);

        ProducerRecord<String, byte[]> record = CloudEventCodec.encode(event)
                .toProducerRecord(Topics.forType(event.type()));

        assertThat(record.topic()).isEqualTo("aifc.compliance.alerts");
        assertThat(record.key()).isEqualTo("F-0001");
        assertThat(CloudEventCodec.decode(record.headers(), record.value(), AlertResolved.class)).isEqualTo(event);
    }

    @Test
    void shouldOmitAbsentOptionalAttributes() {
        CloudEvent<AlertResolved> event = new CloudEvent<>("e-1", "/s", EventTypes.ALERT_RESOLVED, "1.0", null, null,
                null, RESOLVED);

        EncodedEvent encoded = CloudEventCodec.encode(event);

        assertThat(encoded.headers()).doesNotContainKeys("ce_time", "ce_subject");
        assertThat(encoded.key()).isNull();
        assertThat(CloudEventCodec.decode(encoded.headers(), encoded.value())).isEqualTo(
                new CloudEvent<>("e-1", "/s", EventTypes.ALERT_RESOLVED, "1.0", null, null, "application/json",
                        RESOLVED));
    }

    @Test
    void shouldCreateNewEventsWithUuidAlmatyTimeAndInferredType() {
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);

        CloudEvent<AlertResolved> event = CloudEventCodec.newEvent("/services/capital", "F-0001", RESOLVED);

        assertThat(UUID.fromString(event.id())).isNotNull();
        assertThat(event.type()).isEqualTo(EventTypes.ALERT_RESOLVED);
        assertThat(event.specversion()).isEqualTo("1.0");
        assertThat(event.subject()).isEqualTo("F-0001");
        assertThat(event.dataContentType()).isEqualTo("application/json");
        assertThat(event.time().getOffset()).isEqualTo(ZoneOffset.ofHours(5));
        assertThat(event.time()).isAfter(before);
        assertThat(event.eventKey()).isEqualTo("/services/capital/" + event.id());
        assertThat(CloudEventCodec.newEvent("/s", EventTypes.ALERT_RESOLVED, "F-0001", RESOLVED).id())
                .isNotEqualTo(event.id());
    }

    @Test
    void shouldRefuseToCreateOrEncodeAnEventWhosePayloadDoesNotMatchItsType() {
        assertThatThrownBy(() -> CloudEventCodec.newEvent("/s", EventTypes.CAPITAL_SNAPSHOT, "F-0001", RESOLVED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CapitalSnapshot");
        assertThatThrownBy(() -> CloudEventCodec.newEvent("/s", "kz.aifc.foo.v1", "F-0001", RESOLVED))
                .isInstanceOf(IllegalArgumentException.class);
        CloudEvent<AlertResolved> wrong = new CloudEvent<>("e-1", "/s", EventTypes.STAFF_CHANGE, "1.0", null, null,
                null, RESOLVED);
        assertThatThrownBy(() -> CloudEventCodec.encode(wrong)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CloudEventCodec.encodeStructured(wrong)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldEncodeStructuredModeWithTheCloudEventsContentType() {
        CloudEvent<AlertResolved> event = CloudEventCodec.newEvent("/s", "F-0001", RESOLVED);

        EncodedEvent encoded = CloudEventCodec.encodeStructured(event);

        assertThat(encoded.headers()).containsOnlyKeys("content-type");
        assertThat(encoded.header("content-type")).startsWith("application/cloudevents+json");
        assertThat(new String(encoded.value(), StandardCharsets.UTF_8))
                .startsWith("{\"specversion\":\"1.0\",\"id\":\"" + event.id() + "\"")
                .contains("\"data\":{\"alertId\"");
        assertThat(CloudEventCodec.decode(encoded.headers(), encoded.value())).isEqualTo(event);
    }

    @Test
    void shouldPreserveDecimalScaleAndTimeOffsetThroughARoundTrip() {
        CapitalSnapshot snapshot = CloudEventCodec.decode(binaryHeaders(EventTypes.CAPITAL_SNAPSHOT),
                bytes(json(EventTypes.CAPITAL_SNAPSHOT)), CapitalSnapshot.class).data();

        CapitalSnapshot again = CloudEventCodec.readPayload(CloudEventCodec.toJson(snapshot), CapitalSnapshot.class);

        assertThat(again).isEqualTo(snapshot);
        assertThat(again.capital().paidUpShareCapital().scale()).isEqualTo(2);
        assertThat(again.asOf().getOffset()).isEqualTo(ZoneOffset.ofHours(5));
    }

    @Test
    void shouldWriteTinyAndHugeDecimalsWithoutExponent() {
        String json = CloudEventCodec.toJson(Map.of("tiny", new BigDecimal("0.000000001"),
                "huge", new BigDecimal("1E+20")));

        assertThat(json).contains("\"tiny\":\"0.000000001\"").contains("\"huge\":\"100000000000000000000\"");
    }

    @Test
    void shouldReadStoredPayloadsUnderTheSameRules() {
        assertThatThrownBy(() -> CloudEventCodec.readPayload("{\"alertId\":\"a\"}", AlertResolved.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("data.firmId: required field is missing or null");
        assertThat(CloudEventCodec.readPayload(CloudEventCodec.toJsonBytes(RESOLVED), AlertResolved.class))
                .isEqualTo(RESOLVED);
    }

    @Test
    void shouldDecodeConcurrentlyFromManyThreads() throws Exception {
        List<String> types = EventTypes.all();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = IntStream.range(0, 8)
                    .mapToObj(worker -> pool.submit(() -> {
                        int decoded = 0;
                        for (int i = 0; i < 2_000; i++) {
                            String type = types.get((worker + i) % types.size());
                            CloudEvent<?> event = CloudEventCodec.decode(binaryHeaders(type), bytes(json(type)));
                            CloudEvent<?> back = CloudEventCodec.decode(CloudEventCodec.encode(event).headers(),
                                    CloudEventCodec.encode(event).value());
                            decoded += back.equals(event) ? 1 : 0;
                        }
                        return decoded;
                    }))
                    .toList();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(2_000);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldExposeTheConfiguredMapper() throws Exception {
        StaffChange staff = CloudEventCodec.mapper().readValue(json(EventTypes.STAFF_CHANGE), StaffChange.class);

        assertThat(staff.fullName()).isEqualTo("Aigerim Example");
        assertThat(CloudEventCodec.mapper().writeValueAsString(new BigDecimal("1500.00"))).isEqualTo("\"1500.00\"");
    }
}
