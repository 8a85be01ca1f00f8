package kz.aifc.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import kz.aifc.contract.v1.ScreenedTransaction;
import kz.aifc.simulator.firms.DemoFirms;
import org.junit.jupiter.api.Test;

/** Routine traffic, and everything the clean firm ever sends, matches no incident pattern. */
class CleanTrafficTest {

    @Test
    void shouldFireNothingOverTwoSimulatedDaysOfSteadyTraffic() {
        // 60x faster than real time: two days of windows, dozens of staff and controller cycles per firm.
        List<Outgoing> records = Runs.drain(Scenario.STEADY, Runs.settings(Scenario.STEADY, ContentMode.MIXED, 0, 60,
                false), 30_000);

        assertThat(Runs.simulatedSpan(records)).isGreaterThan(Duration.ofHours(48));
        ComplianceOracle oracle = new ComplianceOracle(DemoFirms.defaultIds()).accept(records);
        assertThat(oracle.findings()).isEmpty();
        assertThat(oracle.vacancies()).isEmpty();
    }

    @Test
    void shouldSendEveryKindOfEventForEveryFirmInASteadyDay() {
        List<Outgoing> records = Runs.drain(Scenario.STEADY, Runs.settings(Scenario.STEADY, ContentMode.BINARY, 0, 60,
                false), 20_000);

        for (String firm : DemoFirms.defaultIds()) {
            assertThat(records).filteredOn(o -> o.firmId().equals(firm)).extracting(o -> o.event().type())
                    .contains("kz.aifc.capital.snapshot.v1", "kz.aifc.transaction.screened.v1",
                            "kz.aifc.staff.change.v1", "kz.aifc.controller.change.v1");
        }
    }

    @Test
    void shouldKeepTheCleanFirmCleanThroughADemoDayWithMalformedRecords() {
        List<Outgoing> day = Runs.drain(Scenario.DEMO_DAY, Runs.settings(Scenario.DEMO_DAY, ContentMode.MIXED, 0.2),
                100_000);
        List<Outgoing> clean = day.stream().filter(o -> o.firmId().equals(DemoFirms.CLEAN)).toList();

        assertThat(clean).hasSizeGreaterThan(200).noneMatch(Outgoing::malformed)
                .allSatisfy(o -> assertThat(o.incident()).isNull());
        ComplianceOracle oracle = new ComplianceOracle(DemoFirms.defaultIds()).accept(day);
        assertThat(oracle.findings()).noneMatch(f -> f.firmId().equals(DemoFirms.CLEAN));
        // It streams all day long, not just at the start.
        assertThat(Duration.between(clean.get(0).event().time(), clean.get(clean.size() - 1).event().time()))
                .isGreaterThan(Duration.ofHours(8));
    }

    @Test
    void shouldNeverLetACleanCustomerBothPayInAndTakeOut() {
        List<Outgoing> records = Runs.drain(Scenario.STEADY, Runs.settings(Scenario.STEADY, ContentMode.BINARY, 0),
                20_000);

        assertThat(records.stream().map(o -> o.event().data()).filter(ScreenedTransaction.class::isInstance)
                .map(ScreenedTransaction.class::cast)
                .collect(java.util.stream.Collectors.groupingBy(t -> t.firmId() + "/" + t.customer().id(),
                        java.util.stream.Collectors.mapping(t -> switch (t.direction()) {
                            case DEPOSIT, TRANSFER_IN -> "in";
                            case WITHDRAWAL, TRANSFER_OUT -> "out";
                            case TRADE -> "trade";
                        }, java.util.stream.Collectors.toSet())))
                .values()).noneMatch(directions -> directions.contains("in") && directions.contains("out"));
    }
}
