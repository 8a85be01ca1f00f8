package kz.aifc.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.ControllerChange;
import kz.aifc.contract.v1.CustomerType;
import kz.aifc.contract.v1.Direction;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.ScreenedTransaction;
import kz.aifc.contract.v1.StaffChange;
import kz.aifc.contract.v1.StaffChangeKind;
import kz.aifc.simulator.firms.DemoFirms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The demo day carries each scripted incident with the fields the rules need, and nothing else fires. */
class DemoDayScriptTest {

    private static final BigDecimal DEALER_REQUIREMENT = new BigDecimal("250000");

    private final List<Outgoing> day = Runs.drain(Scenario.DEMO_DAY,
            Runs.settings(Scenario.DEMO_DAY, ContentMode.BINARY, 0), 100_000);
    private final List<Outgoing> incidents = day.stream().filter(o -> o.incident() != null).toList();

    @Test
    void shouldFitTheDayIntoNinetySecondsAtTheDefaultRate() {
        assertThat(day.size() / Scenario.DEMO_DAY.defaultRate()).isBetween(85.0, 95.0);
        assertThat(Runs.simulatedSpan(day)).isBetween(Duration.ofHours(8).plusMinutes(50), Duration.ofHours(9));
        assertThat(day.get(0).event().time()).isEqualTo(Runs.START);
    }

