package kz.aifc.aml.kafka;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

/**
 * Single-threaded lanes that apply work in the order it was submitted to each lane, several batches in flight at
 * once: while one lane waits on the database the other computes. The caller keeps an ordering key on one lane (a
 * customer: its events stay in order). Admission is bounded: the {@code admitted} stage of {@link #submit} completes
 * only once fewer than {@code maxInFlight} batches are running, so the Kafka consumer never reads further ahead than
 * that.
 */
final class Lanes implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Lanes.class);

    private final ExecutorService[] lanes;
    private final int maxInFlight;
    private final Queue<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private int inFlight;

    Lanes(String name, int count, int maxInFlight) {
        this.lanes = new ExecutorService[count];
        for (int i = 0; i < count; i++) {
            String thread = name + "-lane-" + i;
            lanes[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, thread);
                t.setDaemon(true);
                return t;
            });
        }
        this.maxInFlight = maxInFlight;
    }

    int count() {
        return lanes.length;
    }

    /** A submitted batch: when the next may be submitted, and when every part of this one has finished. */
    record Submitted(CompletionStage<Void> admitted, CompletableFuture<Void> done) {
    }

    /**
     * Runs {@code work.get(i)} on lane i (null entries are skipped) as one batch. The work handles its own failures
     * (a part that throws is logged and counts as finished).
     */
    Submitted submit(List<Runnable> work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> admitted;
        synchronized (this) {
            inFlight++;
            admitted = inFlight < maxInFlight ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
            if (!admitted.isDone()) {
                waiting.add(admitted);
            }
        }
        AtomicInteger parts = new AtomicInteger((int) work.stream().filter(w -> w != null).count());
        if (parts.get() == 0) {
            finished();
            done.complete(null);
        }
        for (int i = 0; i < work.size(); i++) {
            Runnable part = work.get(i);
            if (part == null) {
                continue;
            }
            lanes[i].execute(() -> {
                try {
                    part.run();
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Work on a lane failed");
                } finally {
                    if (parts.decrementAndGet() == 0) {
                        finished();
                        done.complete(null);
                    }
                }
            });
        }
        return new Submitted(admitted, done);
    }

    private void finished() {
        CompletableFuture<Void> next = null;
        synchronized (this) {
            inFlight--;
            if (inFlight < maxInFlight) {
                next = waiting.poll();
            }
        }
        if (next != null) {
            next.complete(null);
        }
    }

    @Override
    public void close() {
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            try {
                lane.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
