package kz.aifc.simulator;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.aifc.simulator.firms.DemoFirms;
import kz.aifc.simulator.traffic.ContentMode;
import kz.aifc.simulator.traffic.Scenario;
import kz.aifc.simulator.traffic.Settings;

/** The parsed command line; null values take the scenario's default, so {@code --scenario load} moves several. */
public record Options(
        String bootstrap,
        String topicSuffix,
        String source,
        Scenario scenario,
        List<String> firms,
        Double rate,
        Duration duration,
        Long count,
        long seed,
        ContentMode mode,
        double malformedShare,
        Duration reportEvery,
        Path licencesOut,
        boolean printLicences,
        BigDecimal kztRate,
        OffsetDateTime start,
        Double timeScale,
        Duration snapshotEvery,
        Integer customers,
        double suspiciousShare,
        Integer pregenerate,
        Map<String, String> producer,
        String runId,
        URI licensing,
        URI capital,
        Path jwtKeys,
        boolean help) {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
    private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9._-]*");
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9]{1,24}");
    private static final Pattern BOOTSTRAP = Pattern.compile("[^,\\s:]+:\\d{1,5}(,[^,\\s:]+:\\d{1,5})*");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Set<String> FLAGS = Set.of("--help", "-h", "--print-licences");
    private static final Set<String> VALUED = Set.of("--bootstrap", "--topic-suffix", "--source", "--scenario",
            "--firms", "--rate", "--duration", "--count", "--seed", "--mode", "--malformed-share", "--report-every",
            "--licences-out", "--kzt-rate", "--start", "--time-scale", "--snapshot-every", "--customers",
            "--suspicious-share", "--pregenerate", "--producer", "--run-id", "--licensing", "--capital", "--jwt-keys");

    public Options {
        firms = List.copyOf(firms);
        producer = Map.copyOf(producer);
    }

    /** Parses {@code --name value} and {@code --name=value} forms; the last occurrence of an option wins. */
    public static Options parse(String... args) throws UsageException {
        Builder b = new Builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (FLAGS.contains(name)) {
                if (value != null) {
                    throw new UsageException(name + " takes no value");
                }
                if (name.equals("--print-licences")) {
                    b.printLicences = true;
                } else {
                    b.help = true;
                }
                continue;
            }
            if (!VALUED.contains(name)) {
                throw new UsageException(name.startsWith("-")
                        ? "unknown option '" + name + "'"
                        : "unexpected argument '" + arg + "' (options start with --)");
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            }
            b.set(name, value);
        }
        return b.build();
    }

    public double effectiveRate() {
        return rate != null ? rate : scenario.defaultRate();
    }

    public double effectiveTimeScale() {
        return timeScale != null ? timeScale : scenario.defaultTimeScale();
    }

    /** Records generated ahead of sending; load pre-generates (up to 262,144) so encoding stays out of the timing. */
    public int effectivePregenerate() {
        if (pregenerate != null) {
            return pregenerate;
        }
        if (scenario != Scenario.LOAD) {
            return 0;
        }
        return (int) Math.min(count != null ? count : Long.MAX_VALUE, 262_144);
    }

    /** The generation settings for a run starting now; {@code runTag} is random unless {@code --run-id} fixes it. */
    public Settings settings(Clock clock) {
        // A limit beyond the demo day means "keep the demo alive": carry on as a steady day in real time.
        Settings.Continuation afterScript = scenario == Scenario.DEMO_DAY && (duration != null || count != null)
                ? new Settings.Continuation(scenario.step(effectiveRate(), 1),
                        snapshotEvery != null ? snapshotEvery : Scenario.STEADY.snapshotEvery(),
                        Scenario.STEADY.staffEvery(), Scenario.STEADY.controllerEvery())
                : null;
        return new Settings(source, runId != null ? runId : randomTag(), seed, mode, kztRate,
                start != null ? start : scenario.defaultStart(clock),
                scenario.step(effectiveRate(), effectiveTimeScale()), malformedShare,
                customers != null ? customers : scenario.defaultCustomers(),
                snapshotEvery != null ? snapshotEvery : scenario.snapshotEvery(), scenario.staffEvery(),
                scenario.controllerEvery(), suspiciousShare, afterScript);
    }

    private static String randomTag() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sb.append(Character.forDigit(random.nextInt(36), 36));
        }
        return sb.toString();
    }

    /** The {@code --help} text. */
    public static String usage() {
        return """
                Usage: java -jar simulator/target/simulator-1.0.0-SNAPSHOT.jar [OPTIONS]

                Plays AIFC-licensed firms streaming CloudEvents to Kafka: the demo feed of the local stack and
                the load generator of the benchmarks. Record key = firm id. Progress and scripted incidents go
                to stderr; stdout gets one JSON line at the end:
                  {"sent":N,"malformed":M,"seconds":S,"eventsPerSecond":R,"failed":F}

                Kafka
                  --bootstrap HOST:PORT     brokers (default localhost:9092)
                  --topic-suffix S          appended to every contract topic; a suffix starting with a letter
                                            or digit gets a leading '.', as in deploy/local/kafka.sh topics
                                            (default: none)
                  --producer KEY=VALUE      any Kafka producer setting, repeatable (e.g. acks=1,
                                            compression.type=none); defaults: acks=all, idempotence on,
                                            linger.ms=5, batch.size=131072, compression.type=lz4

                What to send
                  --scenario NAME           demo-day (default), steady or load
                  --firms ID,ID,...         default F-DATF-01,F-CUST-01,F-DEAL-01,F-CLEAN-01; any other id plays
                                            a generic exchange (useful to spread load over more keys)
                  --mode M                  CloudEvents content mode: binary (default), structured, mixed
                  --malformed-share X       0.0..1.0: that share of records is deliberately malformed (missing
                                            field, unknown enum, negative amount, exponent money, unknown type,
                                            not JSON) and sent to the right topic, so it lands on the DLQ;
                                            never for F-CLEAN-01 (default 0)
                  --source URI              CloudEvents source (default urn:aifc:simulator)
                  --seed N                  randomness seed: the same seed gives the same events (default 1);
                                            event and transaction ids stay unique per run
                  --run-id TAG              fixes the per-run part of ids (default: random, 6 characters)
                  --kzt-rate X              KZT per USD for KZT amounts (default 520)
                  --customers N             customers per firm (default 2000; load 50000)
                  --suspicious-share X      load only: share of transactions with a red flag (default 0.01)

                How long and how fast
                  --rate N                  records per second, 0 = as fast as possible
                                            (default: demo-day 20, steady 10, load 0)
                  --duration D              stop after D of wall time: 500ms, 90s, 5m, 2h
                  --count N                 stop after N records (good and malformed)
                                            Without either, demo-day stops at the end of its day and steady and
                                            load run until interrupted (Ctrl-C still prints the summary).
                                            With either, demo-day carries on after its script as a steady
                                            day in real time, its incidents left unresolved.
                  --report-every D          progress line on stderr every D (default 5s; 0 = off)
                  --pregenerate N           records encoded before the clock starts
                                            (default: load min(count, 262144), otherwise 0); encoding is
                                            slower than sending, so use N = count for long full-speed runs

                Simulated time (the event times: occurredAt, asOf, ce_time; always at +05:00)
                  --start TIME              RFC 3339 start of simulated time (default: now; for demo-day
                                            now minus 9 h, so its day ends about when it is played)
                  --time-scale X            simulated seconds per wall second (default: demo-day 360, so its
                                            9-hour day takes 90 s; steady and load 1). Each record moves
                                            the clock by X/rate seconds; at --rate 0 by X/20 (demo-day),
                                            X/10 (steady) or X/50000 (load)
                  --snapshot-every D        simulated time between a firm's capital snapshots
                                            (default: demo-day 15m, otherwise 30s)

                Licences
                  --print-licences          print the firms' licence registrations (JSON array for
                                            POST /licences) on stdout and exit without sending
                  --licences-out FILE       write the same JSON to FILE, then run
                  --licensing URL           licensing-service (e.g. http://127.0.0.1:8083): send every firm's
                                            roster and controllers first, wait until licensing-service shows
                                            them applied, register each firm's licence (POST /licences, or
                                            PUT when already registered), then send the rest; a roster loaded
                                            one event at a time before the licence raises no vacancy
                  --capital URL             capital-service (e.g. http://127.0.0.1:8081): with --licensing,
                                            also wait until it knows every licence before the first capital
                                            snapshot, so no snapshot overtakes its licence (CAP-006)
                  --jwt-keys DIR            folder of the local signing key pair (deploy/local/.state/jwt)
                                            for the admin token those calls need
                                            The wait (at most 2 minutes) counts toward neither --duration nor
                                            the summary's seconds.

                  -h, --help                this text

                Scenarios
                  demo-day  a 9-hour day: roster, controllers and capital of every firm first, then a steady
                            day with these incidents, logged to stderr when sent (times into the day):
                            +1h10..+2h35 F-DATF-01 customer C-STRUCT deposits USD 950-990 four times (AML-005);
                            +3h20 F-DATF-01 withdrawal with a UN sanctions hit, match 97 (AML-001); +4h30
                            F-DEAL-01 capital at 110% of USD 250,000 (CAP-002), +6h00 at 96% (CAP-001); +7h00
                            F-CUST-01 MLRO departs (FP-001); +8h00 F-DATF-01 controller K-9 Silk Road Holdings
                            8.0% -> 12.5% without approval (FP-008). F-CLEAN-01 only ever sends clean events.
                  steady    the same baseline without incidents: snapshots well above requirement plus the
                            120% buffer, screened transactions with full Travel Rule data, every mandatory role
                            filled and approved, controllers below thresholds.
                  load      screened transactions only: many customers, log-normal amounts (mostly under
                            USD 1,000), realistic direction mix, about 1% red flags.

                Exit status: 0 done, 1 Kafka or I/O failure (or records failed), 2 bad command line.
                """;
    }

    /** Mutable holder while parsing; each setter turns a bad value into a message naming the option. */
    private static final class Builder {
        String bootstrap = "localhost:9092";
        String topicSuffix = "";
        String source = "urn:aifc:simulator";
        Scenario scenario = Scenario.DEMO_DAY;
        List<String> firms = DemoFirms.defaultIds();
        Double rate;
        Duration duration;
        Long count;
        long seed = 1;
        ContentMode mode = ContentMode.BINARY;
        double malformedShare;
        Duration reportEvery = Duration.ofSeconds(5);
        Path licencesOut;
        boolean printLicences;
        BigDecimal kztRate = new BigDecimal("520");
        OffsetDateTime start;
        Double timeScale;
        Duration snapshotEvery;
        Integer customers;
        double suspiciousShare = 0.01;
        Integer pregenerate;
        Map<String, String> producer = new LinkedHashMap<>();
        String runId;
        URI licensing;
        URI capital;
        Path jwtKeys;
        boolean help;

        void set(String name, String value) throws UsageException {
            switch (name) {
                case "--bootstrap" -> {
                    if (!BOOTSTRAP.matcher(value).matches()) {
                        throw bad(name, value, "expected HOST:PORT[,HOST:PORT...]");
                    }
                    bootstrap = value;
                }
                case "--topic-suffix" -> {
                    if (!SUFFIX.matcher(value).matches()) {
                        throw bad(name, value, "only letters, digits, '.', '_' and '-' are allowed");
                    }
                    topicSuffix = value.isEmpty() || value.startsWith(".") || value.startsWith("_")
                            || value.startsWith("-") ? value : "." + value;
                }
                case "--source" -> {
                    try {
                        if (value.isBlank()) {
                            throw new URISyntaxException(value, "empty");
                        }
                        new URI(value);
                    } catch (URISyntaxException e) {
                        throw bad(name, value, "expected a URI reference such as urn:aifc:simulator");
                    }
                    source = value;
                }
                case "--scenario" -> {
                    try {
                        scenario = Scenario.fromCli(value);
                    } catch (IllegalArgumentException e) {
                        throw bad(name, value, "expected demo-day, steady or load");
                    }
                }
                case "--firms" -> firms = firmList(value);
                case "--rate" -> rate = nonNegative(name, value);
                case "--duration" -> duration = positive(name, value, duration(name, value));
                case "--count" -> count = (long) longValue(name, value, 0, Long.MAX_VALUE);
                case "--seed" -> seed = longValue(name, value, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--mode" -> mode = switch (value.toLowerCase(Locale.ROOT)) {
                    case "binary" -> ContentMode.BINARY;
                    case "structured" -> ContentMode.STRUCTURED;
                    case "mixed" -> ContentMode.MIXED;
                    default -> throw bad(name, value, "expected binary, structured or mixed");
                };
                case "--malformed-share" -> malformedShare = share(name, value);
                case "--report-every" -> reportEvery = duration(name, value);
                case "--licences-out" -> {
                    if (value.isBlank()) {
                        throw bad(name, value, "expected a file name");
                    }
                    licencesOut = Path.of(value);
                }
                case "--kzt-rate" -> {
                    if (!PLAIN_DECIMAL.matcher(value).matches() || new BigDecimal(value).signum() <= 0) {
                        throw bad(name, value, "expected a positive decimal such as 520 or 512.35");
                    }
                    kztRate = new BigDecimal(value);
                }
                case "--start" -> {
                    try {
                        start = OffsetDateTime.parse(value).withOffsetSameInstant(Scenario.ALMATY);
                    } catch (DateTimeParseException e) {
                        throw bad(name, value, "expected an RFC 3339 time with offset, e.g. 2026-11-20T09:00:00+05:00");
                    }
                }
                case "--time-scale" -> {
                    double scale = nonNegative(name, value);
                    if (scale <= 0) {
                        throw bad(name, value, "must be greater than 0");
                    }
                    timeScale = scale;
                }
                case "--snapshot-every" -> snapshotEvery = positive(name, value, duration(name, value));
                case "--customers" -> customers = (int) longValue(name, value, 1, 10_000_000);
                case "--suspicious-share" -> suspiciousShare = share(name, value);
                case "--pregenerate" -> pregenerate = (int) longValue(name, value, 0, 10_000_000);
                case "--producer" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw bad(name, value, "expected KEY=VALUE, e.g. acks=1");
                    }
                    producer.put(value.substring(0, eq).trim(), value.substring(eq + 1).trim());
                }
                case "--licensing" -> licensing = baseUrl(name, value);
                case "--capital" -> capital = baseUrl(name, value);
                case "--jwt-keys" -> {
                    if (value.isBlank()) {
                        throw bad(name, value, "expected a folder");
                    }
                    jwtKeys = Path.of(value);
                }
                case "--run-id" -> {
                    if (!RUN_ID.matcher(value).matches()) {
                        throw bad(name, value, "1 to 24 letters or digits");
                    }
                    runId = value;
                }
                default -> throw new UsageException("unknown option '" + name + "'");
            }
        }

        Options build() throws UsageException {
            if (licensing == null && (capital != null || jwtKeys != null)) {
                throw new UsageException("--capital and --jwt-keys go with --licensing");
            }
            if (licensing != null && jwtKeys == null) {
                throw new UsageException("--licensing needs --jwt-keys (the admin token that registers licences)");
            }
            return new Options(bootstrap, topicSuffix, source, scenario, firms, rate, duration, count, seed, mode,
                    malformedShare, reportEvery, licencesOut, printLicences, kztRate, start, timeScale,
                    snapshotEvery, customers, suspiciousShare, pregenerate, producer, runId, licensing, capital,
                    jwtKeys, help);
        }

        private static URI baseUrl(String name, String value) throws UsageException {
            try {
                URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            throw bad(name, value, "expected a base URL such as http://127.0.0.1:8083");
        }

        private static List<String> firmList(String value) throws UsageException {
            Set<String> ids = new LinkedHashSet<>();
            for (String part : value.split(",", -1)) {
                String id = part.trim();
                if (id.isEmpty()) {
                    throw bad("--firms", value, "empty firm id in the list");
                }
                if (!DemoFirms.FIRM_ID.matcher(id).matches()) {
                    throw bad("--firms", value, "firm id '" + id + "' may only hold letters, digits, '.', '_' and '-'");
                }
                if (!ids.add(id)) {
                    throw bad("--firms", value, "firm id '" + id + "' is listed twice");
                }
            }
            return new ArrayList<>(ids);
        }

        private static Duration duration(String name, String value) throws UsageException {
            if (value.equals("0")) {
                return Duration.ZERO;
            }
            Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw bad(name, value, "expected a duration such as 500ms, 90s, 5m or 2h");
            }
            double amount = Double.parseDouble(m.group(1));
            double millis = switch (m.group(2)) {
                case "ms" -> amount;
                case "s" -> amount * 1_000;
                case "m" -> amount * 60_000;
                default -> amount * 3_600_000;
            };
            return Duration.ofMillis(Math.round(millis));
        }

        private static Duration positive(String name, String value, Duration d) throws UsageException {
            if (d.isZero()) {
                throw bad(name, value, "must be longer than 0");
            }
            return d;
        }

        private static double nonNegative(String name, String value) throws UsageException {
            double d;
            try {
                d = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw bad(name, value, "expected a number");
            }
            if (!Double.isFinite(d) || d < 0) {
                throw bad(name, value, "expected a number of 0 or more");
            }
            return d;
        }

        private static double share(String name, String value) throws UsageException {
            double d = nonNegative(name, value);
            if (d > 1) {
                throw bad(name, value, "expected a share between 0.0 and 1.0");
            }
            return d;
        }

        private static long longValue(String name, String value, long min, long max) throws UsageException {
            long v;
            try {
                v = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw bad(name, value, "expected a whole number");
            }
            if (v < min || v > max) {
                throw bad(name, value, "must be between " + min + " and " + max);
            }
            return v;
        }

        private static UsageException bad(String name, String value, String why) {
            return new UsageException(name + ": '" + value + "' is not valid: " + why);
        }
    }
}
