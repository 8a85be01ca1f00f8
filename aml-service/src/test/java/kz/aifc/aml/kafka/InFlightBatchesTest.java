package kz.aifc.aml.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** A committed offset never passes an event not yet applied, whichever lane finishes first. */
class InFlightBatchesTest {

    static final TopicPartition P0 = new TopicPartition("t", 0);
    static final TopicPartition P1 = new TopicPartition("t", 1);

    @Test
    void shouldCommitALaterPollOnlyOnceEveryPollBeforeItIsDone() {
        InFlightBatches ledger = new InFlightBatches();
        InFlightBatches.Batch first = ledger.add(Map.of(P0, at(10), P1, at(5)));
        InFlightBatches.Batch second = ledger.add(Map.of(P0, at(20)));

        second.done.complete(null);
        assertThat(ledger.takeCommittable()).as("the first poll is still applying").isEmpty();

        first.done.complete(null);
        assertThat(ledger.takeCommittable()).isEqualTo(Map.of(P0, at(20), P1, at(5)));
        assertThat(ledger.size()).isZero();
    }

    @Test
    void shouldStopAtAPollThatCouldNotBeFinishedAndNeverCommitPastIt() {
        InFlightBatches ledger = new InFlightBatches();
        InFlightBatches.Batch first = ledger.add(Map.of(P0, at(10)));
        InFlightBatches.Batch failed = ledger.add(Map.of(P0, at(20)));
        InFlightBatches.Batch third = ledger.add(Map.of(P0, at(30)));
        failed.fail(new IllegalStateException("cannot park records on t.dlq"));
        first.done.complete(null);
        failed.done.complete(null);
        third.done.complete(null);

        assertThat(ledger.takeCommittable()).isEqualTo(Map.of(P0, at(10)));
        assertThat(ledger.stoppedBy()).hasMessageContaining("t.dlq");
        assertThat(ledger.takeCommittable()).isEmpty();
    }

    @Test
    void shouldLeaveOutPartitionsLostBeforeTheirPollsFinished() {
        InFlightBatches ledger = new InFlightBatches();
        InFlightBatches.Batch batch = ledger.add(Map.of(P0, at(10), P1, at(7)));
        ledger.forget(List.of(P1));
        batch.done.complete(null);
        assertThat(ledger.takeCommittable()).isEqualTo(Map.of(P0, at(10)));
    }

    @Test
    void shouldTellWhetherEveryPollFinishedWithinTheWait() {
        InFlightBatches ledger = new InFlightBatches();
        InFlightBatches.Batch batch = ledger.add(Map.of(P0, at(1)));
        assertThat(ledger.awaitAll(50)).isFalse();
        batch.done.complete(null);
        assertThat(ledger.awaitAll(50)).isTrue();
    }

    private static OffsetAndMetadata at(long offset) {
        return new OffsetAndMetadata(offset);
    }
}
