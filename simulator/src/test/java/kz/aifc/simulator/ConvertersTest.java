package kz.aifc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import kz.aifc.simulator.Converters.ProducerSetting;
import kz.aifc.simulator.traffic.ContentMode;
import kz.aifc.simulator.traffic.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The command line's value types: what each accepts, and what it says about what it refuses. */
class ConvertersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0      | 0
            500ms  | 500
            1.5s   | 1500
            2s     | 2000
            2S     | 2000
            90s    | 90000
            5m     | 300000
            1h     | 3600000
            0.25ms | 0
            """)
    void shouldReadDurationsWithTheirUnit(String given, long millis) throws Exception {
        assertThat(new Converters.DurationConverter().convert(given)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5min", "5", "1d", "-1s", "1e3ms", "", "s"})
    void shouldRefuseADurationWithoutAKnownUnit(String given) {
        assertRefused(new Converters.DurationConverter(), given, "expected a duration such as 500ms, 90s, 5m or 2h");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0s", "0.0h"})
    void shouldRefuseAZeroLimit(String given) {
        assertRefused(new Converters.PositiveDuration(), given, "must be longer than 0");
    }

    @Test
    void shouldReadNumbersAndShares() throws Exception {
        assertThat(new Converters.NonNegative().convert("0")).isZero();
        assertThat(new Converters.NonNegative().convert("2500.5")).isEqualTo(2500.5);
        assertThat(new Converters.Share().convert("1")).isEqualTo(1.0);
        assertThat(new Converters.Positive().convert("0.5")).isEqualTo(0.5);
        assertRefused(new Converters.NonNegative(), "fast", "expected a number");
        assertRefused(new Converters.NonNegative(), "NaN", "expected a number of 0 or more");
        assertRefused(new Converters.NonNegative(), "Infinity", "expected a number of 0 or more");
        assertRefused(new Converters.Share(), "1.01", "expected a share between 0.0 and 1.0");
        assertRefused(new Converters.Share(), "-0.1", "expected a number of 0 or more");
        assertRefused(new Converters.Positive(), "0", "must be greater than 0");
    }

    @Test
    void shouldKeepWholeNumbersWithinTheirBounds() throws Exception {
        assertThat(new Converters.AnyWholeNumber().convert("-42")).isEqualTo(-42);
        assertThat(new Converters.Count().convert("0")).isZero();
        assertThat(new Converters.Customers().convert("10000000")).isEqualTo(10_000_000);
        assertRefused(new Converters.Count(), "1e6", "expected a whole number");
        assertRefused(new Converters.Customers(), "0", "must be between 1 and 10000000");
        assertRefused(new Converters.Pregenerate(), "-1", "must be between 0 and 10000000");
    }

    @Test
    void shouldReadPlainPositiveDecimals() throws Exception {
        assertThat(new Converters.PositiveDecimal().convert("520")).isEqualByComparingTo("520");
        assertThat(new Converters.PositiveDecimal().convert("512.35")).isEqualTo(new BigDecimal("512.35"));
        for (String bad : new String[] {"5.2e2", "0", "0.00", "-1", "1,5", ".5"}) {
            assertRefused(new Converters.PositiveDecimal(), bad, "expected a positive decimal such as 520 or 512.35");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:9092", "broker-1:29092,broker-2:29092", "10.0.0.7:9092"})
    void shouldTakeAListOfBrokers(String given) throws Exception {
        assertThat(new Converters.Bootstrap().convert(given)).isEqualTo(given);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "a:1,", "a:1, b:2", "a:123456", ":9092", "a:b"})
    void shouldRefuseABrokerListNotOfHostsAndPorts(String given) {
        assertRefused(new Converters.Bootstrap(), given, "expected HOST:PORT[,HOST:PORT...]");
    }

    @Test
    void shouldReadBaseUrlsWithoutTheirTrailingSlash() throws Exception {
        assertThat(new Converters.BaseUrl().convert("http://127.0.0.1:8083/")).isEqualTo(
                URI.create("http://127.0.0.1:8083"));
        assertThat(new Converters.BaseUrl().convert("https://licensing.example")).hasToString(
                "https://licensing.example");
        for (String bad : new String[] {"localhost:8083", "ftp://h/x", "http://", "http://a b"}) {
            assertRefused(new Converters.BaseUrl(), bad, "expected a base URL such as http://127.0.0.1:8083");
        }
    }

    @Test
    void shouldReadSourcesAsUriReferences() throws Exception {
        assertThat(new Converters.Source().convert("urn:firm:x")).isEqualTo("urn:firm:x");
        assertThat(new Converters.Source().convert("/systems/core")).isEqualTo("/systems/core");
        assertRefused(new Converters.Source(), " ", "expected a URI reference such as urn:aifc:simulator");
        assertRefused(new Converters.Source(), "a b", "expected a URI reference such as urn:aifc:simulator");
    }

    @Test
    void shouldReadPathsButNotBlankOnes() throws Exception {
        assertThat(new Converters.FileName().convert("target/licences.json")).isEqualTo(
                Path.of("target/licences.json"));
        assertThat(new Converters.Folder().convert("deploy/local/.state/jwt")).isEqualTo(
                Path.of("deploy/local/.state/jwt"));
        assertRefused(new Converters.FileName(), " ", "expected a file name");
        assertRefused(new Converters.Folder(), "", "expected a folder");
    }

    @Test
    void shouldSplitAProducerSettingAtItsFirstEqualsSign() throws Exception {
        assertThat(new Converters.ProducerSettingConverter().convert(" linger.ms = 10 "))
                .isEqualTo(new ProducerSetting("linger.ms", "10"));
        assertThat(new Converters.ProducerSettingConverter().convert("sasl.jaas.config=a b=\"c\""))
                .isEqualTo(new ProducerSetting("sasl.jaas.config", "a b=\"c\""));
        assertThat(new Converters.ProducerSettingConverter().convert("client.rack="))
                .isEqualTo(new ProducerSetting("client.rack", ""));
        for (String bad : new String[] {"acks", "=1", " =1"}) {
            assertRefused(new Converters.ProducerSettingConverter(), bad, "expected KEY=VALUE, e.g. acks=1");
        }
    }

    @Test
    void shouldReadFirmIdsInTheirOrder() throws Exception {
        assertThat(new Converters.FirmList().convert(" F-B ,F-A").ids()).containsExactly("F-B", "F-A");
        assertRefused(new Converters.FirmList(), "F-A,", "empty firm id in the list");
        assertRefused(new Converters.FirmList(), "F-A,F-A", "firm id 'F-A' is listed twice");
        assertRefused(new Converters.FirmList(), "-F", "firm id '-F' may only hold letters, digits, '.', '_' and '-'");
    }

    @Test
    void shouldReadScenariosAndModesInAnyCase() throws Exception {
        assertThat(new Converters.ScenarioName().convert("LOAD")).isEqualTo(Scenario.LOAD);
        assertThat(new Converters.ScenarioName().convert("demo-day")).isEqualTo(Scenario.DEMO_DAY);
        assertThat(new Converters.ModeName().convert("Structured")).isEqualTo(ContentMode.STRUCTURED);
        assertRefused(new Converters.ScenarioName(), "demo_day", "expected demo-day, steady, load, load-capital, load-licensing or load-alerts");
        assertRefused(new Converters.ModeName(), "xml", "expected binary, structured or mixed");
    }

    @Test
    void shouldMoveAStartTimeToTheContractOffset() throws Exception {
        assertThat(new Converters.AlmatyTime().convert("2026-11-20T10:00:00Z")).isEqualTo(
                OffsetDateTime.parse("2026-11-20T15:00:00+05:00"));
        assertThat(new Converters.AlmatyTime().convert("2026-11-20T09:00:00+05:00").getOffset())
                .isEqualTo(Scenario.ALMATY);
        assertRefused(new Converters.AlmatyTime(), "2026-11-20", "expected an RFC 3339 time with offset");
    }

    @Test
    void shouldKeepRunIdsShortAndPlain() throws Exception {
        assertThat(new Converters.RunId().convert("bench1")).isEqualTo("bench1");
        assertRefused(new Converters.RunId(), "a".repeat(25), "1 to 24 letters or digits");
        assertRefused(new Converters.RunId(), "", "1 to 24 letters or digits");
    }

    private static void assertRefused(ITypeConverter<?> converter, String value, String message) {
        assertThatThrownBy(() -> converter.convert(value)).isInstanceOf(TypeConversionException.class)
                .hasMessageStartingWith(message);
    }
}
