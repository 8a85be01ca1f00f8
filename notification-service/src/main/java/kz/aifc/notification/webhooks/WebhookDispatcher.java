package kz.aifc.notification.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import kz.aifc.notification.alerts.AlertChanged;

/**
 * Sends queued webhook deliveries: woken after each committed change, and on a timer so retries and deliveries
 * left by a crash go out. Failures back off exponentially (base × 2^(attempt−1), capped) until the attempt limit.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final WebhookQueue queue;
    private final WebhookConfig config;
    private final MeterRegistry meters;
    private final HttpClient http;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "webhook-dispatcher");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean scheduled = new AtomicBoolean();

    WebhookDispatcher(WebhookQueue queue, WebhookConfig config, MeterRegistry meters) {
        this.queue = queue;
        this.config = config;
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertChanged change) {
        wake();
    }

    @Scheduled(every = "${aifc.webhooks.poll-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        wake();
    }

    /** Runs one drain on the dispatcher's thread unless one is already waiting to run. */
    public void wake() {
        if (scheduled.compareAndSet(false, true)) {
            worker.execute(() -> {
                scheduled.set(false);
                try {
                    drain();
                } catch (RuntimeException e) {
                    LOG.warnf("webhook dispatch round failed: %s", e.getMessage());
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private void drain() {
        long lease = Math.max(30, config.timeout().toSeconds() * 3);
        List<WebhookQueue.Due> due;
        do {
            due = queue.claimDue(config.batch(), lease);
            due.forEach(this::send);
        } while (due.size() == config.batch());
    }

    private void send(WebhookQueue.Due d) {
        int attempt = d.attempts() + 1;
        byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(d.url()))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "aifc-notification-service")
                    .header(Signatures.HEADER, Signatures.sign(d.secret(), body))
                    .header(Signatures.TIMESTAMP_HEADER, Long.toString(Instant.now().getEpochSecond()))
                    .header("X-Delivery-Id", d.id().toString())
                    .header("X-Delivery-Attempt", Integer.toString(attempt))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status / 100 != 2) {
                error = "receiver answered HTTP " + status;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        boolean delivered = error == null;
        Instant next = delivered || attempt >= config.maxAttempts() ? null : Instant.now().plus(backoff(attempt));
        queue.recordAttempt(d.id(), attempt, status, error, ms, delivered, next);
        meters.counter("aifc.webhooks.attempts", "outcome", delivered ? "delivered" : next == null ? "failed" : "retry")
                .increment();
        if (!delivered) {
            LOG.debugf("webhook delivery %s attempt %d failed: %s", d.id(), attempt, error);
        }
    }

    /** Wait before attempt {@code failedAttempt + 1}. */
    Duration backoff(int failedAttempt) {
        Duration wait = config.retryBase().multipliedBy(1L << Math.min(failedAttempt - 1, 30));
        return wait.compareTo(config.retryMax()) > 0 ? config.retryMax() : wait;
    }
}
