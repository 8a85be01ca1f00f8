package kz.aifc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import kz.aifc.simulator.traffic.ContentMode;
import kz.aifc.simulator.traffic.EventIds;
import kz.aifc.simulator.traffic.Scenario;
import kz.aifc.simulator.traffic.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line: defaults, every option, and a clear message for every mistake. */
class OptionsTest {

    private static final Clock NOON_UTC = Clock.fixed(Instant.parse("2026-11-20T07:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldDefaultToTheDemoDayOfTheFourDemoFirmsOnTheLocalBroker() throws UsageException {
        Options o = Options.parse();

        assertThat(o.bootstrap()).isEqualTo("localhost:9092");
        assertThat(o.topicSuffix()).isEmpty();
        assertThat(o.source()).isEqualTo("urn:aifc:simulator");
        assertThat(o.scenario()).isEqualTo(Scenario.DEMO_DAY);
        assertThat(o.firms()).containsExactly("F-DATF-01", "F-CUST-01", "F-DEAL-01", "F-CLEAN-01");
        assertThat(o.effectiveRate()).isEqualTo(20);
        assertThat(o.mode()).isEqualTo(ContentMode.BINARY);
        assertThat(o.eventIds()).isEqualTo(EventIds.SEQUENCE);
        assertThat(o.malformedShare()).isZero();
        assertThat(o.reportEvery()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.kztRate()).isEqualByComparingTo("520");
        assertThat(o.duration()).isNull();
        assertThat(o.count()).isNull();
        assertThat(o.effectivePregenerate()).isZero();
        assertThat(o.help()).isFalse();
        assertThat(o.version()).isFalse();
    }

    @Test
    void shouldParseEveryOptionInBothForms() throws UsageException {
        Options o = Options.parse("--bootstrap=broker:29092", "--topic-suffix", "simtest", "--source", "urn:firm:x",
                "--scenario", "load", "--firms", "F-A, F-B", "--rate", "2500", "--duration", "5m", "--count", "200000",
                "--seed", "-42", "--mode", "mixed", "--event-ids", "UUID", "--malformed-share", "0.05", "--report-every", "0",
                "--licences-out", "target/licences.json", "--kzt-rate", "512.35", "--start",
                "2026-11-20T10:00:00Z", "--time-scale", "60", "--snapshot-every", "90s", "--customers", "1000",
                "--suspicious-share", "0.02", "--pregenerate", "5000", "--producer", "acks=1", "--producer",
                "linger.ms=10", "--run-id", "bench1", "--print-licences", "--licensing", "http://127.0.0.1:8083/",
                "--capital=http://127.0.0.1:8081", "--jwt-keys", "deploy/local/.state/jwt");

        assertThat(o.bootstrap()).isEqualTo("broker:29092");
        assertThat(o.topicSuffix()).isEqualTo(".simtest");
        assertThat(o.source()).isEqualTo("urn:firm:x");
        assertThat(o.scenario()).isEqualTo(Scenario.LOAD);
        assertThat(o.firms()).containsExactly("F-A", "F-B");
        assertThat(o.effectiveRate()).isEqualTo(2500);
        assertThat(o.duration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(o.count()).isEqualTo(200_000);
        assertThat(o.seed()).isEqualTo(-42);
        assertThat(o.mode()).isEqualTo(ContentMode.MIXED);
        assertThat(o.eventIds()).isEqualTo(EventIds.UUID);
        assertThat(o.malformedShare()).isEqualTo(0.05);
        assertThat(o.reportEvery()).isZero();
        assertThat(o.licencesOut()).isEqualTo(Path.of("target/licences.json"));
        assertThat(o.kztRate()).isEqualByComparingTo(new BigDecimal("512.35"));
        assertThat(o.start()).isEqualTo(OffsetDateTime.parse("2026-11-20T15:00:00+05:00"));
        assertThat(o.effectiveTimeScale()).isEqualTo(60);
        assertThat(o.snapshotEvery()).isEqualTo(Duration.ofSeconds(90));
        assertThat(o.customers()).isEqualTo(1000);
        assertThat(o.suspiciousShare()).isEqualTo(0.02);
        assertThat(o.effectivePregenerate()).isEqualTo(5000);
        assertThat(o.producer()).isEqualTo(Map.of("acks", "1", "linger.ms", "10"));
        assertThat(o.runId()).isEqualTo("bench1");
        assertThat(o.printLicences()).isTrue();
        assertThat(o.licensing()).hasToString("http://127.0.0.1:8083");
        assertThat(o.capital()).hasToString("http://127.0.0.1:8081");
        assertThat(o.jwtKeys()).isEqualTo(Path.of("deploy/local/.state/jwt"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            simtest   | .simtest
            .simtest  | .simtest
            _bench    | _bench
            7         | .7
            """)
    void shouldAddTheDotToASuffixAsKafkaShTopicsDoes(String given, String expected) throws UsageException {
        assertThat(Options.parse("--topic-suffix", given).topicSuffix()).isEqualTo(expected);
    }

    @Test
    void shouldDeriveSimulatedTimeFromRateAndTimeScale() throws UsageException {
        Settings demo = Options.parse().settings(NOON_UTC);
        Settings fastDemo = Options.parse("--rate", "0").settings(NOON_UTC);
        Settings load = Options.parse("--scenario", "load").settings(NOON_UTC);

        assertThat(demo.step()).isEqualTo(Duration.ofSeconds(18));
        assertThat(fastDemo.step()).isEqualTo(Duration.ofSeconds(18));
        assertThat(demo.start()).isEqualTo(OffsetDateTime.parse("2026-11-20T03:00:00+05:00"));
        assertThat(demo.afterScript()).isNull();
        assertThat(load.step()).isEqualTo(Duration.ofNanos(20_000));
        assertThat(load.start()).isEqualTo(OffsetDateTime.parse("2026-11-20T12:00:00+05:00"));
        assertThat(load.customersPerFirm()).isEqualTo(50_000);
        assertThat(demo.runTag()).hasSize(6).isNotEqualTo(Options.parse().settings(NOON_UTC).runTag());
        Settings.Continuation after = Options.parse("--count", "10").settings(NOON_UTC).afterScript();
        assertThat(after.step()).isEqualTo(Duration.ofMillis(50));
        assertThat(after.snapshotEvery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(Options.parse("--scenario", "steady", "--count", "10").settings(NOON_UTC).afterScript()).isNull();
    }

    @Test
    void shouldPregenerateLoadUpToItsCountOrACap() throws UsageException {
        assertThat(Options.parse("--scenario", "load", "--count", "200000").effectivePregenerate())
                .isEqualTo(200_000);
        assertThat(Options.parse("--scenario", "load").effectivePregenerate()).isEqualTo(262_144);
        assertThat(Options.parse("--scenario", "steady", "--count", "200000").effectivePregenerate()).isZero();
    }

    @Test
    void shouldLetTheLastOccurrenceOfAnOptionWin() throws UsageException {
        Options o = Options.parse("--rate", "1", "--firms", "F-A,F-B", "--bootstrap", "a:1", "--topic-suffix", "x",
                "--rate=2", "--firms", "F-C", "--bootstrap", "b:2");

        assertThat(o.effectiveRate()).isEqualTo(2);
        assertThat(o.firms()).containsExactly("F-C");
        assertThat(o.bootstrap()).isEqualTo("b:2");
        assertThat(o.topicSuffix()).isEqualTo(".x");
    }

    @Test
    void shouldAddUpProducerSettingsTheLastOfAKeyWinning() throws UsageException {
        Options o = Options.parse("--producer", "acks=1", "--producer", "linger.ms=10", "--producer", "acks=all");

        assertThat(o.producer()).isEqualTo(Map.of("acks", "all", "linger.ms", "10"));
    }

    @Test
    void shouldTakeAValueStartingWithOneDashOrAttachedWithAnEqualsSign() throws UsageException {
        assertThat(Options.parse("--topic-suffix", "-bench1").topicSuffix()).isEqualTo("-bench1");
        assertThat(Options.parse("--seed", "-7").seed()).isEqualTo(-7);
        assertThat(Options.parse("--topic-suffix=--x").topicSuffix()).isEqualTo("--x");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --help    | true  | false
            -h        | true  | false
            --version | false | true
            -V        | false | true
            """)
    void shouldRecogniseTheHelpAndVersionFlags(String flag, boolean help, boolean version) throws UsageException {
        Options o = Options.parse(flag);

        assertThat(o.help()).isEqualTo(help);
        assertThat(o.version()).isEqualTo(version);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --bogus                            | unknown option '--bogus'
            -x                                 | unknown option '-x'
            stray                              | unexpected argument 'stray' (options start with --)
            --rate                             | --rate needs a value
            --rate --count 5                   | --rate needs a value
            --rate fast                        | --rate: 'fast' is not valid: expected a number
            --rate -5                          | --rate: '-5' is not valid: expected a number of 0 or more
            --duration 5min                    | --duration: '5min' is not valid: expected a duration such as 500ms
            --duration 0                       | --duration: '0' is not valid: must be longer than 0
            --count many                       | --count: 'many' is not valid: expected a whole number
            --count -1                         | --count: '-1' is not valid: must be between 0 and
            --scenario weekend                 | --scenario: 'weekend' is not valid: expected demo-day, steady, load, load-capital, load-licensing or load-alerts
            --mode xml                         | --mode: 'xml' is not valid: expected binary, structured or mixed
            --event-ids random                 | --event-ids: 'random' is not valid: expected sequence or uuid
            --malformed-share 1.5              | --malformed-share: '1.5' is not valid: expected a share between
            --firms F-A,,F-B                   | --firms: 'F-A,,F-B' is not valid: empty firm id in the list
            --firms F-A,F-A                    | firm id 'F-A' is listed twice
            --firms F/A                        | firm id 'F/A' may only hold letters, digits
            --producer acks                    | --producer: 'acks' is not valid: expected KEY=VALUE
            --print-licences=yes               | --print-licences takes no value
            --start 2026-11-20T09:00           | expected an RFC 3339 time with offset
            --kzt-rate 5.2e2                   | --kzt-rate: '5.2e2' is not valid: expected a positive decimal
            --bootstrap localhost              | --bootstrap: 'localhost' is not valid: expected HOST:PORT
            --topic-suffix a/b                 | --topic-suffix: 'a/b' is not valid
            --time-scale 0                     | --time-scale: '0' is not valid: must be greater than 0
            --run-id has-dash                  | --run-id: 'has-dash' is not valid
            --licensing localhost:8083         | --licensing: 'localhost:8083' is not valid: expected a base URL
            --licensing http://h:1             | --licensing needs --jwt-keys
            --capital http://h:1               | --capital and --jwt-keys go with --licensing
            --jwt-keys keys                    | --capital and --jwt-keys go with --licensing
            --bogus=1                          | unknown option '--bogus'
            --topic-suffix --verbose           | --topic-suffix needs a value
            --print-licences=true              | --print-licences takes no value
            --help=all                         | --help takes no value
            --help --bogus                     | unknown option '--bogus'
            -- --rate 5                        | unknown option '--'
            --                                 | unknown option '--'
            --customers 0                      | --customers: '0' is not valid: must be between 1 and 10000000
            --pregenerate 10000001             | --pregenerate: '10000001' is not valid: must be between 0 and
            --snapshot-every 0s                | --snapshot-every: '0s' is not valid: must be longer than 0
            --suspicious-share 2               | --suspicious-share: '2' is not valid: expected a share between
            --seed 1.5                         | --seed: '1.5' is not valid: expected a whole number
            --rate 1 --rate x                  | --rate: 'x' is not valid: expected a number
            """)
    void shouldExplainWhatIsWrongWithABadCommandLine(String args, String message) {
        UsageException e = catchThrowableOfType(UsageException.class,
                () -> Options.parse(args.trim().split("\\s+")));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains(message).doesNotContain("\n");
    }

    @Test
    void shouldDocumentEveryOptionInTheHelp() {
        String usage = Options.usage();

        for (String option : List.of("--bootstrap", "--topic-suffix", "--source", "--scenario", "--firms", "--rate",
                "--duration", "--count", "--seed", "--mode", "--malformed-share", "--report-every", "--licences-out",
                "--print-licences", "--kzt-rate", "--start", "--time-scale", "--snapshot-every", "--customers",
                "--suspicious-share", "--pregenerate", "--producer", "--run-id", "--licensing", "--capital",
                "--jwt-keys", "-h, --help", "-V, --version")) {
            assertThat(usage).contains(option);
        }
        assertThat(usage).contains("demo-day", "steady", "load", "\"eventsPerSecond\"");
        // the defaults that are not the scenario's, as the options hold them
        assertThat(usage).contains("default: localhost:9092", "default urn:aifc:simulator", "(default 1)",
                "default 520", "default 0.01", "Exit status: 0 done");
    }
}
