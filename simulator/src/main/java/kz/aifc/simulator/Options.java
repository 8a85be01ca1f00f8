package kz.aifc.simulator;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import kz.aifc.simulator.traffic.ContentMode;
import kz.aifc.simulator.traffic.EventIds;
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
        EventIds eventIds,
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
        boolean help,
        boolean version) {

    public Options {
        firms = List.copyOf(firms);
        producer = Map.copyOf(producer);
    }

    /** Parses the command line (see {@link SimulatorCommand}); a mistake names the option and what is wrong. */
    public static Options parse(String... args) throws UsageException {
        return SimulatorCommand.parse(args);
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
        if (!scenario.volume()) {
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
                scenario.controllerEvery(), suspiciousShare, afterScript, eventIds);
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
        return SimulatorCommand.usage();
    }
}
