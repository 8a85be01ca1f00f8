package kz.aifc.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.Topics;
import kz.aifc.contract.codec.CloudEventCodec;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every record of every scenario is one the contract codec decodes back to the event it was built from. */
class EncodingTest {

    static Stream<Arguments> scenariosAndModes() {
        return Stream.of(Scenario.values()).flatMap(s -> Stream.of(ContentMode.values()).map(m -> Arguments.of(s, m)));
    }

    static int sampleSize(Scenario scenario) {
        return scenario == Scenario.LOAD ? 20_000 : 5_000;
    }

    @ParameterizedTest
    @MethodSource("scenariosAndModes")
    void shouldDecodeEveryGeneratedRecordBackToItsEvent(Scenario scenario, ContentMode mode) {
        List<Outgoing> records = Runs.drain(scenario, Runs.settings(scenario, mode, 0), sampleSize(scenario));

        assertThat(records).hasSizeGreaterThan(1_000);
        int structured = 0;
        for (Outgoing o : records) {
            ProducerRecord<String, byte[]> record = o.toProducerRecord("");
            CloudEvent<?> decoded = CloudEventCodec.decode(record.headers(), record.value());
            CloudEvent<?> sent = o.event();
            assertThat(o.malformed()).isFalse();
            assertThat(decoded.data()).isEqualTo(sent.data());
            assertThat(decoded.id()).isEqualTo(sent.id());
            assertThat(decoded.type()).isEqualTo(sent.type());
            assertThat(decoded.source()).isEqualTo("urn:aifc:simulator:test");
            assertThat(decoded.subject()).isEqualTo(record.key()).isEqualTo(o.firmId());
            assertThat(decoded.time()).isEqualTo(sent.time());
            assertThat(decoded.time().getOffset().getTotalSeconds()).isEqualTo(5 * 3600);
            assertThat(record.topic()).isEqualTo(Topics.forType(decoded.type()));
            String contentType = new String(record.headers().lastHeader(CloudEventCodec.CONTENT_TYPE).value(),
                    StandardCharsets.UTF_8);
            if (contentType.startsWith(CloudEventCodec.STRUCTURED_JSON)) {
                structured++;
                assertThat(record.headers().lastHeader(CloudEventCodec.CE_ID)).isNull();
            } else {
                assertThat(contentType).isEqualTo(CloudEventCodec.JSON);
            }
        }
        switch (mode) {
            case BINARY -> assertThat(structured).isZero();
            case STRUCTURED -> assertThat(structured).isEqualTo(records.size());
            case MIXED -> assertThat(structured).isBetween(records.size() / 3, records.size() * 2 / 3);
        }
    }

    @ParameterizedTest
    @MethodSource("scenariosAndModes")
    void shouldDecodeTheStructuredEnvelopeWhateverTheHeadersSay(Scenario scenario, ContentMode mode) {
        if (mode != ContentMode.STRUCTURED) {
            return;
        }
        for (Outgoing o : Runs.drain(scenario, Runs.settings(scenario, mode, 0), 500)) {
            assertThat(CloudEventCodec.decodeStructured(o.record().value()).data()).isEqualTo(o.event().data());
        }
    }

    @Test
    void shouldGenerateTheSameEventsForTheSameSeedAndRunTag() {
        Settings settings = Runs.settings(Scenario.DEMO_DAY, ContentMode.MIXED, 0.1);

        List<Outgoing> first = Runs.drain(Scenario.DEMO_DAY, settings, 3_000);
        List<Outgoing> second = Runs.drain(Scenario.DEMO_DAY, settings, 3_000);

        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).record().value()).isEqualTo(first.get(i).record().value());
        }
    }

    @Test
    void shouldKeepIdsUniqueWithinARunAndAcrossRunTags() {
        Settings a = Runs.settings(Scenario.STEADY, ContentMode.BINARY, 0);
        Settings b = new Settings(a.source(), "test2", a.seed(), a.mode(), a.kztPerUsd(), a.start(), a.step(),
                a.malformedShare(), a.customersPerFirm(), a.snapshotEvery(), a.staffEvery(), a.controllerEvery(),
                a.suspiciousShare(), a.afterScript());

        List<Outgoing> first = Runs.drain(Scenario.STEADY, a, 2_000);
        List<Outgoing> second = Runs.drain(Scenario.STEADY, b, 2_000);

        assertThat(first.stream().map(o -> o.event().id()).distinct().count()).isEqualTo(first.size());
        assertThat(first.get(10).event().id()).isNotEqualTo(second.get(10).event().id());
        assertThat(first.get(10).event().data().getClass()).isEqualTo(second.get(10).event().data().getClass());
    }

    @Test
    void shouldNameEventsByRandomUuidsReproduciblyAndAnewInAnotherRun() {
        Settings a = Runs.settings(Scenario.LOAD, ContentMode.BINARY, 0);
        Settings uuids = withIds(a, a.runTag(), EventIds.UUID);

        List<String> first = ids(Runs.drain(Scenario.LOAD, uuids, 5_000));
        List<String> again = ids(Runs.drain(Scenario.LOAD, uuids, 5_000));
        List<String> otherRun = ids(Runs.drain(Scenario.LOAD, withIds(a, "test2", EventIds.UUID), 5_000));

        assertThat(first).hasSizeGreaterThan(1_000).doesNotHaveDuplicates().allSatisfy(id -> {
            UUID parsed = UUID.fromString(id);
            assertThat(parsed.toString()).isEqualTo(id);
            assertThat(parsed.version()).isEqualTo(4);
            assertThat(parsed.variant()).isEqualTo(2);
        });
        assertThat(again).isEqualTo(first);
        assertThat(otherRun).doesNotContainAnyElementsOf(first);
        // Random, not in order: half of the neighbours descend.
        long descending = java.util.stream.IntStream.range(1, first.size())
                .filter(i -> first.get(i).compareTo(first.get(i - 1)) < 0).count();
        assertThat(descending).isBetween(first.size() * 4L / 10, first.size() * 6L / 10);
        assertThat(ids(Runs.drain(Scenario.LOAD, a, 10))).allSatisfy(id -> assertThat(id).startsWith(a.runTag() + "-"));
    }

    private static Settings withIds(Settings s, String runTag, EventIds ids) {
        return new Settings(s.source(), runTag, s.seed(), s.mode(), s.kztPerUsd(), s.start(), s.step(),
                s.malformedShare(), s.customersPerFirm(), s.snapshotEvery(), s.staffEvery(), s.controllerEvery(),
                s.suspiciousShare(), s.afterScript(), ids);
    }

    private static List<String> ids(List<Outgoing> records) {
        return records.stream().map(o -> o.event().id()).toList();
    }
}
