package kz.aifc.notification.delivery;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

/**
 * One daemon thread that drains a delivery queue: a wake-up runs one drain unless one is already waiting to run, so a
 * burst of changes costs one round, and a failed round is logged and left to the next wake-up.
 */
public final class Drainer {

    private static final Logger LOG = Logger.getLogger(Drainer.class);

    private final String name;
    private final Runnable drain;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ExecutorService worker;

    public Drainer(String name, Runnable drain) {
        this.name = name;
        this.drain = drain;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public void wake() {
        if (scheduled.compareAndSet(false, true)) {
            worker.execute(() -> {
                scheduled.set(false);
                try {
                    drain.run();
                } catch (RuntimeException e) {
                    LOG.warnf("%s round failed: %s", name, e.getMessage());
                }
            });
        }
    }

    public void stop() {
        worker.shutdownNow();
    }
}
