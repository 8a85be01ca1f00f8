package kz.aifc.aml.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The firm's customers with window history: a customer in it is never answered "no" (a window would be missed). */
class RecentCustomersTest {

    static final Instant SINCE = Instant.parse("2026-11-18T00:00:00Z");

    @Test
    void shouldAnswerEveryLoadedAndAddedCustomerAfterGrowingWellPastItsFirstSize() {
        RecentCustomers recent = new RecentCustomers(SINCE, List.of("C-1", "C-2"));
        IntStream.range(0, 200_000).forEach(i -> recent.add("C-added-" + i));
        assertThat(recent.mayHave("C-1")).isTrue();
        assertThat(recent.mayHave("C-2")).isTrue();
        assertThat(IntStream.range(0, 200_000).allMatch(i -> recent.mayHave("C-added-" + i))).isTrue();
        assertThat(recent.size()).isEqualTo(200_002);
        assertThat(recent.since()).isEqualTo(SINCE);
    }

    @Test
    void shouldAnswerNoForCustomersNeverSeenSoTheirFirstTransactionCostsNoRead() {
        RecentCustomers recent = new RecentCustomers(SINCE, IntStream.range(0, 50_000).mapToObj(i -> "C-" + i).toList());
        long maybes = IntStream.range(0, 100_000).filter(i -> recent.mayHave("NEW-" + i)).count();
        // 64-bit hashes: a false "maybe" (one extra read, never a wrong answer) is astronomically rare.
        assertThat(maybes).isZero();
    }

    @Test
    void shouldCountACustomerAddedTwiceOnce() {
        RecentCustomers recent = new RecentCustomers(SINCE, List.of());
        recent.add("C-1");
        recent.add("C-1");
        assertThat(recent.size()).isEqualTo(1);
    }
}
