package kz.aifc.aml.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import kz.aifc.aml.store.TransactionStore.LatestTransfers;
import kz.aifc.contract.v1.Direction;

/**
 * The firm's customers with stored transfers in reach and their latest inflow and outflow: a customer in it is never
 * answered "no", nor a time earlier than its latest (a window would be missed).
 */
class RecentCustomersTest {

    static final Instant SINCE = Instant.parse("2026-11-18T00:00:00Z");
    static final Duration REACH = Duration.ofHours(48);

    @Test
    void shouldAnswerEveryLoadedAndAddedCustomerAfterGrowingWellPastItsFirstSize() {
        RecentCustomers recent = new RecentCustomers(SINCE, REACH, List.of(
                new LatestTransfers("C-1", SINCE, null), new LatestTransfers("C-2", null, SINCE)));
        Instant at = SINCE.plusSeconds(60);
        IntStream.range(0, 200_000).forEach(i -> recent.add("C-added-" + i, Direction.DEPOSIT, at));
        assertThat(recent.mayHave("C-1")).isTrue();
        assertThat(recent.mayHave("C-2")).isTrue();
        assertThat(IntStream.range(0, 200_000).allMatch(i -> recent.mayHave("C-added-" + i))).isTrue();
        assertThat(recent.size()).isEqualTo(200_002);
        assertThat(recent.since()).isEqualTo(SINCE);
    }

    @Test
    void shouldAnswerNoForCustomersNeverSeenSoTheirFirstTransactionCostsNoRead() {
        RecentCustomers recent = new RecentCustomers(SINCE, REACH,
                IntStream.range(0, 50_000).mapToObj(i -> new LatestTransfers("C-" + i, SINCE, null)).toList());
        long maybes = IntStream.range(0, 100_000).filter(i -> recent.mayHave("NEW-" + i)).count();
        // 64-bit hashes: a false "maybe" (one extra read, never a wrong answer) is astronomically rare.
        assertThat(maybes).isZero();
        assertThat(recent.seen("NEW-1")).isNull();
    }

    @Test
    void shouldKeepTheLatestInflowAndOutflowApartAndIgnoreTrades() {
        RecentCustomers recent = new RecentCustomers(SINCE, REACH, List.of(new LatestTransfers("C-1", SINCE, null)));
        recent.add("C-1", Direction.WITHDRAWAL, SINCE.plusSeconds(30));
        recent.add("C-1", Direction.TRANSFER_IN, SINCE.plusSeconds(20));
        recent.add("C-1", Direction.TRANSFER_OUT, SINCE.plusSeconds(10));
        recent.add("C-1", Direction.TRADE, SINCE.plusSeconds(99));
        recent.add("C-2", Direction.TRADE, SINCE.plusSeconds(99));
        assertThat(recent.seen("C-1")).isEqualTo(new RecentCustomers.Seen(SINCE.plusSeconds(20), SINCE.plusSeconds(30)));
        assertThat(recent.mayHave("C-2")).as("a trade is no transfer").isFalse();
        assertThat(recent.size()).isEqualTo(1);
    }

    @Test
    void shouldKeepTimesToTheMicrosecondAsTheDatabaseDoes() {
        RecentCustomers recent = new RecentCustomers(SINCE, REACH, List.of());
        recent.add("C-1", Direction.DEPOSIT, SINCE.plusNanos(1_234_567));
        assertThat(recent.seen("C-1").inflow()).isEqualTo(SINCE.plusNanos(1_234_000));
    }

    @Test
    void shouldDropCustomersOutOfReachWhenFullAndMoveItsStartUpToThere() {
        RecentCustomers recent = new RecentCustomers(SINCE, REACH, List.of());
        Instant old = SINCE.plusSeconds(1);
        IntStream.range(0, 600).forEach(i -> recent.add("OLD-" + i, Direction.DEPOSIT, old));
        Instant later = old.plus(Duration.ofDays(3));
        IntStream.range(0, 1_000).forEach(i -> recent.add("NEW-" + i, Direction.WITHDRAWAL, later));
        assertThat(recent.since()).as("complete from the newest time minus the reach on")
                .isEqualTo(later.minus(REACH));
        assertThat(IntStream.range(0, 1_000).allMatch(i -> recent.mayHave("NEW-" + i))).isTrue();
        assertThat(recent.size()).isLessThan(1_600);
    }

    @Test
    void shouldCountACustomerAddedTwiceOnce() {
        RecentCustomers recent = new RecentCustomers(SINCE, REACH, List.of());
        recent.add("C-1", Direction.DEPOSIT, SINCE);
        recent.add("C-1", Direction.DEPOSIT, SINCE);
        assertThat(recent.size()).isEqualTo(1);
    }
}
