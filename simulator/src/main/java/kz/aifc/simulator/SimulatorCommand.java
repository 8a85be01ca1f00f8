package kz.aifc.simulator;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import kz.aifc.simulator.Converters.FirmIds;
import kz.aifc.simulator.Converters.ProducerSetting;
import kz.aifc.simulator.firms.DemoFirms;
import kz.aifc.simulator.traffic.ContentMode;
import kz.aifc.simulator.traffic.EventIds;
import kz.aifc.simulator.traffic.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The simulator's command line as picocli reads it; {@link #parse} turns it into {@link Options}. */
@Command(name = "simulator",
        customSynopsis = "java -jar simulator/target/simulator-1.0.0-SNAPSHOT.jar [OPTIONS]",
        description = {
            "",
            "Plays AIFC-licensed firms streaming CloudEvents to Kafka: the demo feed of the local stack and the load "
                    + "generator of the benchmarks. Record key = firm id. Progress and scripted incidents go to "
                    + "stderr; stdout gets one JSON line at the end:",
            "  {\"sent\":N,\"malformed\":M,\"seconds\":S,\"eventsPerSecond\":R,\"failed\":F}"},
        optionListHeading = "%n",
        usageHelpWidth = 100,
        sortOptions = false,
        versionProvider = SimulatorCommand.Version.class,
        footerHeading = "%nScenarios%n",
        // Written out line by line: picocli wraps a footer line flush left, which would hide the scenario names.
        footer = {
            "  demo-day  a 9-hour day: roster, controllers and capital of every firm first, then a steady day",
            "            with these incidents, logged to stderr when sent (times into the day):",
            "            +1h10..+2h35 F-DATF-01 customer C-STRUCT deposits USD 950-990 four times (AML-005);",
            "            +3h20 F-DATF-01 withdrawal with a UN sanctions hit, match 97 (AML-001);",
            "            +4h30 F-DEAL-01 capital at 110%% of USD 250,000 (CAP-002), +6h00 at 96%% (CAP-001);",
            "            +7h00 F-CUST-01 MLRO departs (FP-001); +8h00 F-DATF-01 controller K-9 Silk Road",
            "            Holdings 8.0%% -> 12.5%% without approval (FP-008).",
            "            F-CLEAN-01 only ever sends clean events.",
            "  steady    the same baseline without incidents: snapshots well above requirement plus the 120%%",
            "            buffer, screened transactions with full Travel Rule data, every mandatory role filled",
            "            and approved, controllers below thresholds.",
            "  load      screened transactions only: many customers, log-normal amounts (mostly under",
            "            USD 1,000), realistic direction mix, about 1%% red flags.",
            "  load-capital, load-licensing, load-alerts  one service's events only (bench-service.sh):",
            "            capital snapshots; staff and controller changes; alerts raised and resolved.",
            "",
            "Exit status: 0 done, 1 Kafka or I/O failure (or records failed), 2 bad command line."})
final class SimulatorCommand {

