package kz.aifc.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kz.aifc.simulator.firms.DemoFirms;
import kz.aifc.simulator.firms.FirmProfile;
import kz.aifc.simulator.firms.Licences;
import kz.aifc.simulator.traffic.Feed;
import kz.aifc.simulator.traffic.Scenario;
import kz.aifc.simulator.traffic.Settings;

/** Command-line entry point: parses the options, builds the scenario's feed and sends it (see {@code --help}). */
public final class Simulator {

    private Simulator() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the simulator and returns the exit status (0 done, 1 failure, 2 bad command line). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            err.println("simulator: " + e.getMessage());
            err.println("Run with --help for the options.");
            return 2;
        }
        if (options.help()) {
            out.print(Options.usage());
            return 0;
        }
        if (options.version()) {
            out.print(SimulatorCommand.version());
            return 0;
        }
        List<FirmProfile> firms = DemoFirms.profiles(options.firms());
        if (options.printLicences()) {
            out.println(Licences.json(firms));
            return 0;
        }
        try {
            if (options.licencesOut() != null) {
                writeLicences(options.licencesOut(), firms);
                err.println("simulator: wrote " + firms.size() + " licence registrations to " + options.licencesOut());
            }
            return stream(options, firms, out, err);
        } catch (SimulatorException e) {
            err.println("simulator: " + e.getMessage());
            if (e.getCause() != null) {
                err.println("simulator: cause: " + e.getCause());
            }
            return 1;
        }
    }

    private static int stream(Options options, List<FirmProfile> firms, PrintStream out, PrintStream err) {
        Settings settings = options.settings(Clock.systemUTC());
        Feed feed = options.scenario().feed(settings, firms);
        Scenario.skippedIncidents(feed).forEach(s -> err.println("simulator: skipping incident " + s));
        double rate = options.effectiveRate();
        err.printf(Locale.ROOT, "simulator: %s for %s -> %s%s, %s, %s mode, simulated time from %s at %sx, "
                        + "run %s, seed %d%s%n",
                options.scenario().cliName(), String.join(",", options.firms()), options.bootstrap(),
                options.topicSuffix().isEmpty() ? "" : " (topic suffix " + options.topicSuffix() + ")",
                rate > 0 ? rate + " records/s" : "as fast as possible", options.mode().cliName(), settings.start(),
                options.effectiveTimeScale(), settings.runTag(), settings.seed(),
                options.malformedShare() > 0 ? ", malformed share " + options.malformedShare() : "");
        Onboarding onboarding = Onboarding.of(options, firms, err);
        CountDownLatch finished = new CountDownLatch(1);
        try (Sender sender = new Sender(options, "aifc-simulator-" + settings.runTag(), err)) {
            Thread hook = new Thread(() -> {
                sender.requestStop();
                try {
                    finished.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "simulator-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                Sender.Result result = sender.run(feed, onboarding);
                out.println(result.json());
                out.flush();
                if (result.failed() > 0) {
                    err.println("simulator: " + result.failed() + " records failed to send");
                    return 1;
                }
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            } finally {
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is already running and waits for the latch released above.
                }
            }
        }
    }

    private static void writeLicences(Path file, List<FirmProfile> firms) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, Licences.json(firms) + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SimulatorException("cannot write licences to " + file, e);
        }
    }
}
