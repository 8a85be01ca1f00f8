package kz.aifc.simulator;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import kz.aifc.simulator.traffic.Feed;
import kz.aifc.simulator.traffic.Outgoing;

/** Encodes records on its own thread ahead of the sender, so the measured rate is the producer's, not Jackson's. */
final class Prefetcher implements AutoCloseable {

    private final BlockingQueue<Prepared> queue;
    private final Thread thread;
    private volatile boolean finished;
    private volatile long generated;
    private volatile RuntimeException failure;

    Prefetcher(Feed feed, String topicSuffix, int capacity, long limit) {
        this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
        this.thread = new Thread(() -> fill(feed, topicSuffix, limit), "simulator-prefetch");
        thread.setDaemon(true);
        thread.start();
    }

    private void fill(Feed feed, String topicSuffix, long limit) {
        try {
            for (long i = 0; i < limit; i++) {
                Outgoing out = feed.next();
                if (out == null) {
                    break;
                }
                queue.put(Prepared.of(out, topicSuffix));
                generated = i + 1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            finished = true;
        }
        try {
            queue.put(Prepared.END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until {@code target} records are ready or the feed is exhausted. */
    void awaitReady(int target) throws InterruptedException {
        while (!finished && queue.size() < target) {
            Thread.sleep(20);
        }
        rethrow();
    }

    /** Records generated so far (some may already be sent). */
    long generated() {
        return generated;
    }

    /** The next record, or null at the end of the feed. */
    Prepared next() throws InterruptedException {
        Prepared p = queue.take();
        if (p == Prepared.END) {
            queue.put(Prepared.END);
            rethrow();
            return null;
        }
        return p;
    }

    private void rethrow() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
