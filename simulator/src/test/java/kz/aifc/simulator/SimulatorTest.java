package kz.aifc.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.LicenceChanged;
import org.junit.jupiter.api.Test;

/** The entry point: exit codes, help, licences and the summary line that benchmarks parse. */
class SimulatorTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Simulator.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldExitWithTwoAndNameTheOptionOnABadCommandLine() {
        assertThat(run("--scenario", "demo-day", "--speed", "3")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("simulator: unknown option '--speed'", "Run with --help");
        assertThat(out.size()).isZero();
    }

    @Test
    void shouldNameTheOptionAndTheValueInOneLineOnABadValue() {
        assertThat(run("--count", "10", "--rate", "fast")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "simulator: --rate: 'fast' is not valid: expected a number", "Run with --help for the options.");
        assertThat(out.size()).isZero();
    }

    @Test
    void shouldPrintTheHelpAndExitWithZero() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage:").contains("--malformed-share")
                .isEqualTo(Options.usage());
        assertThat(err.size()).isZero();
    }

    @Test
    void shouldPrintTheSameHelpForTheShortFlag() {
        assertThat(run("-h")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Options.usage());
    }

    @Test
    void shouldPrintTheVersionAndExitWithZero() {
        assertThat(run("--version")).isZero();

        // run from the class folders, so no jar manifest gives the number
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("simulator ").hasLineCount(1);
    }

    @Test
    void shouldPrintTheLicenceRegistrationsOfTheSelectedFirmsAsOneJsonArray() throws Exception {
        assertThat(run("--print-licences")).isZero();

        JsonNode array = CloudEventCodec.mapper().readTree(out.toByteArray());
        assertThat(array.isArray()).isTrue();
        List<LicenceChanged> licences = new ArrayList<>();
        for (JsonNode node : array) {
            assertThat(node.fieldNames()).toIterable().containsExactlyInAnyOrder("firmId", "firmName",
                    "licenceNumber", "status", "activities", "effectiveFrom", "conditions");
            licences.add(CloudEventCodec.readPayload(node.toString(), LicenceChanged.class));
        }
        assertThat(licences).extracting(LicenceChanged::firmId)
                .containsExactly("F-DATF-01", "F-CUST-01", "F-DEAL-01", "F-CLEAN-01");
        assertThat(licences.get(0).firmName()).isEqualTo("Steppe Digital Exchange Ltd");
        assertThat(licences.get(0).activities()).extracting(Enum::name)
                .containsExactly("DATF_OPERATOR", "PROVIDING_CUSTODY");
        assertThat(licences.get(1).activities()).extracting(Enum::name).containsExactly("PROVIDING_CUSTODY");
        assertThat(licences.get(2).activities()).extracting(Enum::name).containsExactly("DEALING_AS_PRINCIPAL");
        assertThat(licences.get(3).firmName()).isEqualTo("Baiterek Brokers Ltd");
        assertThat(licences.get(3).activities()).extracting(Enum::name).containsExactly("DEALING_AS_PRINCIPAL");
        assertThat(licences).allSatisfy(l -> assertThat(l.status().name()).isEqualTo("ACTIVE"));
    }

    @Test
    void shouldPrintLicencesOnlyForTheFirmsAsked() throws Exception {
        assertThat(run("--print-licences", "--firms", "F-DEAL-01,F-LOAD-07")).isZero();

        JsonNode array = CloudEventCodec.mapper().readTree(out.toByteArray());
        assertThat(array).hasSize(2);
        assertThat(array.get(1).get("firmId").asText()).isEqualTo("F-LOAD-07");
    }

    @Test
    void shouldSummariseARunAsOneJsonLine() throws Exception {
        String json = new Sender.Result(200_000, 1_000, 0, 2.5).json();

        assertThat(json).isEqualTo(
                "{\"sent\":200000,\"malformed\":1000,\"seconds\":2.500,\"eventsPerSecond\":80000.0,\"failed\":0}");
        assertThat(CloudEventCodec.mapper().readTree(json).get("eventsPerSecond").asDouble()).isEqualTo(80_000.0);
    }
}