    @Test
    void shouldSendTheRosterOfEveryFirmBeforeAnyIncident() {
        int firstIncident = day.indexOf(incidents.get(0));
        ComplianceOracle before = new ComplianceOracle(DemoFirms.defaultIds()).accept(day.subList(0, firstIncident));

        assertThat(before.vacancies()).isEmpty();
        assertThat(before.findings()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = {"DEMO_DAY", "STEADY"})
    void shouldCountTheRosterAndControllersOfEveryFirmAsTheOnboardingAtTheHead(Scenario scenario) {
        // Even at a time scale that puts the first incident inside the roster, the roster stays whole and first.
        Feed feed = scenario.feed(Runs.settings(scenario, ContentMode.MIXED, 0.2, 360_000, false),
                DemoFirms.profiles(DemoFirms.defaultIds()));
        int expected = DemoFirms.profiles(DemoFirms.defaultIds()).stream()
                .mapToInt(p -> p.roster().size() + p.controllers().size()).sum();

        List<Outgoing> head = Runs.drain(feed, expected + 1);

        assertThat(feed.onboardingRecords()).isEqualTo(expected);
        assertThat(head.subList(0, expected)).allSatisfy(o -> {
            assertThat(o.malformed()).isFalse();
            assertThat(o.incident()).isNull();
            assertThat(o.event().data()).isInstanceOfAny(StaffChange.class, ControllerChange.class);
        });
        assertThat(head.get(expected).event().data()).isNotInstanceOfAny(StaffChange.class, ControllerChange.class);
    }

    @Test
    void shouldStructureFourDepositsJustUnderTheTravelRuleThresholdWithinTwoHours() {
        List<ScreenedTransaction> deposits = payloads(ScreenedTransaction.class).stream()
                .filter(t -> t.customer().id().equals("C-STRUCT")).toList();

        assertThat(deposits).hasSize(4).allSatisfy(t -> {
            assertThat(t.firmId()).isEqualTo(DemoFirms.DATF);
            assertThat(t.direction()).isEqualTo(Direction.DEPOSIT);
            assertThat(t.amountUsd()).isBetween(new BigDecimal("950"), new BigDecimal("990"));
            assertThat(t.amountKzt()).isEqualByComparingTo(t.amountUsd().multiply(BigDecimal.valueOf(520)));
            assertThat(t.screening().sanctionsHit()).isFalse();
        });
        assertThat(Duration.between(deposits.get(0).occurredAt(), deposits.get(3).occurredAt()))
                .isLessThan(Duration.ofHours(2));
    }

    @Test
    void shouldSendAWithdrawalWithAUnSanctionsHit() {
        List<ScreenedTransaction> hits = payloads(ScreenedTransaction.class).stream()
                .filter(t -> t.screening().sanctionsHit()).toList();

        assertThat(hits).singleElement().satisfies(t -> {
            assertThat(t.firmId()).isEqualTo(DemoFirms.DATF);
            assertThat(t.direction()).isEqualTo(Direction.WITHDRAWAL);
            assertThat(t.screening().sanctionsList()).isEqualTo("UN");
            assertThat(t.screening().matchScore()).isEqualByComparingTo("97");
        });
    }

    @Test
    void shouldTakeTheDealerUnderItsBufferAndThenUnderItsRequirement() {
        List<CapitalSnapshot> scripted = payloads(CapitalSnapshot.class);

        assertThat(scripted).hasSize(2).allSatisfy(s -> assertThat(s.firmId()).isEqualTo(DemoFirms.DEALER));
        assertThat(ratio(scripted.get(0))).isEqualByComparingTo("1.100");
        assertThat(ratio(scripted.get(1))).isEqualByComparingTo("0.960");
        assertThat(scripted.get(0).asOf()).isBefore(scripted.get(1).asOf());
    }

    @Test
    void shouldLetTheCustodianLoseItsMlro() {
        assertThat(payloads(StaffChange.class)).singleElement().satisfies(s -> {
            assertThat(s.firmId()).isEqualTo(DemoFirms.CUSTODY);
            assertThat(s.change()).isEqualTo(StaffChangeKind.DEPARTED);
            assertThat(s.roles()).containsExactly(Role.MLRO);
        });
    }

    @Test
    void shouldMoveSilkRoadHoldingsAcrossTenPercentWithoutApproval() {
        assertThat(payloads(ControllerChange.class)).singleElement().satisfies(c -> {
            assertThat(c.firmId()).isEqualTo(DemoFirms.DATF);
            assertThat(c.controllerId()).isEqualTo("K-9");
            assertThat(c.name()).isEqualTo("Silk Road Holdings");
            assertThat(c.type()).isEqualTo(CustomerType.LEGAL);
            assertThat(c.previousHoldingPct()).isEqualByComparingTo("8.0");
            assertThat(c.newHoldingPct()).isEqualByComparingTo("12.5");
            assertThat(c.afsaApproval()).isEqualTo(AfsaApproval.NONE);
        });
    }

    @Test
    void shouldDescribeEachIncidentForTheOperatorInScriptOrder() {
        assertThat(incidents).extracting(Outgoing::incident).hasSize(9).satisfiesExactly(
                s -> assertThat(s).contains("incident 1/9 at 10:10 (+1h10)", "F-DATF-01", "AML-005", "C-STRUCT"),
                s -> assertThat(s).contains("incident 2/9", "AML-005"),
                s -> assertThat(s).contains("AML-005"),
                s -> assertThat(s).contains("incident 4/9", "AML-005"),
                s -> assertThat(s).contains("AML-001", "UN"),
                s -> assertThat(s).contains("F-DEAL-01", "CAP-002", "110.0%"),
                s -> assertThat(s).contains("F-DEAL-01", "CAP-001", "96.0%"),
                s -> assertThat(s).contains("F-CUST-01", "FP-001", "MLRO"),
                s -> assertThat(s).contains("incident 9/9", "FP-008", "K-9", "12.5"));
    }

    @Test
    void shouldFireOnlyTheScriptedRulesAndNeverForTheCleanFirm() {
        ComplianceOracle oracle = new ComplianceOracle(DemoFirms.defaultIds()).accept(day);

        Map<String, Set<String>> rulesByFirm = oracle.findings().stream().collect(Collectors.groupingBy(
                ComplianceOracle.Finding::firmId, Collectors.mapping(ComplianceOracle.Finding::rule,
                        Collectors.toSet())));
        assertThat(rulesByFirm).containsOnly(
                Map.entry(DemoFirms.DATF, Set.of("AML-005", "AML-001", "FP-008")),
                Map.entry(DemoFirms.DEALER, Set.of("CAP-002", "CAP-001")),
                Map.entry(DemoFirms.CUSTODY, Set.of("FP-001")));
        // Only the dealer's later routine snapshots repeat a finding: its capital stays where the script left it.
        assertThat(oracle.findings()).filteredOn(f -> f.cause().incident() == null)
                .allSatisfy(f -> assertThat(f.rule()).isIn("CAP-001", "CAP-002"));
        assertThat(oracle.vacancies()).containsOnly(Map.entry(DemoFirms.CUSTODY, List.of(Role.MLRO)));
    }

    @Test
    void shouldKeepTheIncidentsInPlaceWhenTheDayContinuesAsASteadyOne() {
        Settings settings = Runs.settings(Scenario.DEMO_DAY, ContentMode.BINARY, 0, 360, true);
        List<Outgoing> longer = Runs.drain(Scenario.DEMO_DAY, settings, 6_000);

        assertThat(longer).hasSize(6_000);
        // After the day, simulated time runs at wall speed: 4,200 more records at 20/s are 210 s.
        assertThat(Duration.between(Runs.START.plus(DemoDayFeed.DAY), longer.get(5_999).event().time()))
                .isBetween(Duration.ofSeconds(200), Duration.ofSeconds(220));
        ComplianceOracle oracle = new ComplianceOracle(DemoFirms.defaultIds()).accept(longer);
        assertThat(oracle.vacancies()).containsOnly(Map.entry(DemoFirms.CUSTODY, List.of(Role.MLRO)));
        CapitalSnapshot last = longer.stream().map(o -> o.event().data()).filter(CapitalSnapshot.class::isInstance)
                .map(CapitalSnapshot.class::cast).filter(s -> s.firmId().equals(DemoFirms.DEALER))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(ratio(last)).isLessThan(BigDecimal.ONE);
        assertThat(oracle.findings()).noneMatch(f -> f.firmId().equals(DemoFirms.CLEAN));
    }

    @ParameterizedTest
    @EnumSource(ContentMode.class)
    void shouldSkipIncidentsOfFirmsThatAreNotSelected(ContentMode mode) {
        DemoDayFeed feed = new DemoDayFeed(Runs.settings(Scenario.DEMO_DAY, mode, 0),
                DemoFirms.profiles(List.of(DemoFirms.DEALER, DemoFirms.CLEAN)));

        List<Outgoing> records = Runs.drain(feed, 100_000);

        assertThat(feed.skipped()).hasSize(7);
        assertThat(records).filteredOn(o -> o.incident() != null).hasSize(2)
                .allSatisfy(o -> assertThat(o.firmId()).isEqualTo(DemoFirms.DEALER));
    }

    private <T> List<T> payloads(Class<T> type) {
        return incidents.stream().map(o -> o.event().data()).filter(type::isInstance).map(type::cast).toList();
    }

    private static BigDecimal ratio(CapitalSnapshot s) {
        BigDecimal usd = s.capital().capitalResources().divide(s.usdRate(), 2, RoundingMode.HALF_EVEN);
        return usd.divide(DEALER_REQUIREMENT, 3, RoundingMode.HALF_EVEN);
    }
}
