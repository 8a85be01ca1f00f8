package kz.aifc.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import kz.aifc.contract.Topics;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.codec.MalformedEventException;
import kz.aifc.simulator.firms.DemoFirms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The malformed share is broken in every advertised way, and the codec rejects each one with a reason. */
class MalformedRecordsTest {

    static Stream<Arguments> scenariosAndModes() {
        return EncodingTest.scenariosAndModes();
    }

    @ParameterizedTest
    @MethodSource("scenariosAndModes")
    void shouldRejectEveryMalformedRecordWithAReasonAndAcceptEveryGoodOne(Scenario scenario, ContentMode mode) {
        List<Outgoing> records = Runs.drain(scenario, Runs.settings(scenario, mode, 0.25),
                EncodingTest.sampleSize(scenario));

        Set<Malformation> seen = EnumSet.noneOf(Malformation.class);
        long malformed = 0;
        for (Outgoing o : records) {
            var record = o.toProducerRecord("");
            if (!o.malformed()) {
                assertThat(CloudEventCodec.decode(record.headers(), record.value()).data()).isEqualTo(o.event().data());
                continue;
            }
            malformed++;
            seen.add(o.malformation());
            Throwable thrown = catchThrowable(() -> CloudEventCodec.decode(record.headers(), record.value()));
            assertThat(thrown).as("%s %s", o.malformation(), o.target()).isInstanceOf(MalformedEventException.class);
            MalformedEventException e = (MalformedEventException) thrown;
            assertThat(e.reason()).isNotBlank();
            assertReasonFits(o, e);
            assertThat(record.key()).isEqualTo(o.event().subject()).isNotEqualTo(DemoFirms.CLEAN);
            assertThat(record.topic()).isEqualTo(Topics.forType(o.event().type()));
        }
        assertThat((double) malformed / records.size()).isBetween(0.24, 0.26);
        if (scenario == Scenario.LOAD_ALERTS) {
            // Alerts carry no amounts: every other kind of breakage.
            assertThat(seen).containsExactlyInAnyOrder(Malformation.MISSING_FIELD, Malformation.UNKNOWN_ENUM,
                    Malformation.UNKNOWN_TYPE, Malformation.NOT_JSON);
        } else {
            assertThat(seen).containsExactlyInAnyOrder(Malformation.values());
        }
    }

    private static void assertReasonFits(Outgoing o, MalformedEventException e) {
        switch (o.malformation()) {
            case MISSING_FIELD -> {
                assertThat(e.field()).isEqualTo(o.target());
                assertThat(e.reason()).contains("required");
            }
            case UNKNOWN_ENUM -> {
                assertThat(e.field()).isEqualTo(o.target());
                assertThat(e.reason()).contains("unknown value");
            }
            case NEGATIVE_AMOUNT -> {
                assertThat(e.field()).isEqualTo(o.target());
                assertThat(e.reason()).containsAnyOf("must not be negative", "must be between 0 and 100");
            }
            case EXPONENT_MONEY -> {
                assertThat(e.field()).isEqualTo(o.target());
                assertThat(e.reason()).contains("exponent notation");
            }
            case UNKNOWN_TYPE -> {
                assertThat(e.field()).isEqualTo(o.target()).isIn("ce_type", "type");
                assertThat(e.reason()).contains("unknown event type");
            }
            case NOT_JSON -> assertThat(e.reason()).contains("not valid JSON");
        }
    }
}
