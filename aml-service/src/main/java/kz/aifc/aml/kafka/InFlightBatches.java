package kz.aifc.aml.kafka;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The polls handed to the lanes and not yet committed, oldest first, kept by the consumer's poll thread. A poll's
 * offsets become committable once it and every poll before it are done, so a committed offset never passes an event
 * not yet applied, whichever lane finishes first. A poll that could not be finished (its DLQ unwritable) stops the
 * ledger: nothing from it on is ever committed, and a restart reads it again.
 */
final class InFlightBatches {

    /** One poll: where each of its partitions resumes once it is done, and whether it failed. */
    static final class Batch {

        final Map<TopicPartition, OffsetAndMetadata> next;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        private volatile Throwable failure;

        Batch(Map<TopicPartition, OffsetAndMetadata> next) {
            this.next = new HashMap<>(next);
        }

        /** Called by a lane: this poll cannot be finished (it will still complete). */
        void fail(Throwable why) {
            failure = why;
        }
    }

    private final ArrayDeque<Batch> batches = new ArrayDeque<>();
    /** The queue's length, for readers on other threads (health). */
    private volatile int size;
    private Throwable stoppedBy;

    Batch add(Map<TopicPartition, OffsetAndMetadata> next) {
        Batch b = new Batch(next);
        batches.add(b);
        size = batches.size();
        return b;
    }

    /** Polls not yet committed; safe to read from any thread. */
    int size() {
        return size;
    }

    /** The failure that stopped the ledger, or null while it runs. */
    Throwable stoppedBy() {
        return stoppedBy;
    }

    /**
     * Takes the polls done at the head of the queue and answers the offsets to commit for them (empty when none);
     * a failed poll stops the ledger there.
     */
    Map<TopicPartition, OffsetAndMetadata> takeCommittable() {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        while (stoppedBy == null && !batches.isEmpty() && batches.peek().done.isDone()) {
            Batch b = batches.poll();
            if (b.failure != null) {
                stoppedBy = b.failure;
                batches.clear();
                break;
            }
            out.putAll(b.next);
        }
        size = batches.size();
        return out;
    }

    /** Waits until every poll is done, at most {@code millis}; answers whether they all are. */
    boolean awaitAll(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (Batch b : batches) {
            try {
                b.done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                // A lane's work reports its failure through fail(); done itself never completes exceptionally.
            }
        }
        return true;
    }

    /** Partitions taken away without a chance to commit: their offsets are no longer this consumer's to commit. */
    void forget(Collection<TopicPartition> lost) {
        for (Batch b : batches) {
            b.next.keySet().removeAll(lost);
        }
    }
}
