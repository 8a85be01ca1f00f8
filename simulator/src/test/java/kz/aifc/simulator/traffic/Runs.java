package kz.aifc.simulator.traffic;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import kz.aifc.simulator.firms.DemoFirms;

/** Builds settings the way the CLI does, with a fixed start and run tag, and drains feeds into lists. */
final class Runs {

    static final OffsetDateTime START = OffsetDateTime.parse("2026-11-20T09:00:00+05:00");

    private Runs() {
    }

    static Settings settings(Scenario scenario, ContentMode mode, double malformedShare) {
        return settings(scenario, mode, malformedShare, scenario.defaultTimeScale(), false);
    }

    static Settings settings(Scenario scenario, ContentMode mode, double malformedShare, double timeScale,
            boolean continueAfterScript) {
        return new Settings("urn:aifc:simulator:test", "test1", 7, mode, new BigDecimal("520"), START,
                scenario.step(scenario.defaultRate(), timeScale), malformedShare,
                scenario == Scenario.LOAD ? 5_000 : scenario.defaultCustomers(), scenario.snapshotEvery(),
                scenario.staffEvery(), scenario.controllerEvery(), 0.01,
                continueAfterScript ? new Settings.Continuation(scenario.step(scenario.defaultRate(), 1),
                        Scenario.STEADY.snapshotEvery(), Scenario.STEADY.staffEvery(),
                        Scenario.STEADY.controllerEvery()) : null);
    }

    static List<Outgoing> drain(Scenario scenario, Settings settings, int max) {
        return drain(scenario.feed(settings, DemoFirms.profiles(DemoFirms.defaultIds())), max);
    }

    static List<Outgoing> drain(Feed feed, int max) {
        List<Outgoing> out = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            Outgoing o = feed.next();
            if (o == null) {
                break;
            }
            out.add(o);
        }
        return out;
    }

    static Duration simulatedSpan(List<Outgoing> records) {
        return Duration.between(records.get(0).event().time(), records.get(records.size() - 1).event().time());
    }
}
