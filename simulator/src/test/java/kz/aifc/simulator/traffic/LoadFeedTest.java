package kz.aifc.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.contract.v1.Direction;
import kz.aifc.contract.v1.ScreenedTransaction;
import kz.aifc.simulator.firms.DemoFirms;
import org.junit.jupiter.api.Test;

/** Load traffic looks like a busy exchange day: many customers, small tickets, a few red flags. */
class LoadFeedTest {

    private final Settings settings = withCustomers(Runs.settings(Scenario.LOAD, ContentMode.BINARY, 0), 50_000);
    private final List<Outgoing> records = Runs.drain(Scenario.LOAD, settings, 40_000);
    private final List<ScreenedTransaction> txs = records.stream().map(o -> (ScreenedTransaction) o.event().data())
            .toList();

    @Test
    void shouldSendScreenedTransactionsOnly() {
        assertThat(records).allSatisfy(o -> {
            assertThat(o.event().type()).isEqualTo(EventTypes.TRANSACTION_SCREENED);
            assertThat(o.topic()).isEqualTo(Topics.TRANSACTIONS_SCREENED);
        });
    }

    @Test
    void shouldSpreadOverManyCustomersAndEveryFirm() {
        assertThat(txs.stream().map(t -> t.firmId() + "/" + t.customer().id()).distinct().count())
                .isGreaterThan(15_000);
        assertThat(txs.stream().map(ScreenedTransaction::firmId).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(DemoFirms.defaultIds());
    }

    @Test
    void shouldDrawMostlySmallAmountsWithALongTail() {
        double under1000 = share(t -> t.amountUsd().compareTo(new BigDecimal("1000")) < 0);
        double over10000 = share(t -> t.amountUsd().compareTo(new BigDecimal("10000")) > 0);

        assertThat(under1000).isBetween(0.80, 0.95);
        assertThat(over10000).isBetween(0.002, 0.05);
    }

    @Test
    void shouldMixDirectionsAndKeepExposuresMostlyEmpty() {
        Set<Direction> directions = txs.stream().map(ScreenedTransaction::direction)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Direction.class)));

        assertThat(directions).containsExactlyInAnyOrder(Direction.values());
        assertThat(share(t -> t.screening().exposures().isEmpty())).isGreaterThan(0.9);
        assertThat(share(t -> t.counterparty() == null)).isBetween(0.2, 0.5);
    }

    @Test
    void shouldTripRulesWithASmallShareOfTransactions() {
        ComplianceOracle oracle = new ComplianceOracle(DemoFirms.defaultIds()).accept(records);

        long tripping = oracle.findings().stream().map(f -> f.cause()).distinct().count();
        assertThat((double) tripping / records.size()).isBetween(0.005, 0.06);
        assertThat(oracle.findings().stream().map(ComplianceOracle.Finding::rule).collect(Collectors.toSet()))
                .contains("AML-001", "AML-002", "AML-003", "AML-004", "AML-007", "AML-010");
    }

    private double share(java.util.function.Predicate<ScreenedTransaction> p) {
        return (double) txs.stream().filter(p).count() / txs.size();
    }

    private static Settings withCustomers(Settings s, int customers) {
        return new Settings(s.source(), s.runTag(), s.seed(), s.mode(), s.kztPerUsd(), s.start(), s.step(),
                s.malformedShare(), customers, s.snapshotEvery(), s.staffEvery(), s.controllerEvery(),
                s.suspiciousShare(), s.afterScript());
    }
}
