package kz.aifc.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.IntStream;
import kz.aifc.contract.Topics;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.ControllerChange;
import kz.aifc.simulator.firms.DemoFirms;
import kz.aifc.simulator.firms.FirmProfile;
import org.junit.jupiter.api.Test;

/** The capital and licensing benchmarks' traffic: one service's topics only, many firms, a share of breaches. */
class ServiceLoadFeedTest {

    private static final List<FirmProfile> FIRMS = DemoFirms.profiles(
            IntStream.rangeClosed(1, 50).mapToObj(i -> String.format("F-%04d", i)).toList());

    @Test
    void shouldSendSnapshotsOnlyWithAboutTheShareBreachingAndEachBreachCured() {
        List<Outgoing> records = Runs.drain(Scenario.LOAD_CAPITAL.feed(settings(Scenario.LOAD_CAPITAL), FIRMS), 20_000);

        assertThat(records).hasSize(20_000).allSatisfy(o -> assertThat(o.topic()).isEqualTo(Topics.CAPITAL_SNAPSHOTS));
        List<CapitalSnapshot> snapshots = records.stream().map(o -> (CapitalSnapshot) o.event().data()).toList();
        BigDecimal requirement = FIRMS.get(0).requirementUsd();
        long breaching = snapshots.stream().filter(s -> s.capital().interimLosses().signum() > 0
                && resources(s).divide(s.usdRate(), 2, RoundingMode.HALF_EVEN).compareTo(requirement) < 0).count();
        assertThat(breaching).as("snapshots under the requirement").isBetween(300L, 500L);
        assertThat(snapshots.stream().map(CapitalSnapshot::firmId).distinct()).hasSize(50);
    }

    @Test
    void shouldOnboardEveryFirmFirstThenSendStaffAndControllerChangesOnly() {
        Feed feed = Scenario.LOAD_LICENSING.feed(settings(Scenario.LOAD_LICENSING), FIRMS);
        int onboarding = feed.onboardingRecords();
        List<Outgoing> records = Runs.drain(feed, onboarding + 20_000);

        assertThat(onboarding).isGreaterThanOrEqualTo(50 * FIRMS.get(0).roster().size());
        assertThat(records).allSatisfy(o -> assertThat(o.topic()).isIn(Topics.STAFF_CHANGES, Topics.CONTROLLER_CHANGES));
        long overThreshold = records.subList(onboarding, records.size()).stream()
                .filter(o -> o.event().data() instanceof ControllerChange c
                        && c.newHoldingPct().compareTo(BigDecimal.TEN) > 0 && c.controllerId().equals("K-2"))
                .count();
        assertThat(overThreshold).as("controllers moved over 10%% without approval").isBetween(100L, 300L);
    }

    private static BigDecimal resources(CapitalSnapshot s) {
        var c = s.capital();
        return c.paidUpShareCapital().add(c.sharePremium()).add(c.auditedRetainedEarnings()).add(c.otherReserves())
                .subtract(c.interimLosses()).subtract(c.intangibleAssets()).subtract(c.deferredTaxAssets())
                .subtract(c.otherDeductions());
    }

    private static Settings settings(Scenario scenario) {
        Settings base = Runs.settings(scenario, ContentMode.BINARY, 0);
        return new Settings(base.source(), base.runTag(), base.seed(), base.mode(), base.kztPerUsd(), base.start(),
                base.step(), 0, 1, base.snapshotEvery(), base.staffEvery(), base.controllerEvery(), 0.02, null);
    }
}