    /**
     * The sections of the option list, each under a heading that comes before its first option; an option joins
     * the section of the option declared before it.
     */
    private static final Map<String, String> HEADINGS = Map.of(
            "--bootstrap", "Kafka",
            "--scenario", "What to send",
            "--rate", "How long and how fast",
            "--start", "Simulated time (the event times: occurredAt, asOf, ce_time; always at +05:00)",
            "--print-licences", "Licences",
            "--help", "Help");

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", converter = Converters.Bootstrap.class,
            preprocessor = Strict.class, description = "brokers (default: ${DEFAULT-VALUE}); a secured broker's settings come "
                    + "from KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_* and KAFKA_SSL_* in the environment, as the services'")
    String bootstrap = "localhost:9092";

    @Option(names = "--topic-suffix", paramLabel = "S", converter = Converters.TopicSuffix.class,
            preprocessor = Strict.class, description = "appended to every contract topic; a suffix starting "
                    + "with a letter or digit gets a leading '.', as in deploy/local/kafka.sh topics "
                    + "(default: none)")
    String topicSuffix = "";

    @Option(names = "--producer", paramLabel = "KEY=VALUE", converter = Converters.ProducerSettingConverter.class,
            preprocessor = Strict.class, description = {"any Kafka producer setting, repeatable (e.g. acks=1);",
                "defaults: acks=all, enable.idempotence=true, linger.ms=5,",
                "batch.size=131072, compression.type=lz4"})
    List<ProducerSetting> producer = new ArrayList<>();

    @Option(names = "--scenario", paramLabel = "NAME", converter = Converters.ScenarioName.class,
            preprocessor = Strict.class,
            description = "demo-day (default), steady, load, load-capital, load-licensing or load-alerts")
    Scenario scenario = Scenario.DEMO_DAY;

    @Option(names = "--firms", paramLabel = "ID,ID,...", converter = Converters.FirmList.class,
            preprocessor = Strict.class, description = "default F-DATF-01,F-CUST-01,F-DEAL-01,F-CLEAN-01; any "
                    + "other id plays a generic exchange (useful to spread load over more keys)")
    FirmIds firms = new FirmIds(DemoFirms.defaultIds());

    @Option(names = "--mode", paramLabel = "M", converter = Converters.ModeName.class,
            preprocessor = Strict.class,
            description = "CloudEvents content mode: binary (default), structured, mixed")
    ContentMode mode = ContentMode.BINARY;

    @Option(names = "--event-ids", paramLabel = "S", converter = Converters.EventIdsName.class,
            preprocessor = Strict.class,
            description = "how events are named: sequence (default, <run>-<n>) or uuid (random, as most firms' "
                    + "systems send them)")
    EventIds eventIds = EventIds.SEQUENCE;

    @Option(names = "--malformed-share", paramLabel = "X", converter = Converters.Share.class,
            preprocessor = Strict.class, description = "0.0..1.0: that share of records is deliberately "
                    + "malformed (missing field, unknown enum, negative amount, exponent money, unknown type, "
                    + "not JSON) and sent to the right topic, so it lands on the DLQ; never for F-CLEAN-01 "
                    + "(default 0)")
    double malformedShare;

    @Option(names = "--source", paramLabel = "URI", converter = Converters.Source.class,
            preprocessor = Strict.class, description = "CloudEvents source (default ${DEFAULT-VALUE})")
    String source = "urn:aifc:simulator";

    @Option(names = "--seed", paramLabel = "N", converter = Converters.AnyWholeNumber.class,
            preprocessor = Strict.class, description = "randomness seed: the same seed gives the same events "
                    + "(default ${DEFAULT-VALUE}); event and transaction ids stay unique per run")
    long seed = 1;

    @Option(names = "--run-id", paramLabel = "TAG", converter = Converters.RunId.class,
            preprocessor = Strict.class,
            description = "fixes the per-run part of ids, 1 to 24 letters or digits (default: random, "
                    + "6 characters)")
    String runId;

    @Option(names = "--kzt-rate", paramLabel = "X", converter = Converters.PositiveDecimal.class,
            preprocessor = Strict.class, description = "KZT per USD for KZT amounts (default ${DEFAULT-VALUE})")
    BigDecimal kztRate = new BigDecimal("520");

    @Option(names = "--customers", paramLabel = "N", converter = Converters.Customers.class,
            preprocessor = Strict.class, description = "customers per firm (default 2000; load 50000)")
    Long customers;

    @Option(names = "--suspicious-share", paramLabel = "X", converter = Converters.Share.class,
            preprocessor = Strict.class,
            description = {"load: share of transactions with a red flag; load-capital, load-licensing: of events",
                "breaching a rule; load-alerts: of raised alerts resolved later (default ${DEFAULT-VALUE})"})
    double suspiciousShare = 0.01;

    @Option(names = "--rate", paramLabel = "N", converter = Converters.NonNegative.class,
            preprocessor = Strict.class, description = "records per second, 0 = as fast as possible (default: "
                    + "demo-day 20, steady 10, load 0)")
    Double rate;

    @Option(names = "--duration", paramLabel = "D", converter = Converters.PositiveDuration.class,
            preprocessor = Strict.class, description = "stop after D of wall time: 500ms, 90s, 5m, 2h")
    Duration duration;

    @Option(names = "--count", paramLabel = "N", converter = Converters.Count.class, preprocessor = Strict.class,
            description = {"stop after N records (good and malformed)",
                "Without either, demo-day stops at the end of its day and steady and load run until "
                        + "interrupted (Ctrl-C still prints the summary). With either, demo-day carries on "
                        + "after its script as a steady day in real time, its incidents left unresolved."})
    Long count;

    @Option(names = "--report-every", paramLabel = "D", converter = Converters.DurationConverter.class,
            preprocessor = Strict.class, description = "progress line on stderr every D (default 5s; 0 = off)")
    Duration reportEvery = Duration.ofSeconds(5);

    @Option(names = "--pregenerate", paramLabel = "N", converter = Converters.Pregenerate.class,
            preprocessor = Strict.class, description = "records encoded before the clock starts (default: load "
                    + "min(count, 262144), otherwise 0); encoding is slower than sending, so use N = count for "
                    + "long full-speed runs")
    Long pregenerate;

    @Option(names = "--start", paramLabel = "TIME", converter = Converters.AlmatyTime.class,
            preprocessor = Strict.class, description = "RFC 3339 start of simulated time (default: now; for "
                    + "demo-day now minus 9 h, so its day ends about when it is played)")
    OffsetDateTime start;

    @Option(names = "--time-scale", paramLabel = "X", converter = Converters.Positive.class,
            preprocessor = Strict.class, description = "simulated seconds per wall second (default: demo-day "
                    + "360, so its 9-hour day takes 90 s; steady and load 1). Each record moves the clock by "
                    + "X/rate seconds; at --rate 0 by X/20 (demo-day), X/10 (steady) or X/50000 (load)")
    Double timeScale;

    @Option(names = "--snapshot-every", paramLabel = "D", converter = Converters.PositiveDuration.class,
            preprocessor = Strict.class, description = "simulated time between a firm's capital snapshots "
                    + "(default: demo-day 15m, otherwise 30s)")
    Duration snapshotEvery;

    @Option(names = "--print-licences", preprocessor = Strict.class, description = "print the firms' licence "
            + "registrations (JSON array for POST /licences) on stdout and exit without sending")
    boolean printLicences;

    @Option(names = "--licences-out", paramLabel = "FILE", converter = Converters.FileName.class,
            preprocessor = Strict.class, description = "write the same JSON to FILE, then run")
    Path licencesOut;

    @Option(names = "--licensing", paramLabel = "URL", converter = Converters.BaseUrl.class,
            preprocessor = Strict.class, description = "licensing-service (e.g. http://127.0.0.1:8083): send "
                    + "every firm's roster and controllers first, wait until licensing-service shows them "
                    + "applied, register each firm's licence (POST /licences, or PUT when already registered), "
                    + "then send the rest; a roster loaded one event at a time before the licence raises no "
                    + "vacancy. Needs --jwt-keys")
    URI licensing;

    @Option(names = "--capital", paramLabel = "URL", converter = Converters.BaseUrl.class,
            preprocessor = Strict.class, description = "capital-service (e.g. http://127.0.0.1:8081): with "
                    + "--licensing, also wait until it knows every licence before the first capital snapshot, "
                    + "so no snapshot overtakes its licence (CAP-006)")
    URI capital;

    @Option(names = "--jwt-keys", paramLabel = "DIR", converter = Converters.Folder.class,
            preprocessor = Strict.class, description = {"folder of the local signing key pair "
                    + "(deploy/local/.state/jwt) for the admin token those calls need",
                "The wait (at most 2 minutes) counts toward neither --duration nor the summary's seconds."})
    Path jwtKeys;

    @Option(names = {"-h", "--help"}, usageHelp = true, preprocessor = Strict.class,
            description = "this text")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, preprocessor = Strict.class,
            description = "the simulator's version")
    boolean version;

    /**
     * Parses {@code --name value} and {@code --name=value} forms; the last occurrence of an option wins, except
     * {@code --producer}, which adds a setting each time.
     */
    static Options parse(String... args) throws UsageException {
        // picocli reads a bare "--" as the end of the options; this program has no operands, so it is a mistake
        // (left alone, "simulator --" would start a demo day with every default).
        for (String arg : args) {
            if ("--".equals(arg)) {
                throw new UsageException("unknown option '--'");
            }
        }
        SimulatorCommand command = new SimulatorCommand();
        CommandLine commandLine = commandLine(command);
        try {
            ParseResult result = commandLine.parseArgs(args);
            // picocli lets a stray argument pass when help is asked for; a mistake stays a mistake.
            if (!result.unmatched().isEmpty()) {
                throw new UnmatchedArgumentException(commandLine, result.unmatched());
            }
        } catch (ParameterException e) {
            throw new UsageException(explain(e));
        }
        return command.toOptions();
    }

    /** The {@code --help} text. */
    static String usage() {
        return commandLine(new SimulatorCommand()).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** The {@code --version} text. */
    static String version() {
        return String.join(System.lineSeparator(), new Version().getVersion()) + System.lineSeparator();
    }

    private static CommandLine commandLine(SimulatorCommand command) {
        CommandLine commandLine = new CommandLine(command)
                .setOverwrittenOptionsAllowed(true)
                // An argument such as @file stays an argument: nothing on this command line names a file that way.
                .setExpandAtFiles(false);
        commandLine.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                SimulatorCommand::optionList);
        return commandLine;
    }

    /** The options in declaration order, in sections under {@link #HEADINGS}, aligned as one table. */
    private static String optionList(Help help) {
        StringBuilder text = new StringBuilder();
        Help.Layout section = null;
        for (OptionSpec option : help.commandSpec().options()) {
            String heading = HEADINGS.get(option.longestName());
            if (heading != null || section == null) {
                if (section != null) {
                    text.append(section).append(System.lineSeparator());
                }
                text.append(heading != null ? heading : "Options").append(System.lineSeparator());
                section = help.createDefaultLayout();
            }
            section.addOption(option, help.createDefaultParamLabelRenderer());
        }
        return section == null ? "" : text.append(section).toString();
    }

    Options toOptions() throws UsageException {
        if (licensing == null && (capital != null || jwtKeys != null)) {
            throw new UsageException("--capital and --jwt-keys go with --licensing");
        }
        if (licensing != null && jwtKeys == null) {
            throw new UsageException("--licensing needs --jwt-keys (the admin token that registers licences)");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        producer.forEach(setting -> settings.put(setting.key(), setting.value()));
        return new Options(bootstrap, topicSuffix, source, scenario, firms.ids(), rate, duration, count, seed, mode,
                eventIds, malformedShare, reportEvery, licencesOut, printLicences, kztRate, start, timeScale,
                snapshotEvery, toInt(customers), suspiciousShare, toInt(pregenerate), settings, runId, licensing,
                capital, jwtKeys, help, version);
    }

    private static Integer toInt(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }

    /** One line naming the option, the value given and what is wrong with it; scripts show it as it is. */
    static String explain(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String arg = unmatched.getUnmatched().get(0);
            if (!arg.startsWith("-")) {
                return "unexpected argument '" + arg + "' (options start with --)";
            }
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            // A known option is unmatched only after "--", which ends the options.
            return e.getCommandLine().getCommandSpec().findOption(name) != null
                    ? "unexpected argument '" + arg + "' (after --, nothing is read as an option)"
                    : "unknown option '" + name + "'";
        }
        if (e.getCause() instanceof TypeConversionException why && e.getArgSpec() instanceof OptionSpec option) {
            return option.longestName() + ": '" + e.getValue() + "' is not valid: " + why.getMessage();
        }
        return e.getMessage();
    }

    /**
     * Holds every option to two rules of this command line: a flag takes no value ({@code --print-licences=yes}
     * is a mistake, not "true"), and a value given as the next argument never starts with {@code --}, so a
     * forgotten value is not filled with the next option; {@code --name=--value} still passes. A value starting
     * with a single '-' passes ({@code --seed -42}, {@code --topic-suffix -bench1}).
     */
    static final class Strict implements IParameterPreprocessor {

        @Override
        public boolean preprocess(Stack<String> args, CommandSpec command, ArgSpec arg, Map<String, Object> info) {
            OptionSpec option = (OptionSpec) arg;
            boolean attached = "=".equals(info.get("separator"));
            if (option.arity().max() == 0) {
                if (attached) {
                    throw new ParameterException(command.commandLine(), option.longestName() + " takes no value");
                }
            } else if (!attached && (args.isEmpty() || args.peek().startsWith("--"))) {
                throw new ParameterException(command.commandLine(), option.longestName() + " needs a value");
            }
            return false;
        }
    }

    /** The version from the jar's manifest; a run from the class folders (tests, an IDE) has none. */
    static final class Version implements IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = SimulatorCommand.class.getPackage().getImplementationVersion();
            return new String[] {"simulator " + (version != null ? version : "(unpackaged build)")};
        }
    }
}
