package kz.aifc.notification.webhooks;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import kz.aifc.notification.alerts.AlertChanges;
import kz.aifc.notification.delivery.Backoff;
import kz.aifc.notification.delivery.Drainer;

/**
 * Sends queued webhook deliveries: woken after each committed change, and on a timer so retries and deliveries
 * left by a crash go out. Different subscriptions are sent to at once (a bounded pool), the deliveries of one
 * subscription one at a time in the order of their changes, so a slow receiver holds up only itself. Failures back off
 * exponentially (base × 2^(attempt−1), capped) less a random share, until the attempt limit.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final WebhookQueue queue;
    private final TargetPolicy targets;
    private final WebhookConfig config;
    private final MeterRegistry meters;
    private final HttpClient http;
    private final Backoff backoff;
    private final Drainer drainer = new Drainer("webhook-dispatcher", this::drain);
    private final ExecutorService senders;
    /** Subscriptions whose deliveries this instance is sending now: not claimed again until those are done. */
    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();

    WebhookDispatcher(WebhookQueue queue, TargetPolicy targets, WebhookConfig config, MeterRegistry meters, Vertx vertx) {
        this.queue = queue;
        this.targets = targets;
        this.config = config;
        this.meters = meters;
        this.backoff = new Backoff(config.retryBase(), config.retryMax(), config.retryJitter());
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(Math.max(1, config.concurrency()), r -> {
            Thread t = new Thread(r, "webhook-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // One connection per delivery (no pool to reuse a connection made to an address checked earlier).
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false).setVerifyHost(true)
                .setConnectTimeout((int) config.timeout().toMillis()));
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertChanges changes) {
        wake();
    }

    @Scheduled(every = "${aifc.webhooks.poll-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        wake();
    }

    /** Runs one drain on the dispatcher's thread unless one is already waiting to run. */
    public void wake() {
        drainer.wake();
    }

    @PreDestroy
    void stop() {
        drainer.stop();
        senders.shutdownNow();
        http.close();
    }

    /**
     * Claims work for the free senders and hands each subscription's deliveries to one of them; returns without
     * waiting for the receivers. A sender that finishes wakes the dispatcher again.
     */
    private void drain() {
        int free = Math.max(1, config.concurrency()) - busy.size();
        if (free <= 0) {
            return;
        }
        // A claimed subscription's deliveries are sent one after the other: the lease covers all of them timing out.
        long lease = Math.max(30, config.perSubscription() * (2 * config.timeout().toSeconds() + 1) + 30);
        Map<UUID, List<WebhookQueue.Due>> bySubscription = queue.claimDue(free, config.perSubscription(), lease,
                List.copyOf(busy)).stream()
                .sorted(Comparator.comparing(WebhookQueue.Due::createdAt).thenComparing(WebhookQueue.Due::id))
                .collect(Collectors.groupingBy(WebhookQueue.Due::subscriptionId, LinkedHashMap::new, Collectors.toList()));
        bySubscription.forEach((subscription, deliveries) -> {
            busy.add(subscription);
            try {
                senders.execute(() -> {
                    try {
                        deliveries.forEach(this::send);
                    } catch (RuntimeException e) {
                        LOG.warnf("webhook deliveries to subscription %s failed: %s", subscription, e.getMessage());
                    } finally {
                        busy.remove(subscription);
                        wake();
                    }
                });
            } catch (RejectedExecutionException e) {
                busy.remove(subscription);
            }
        });
    }

    private void send(WebhookQueue.Due d) {
        int attempt = d.attempts() + 1;
        long started = System.nanoTime();
        Integer status = null;
        DeliveryOutcome outcome;
        try {
            URI url = URI.create(d.url());
            InetSocketAddress address = targets.check(url);
            status = post(url, address, d, attempt);
            outcome = DeliveryOutcome.ofStatus(status);
        } catch (TargetPolicy.RefusedTarget e) {
            outcome = e.refusal() == TargetPolicy.Refusal.UNKNOWN_HOST ? DeliveryOutcome.UNKNOWN_HOST
                    : DeliveryOutcome.REFUSED_ADDRESS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = DeliveryOutcome.TIMEOUT;
        } catch (TimeoutException e) {
            outcome = DeliveryOutcome.TIMEOUT;
        } catch (ExecutionException | RuntimeException e) {
            outcome = isTimeout(e.getCause() == null ? e : e.getCause()) ? DeliveryOutcome.TIMEOUT
                    : DeliveryOutcome.CONNECTION_FAILED;
            LOG.debugf("webhook delivery %s attempt %d: %s", d.id(), attempt, e.getCause() == null ? e : e.getCause());
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        boolean delivered = outcome == DeliveryOutcome.DELIVERED;
        Instant next = outcome.retryable() ? backoff.retryAt(attempt, config.maxAttempts()) : null;
        queue.recordAttempt(d.id(), attempt, status, outcome, ms, next);
        meters.counter("aifc.webhooks.attempts", "outcome", outcome.name()).increment();
    }

    /**
     * POSTs the signed body to the checked address only: the request names the URL's host (Host header, TLS SNI and
     * certificate check) but the connection goes to {@code address}, so no second DNS lookup can redirect it.
     */
    private int post(URI url, InetSocketAddress address, WebhookQueue.Due d, int attempt)
            throws InterruptedException, ExecutionException, TimeoutException {
        byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
        long timeout = config.timeout().toMillis();
        long now = Instant.now().getEpochSecond();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setSsl("https".equalsIgnoreCase(url.getScheme()))
                .setHost(TargetPolicy.host(url))
                .setPort(address.getPort())
                .setServer(SocketAddress.inetSocketAddress(address))
                .setURI(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery())
                .setFollowRedirects(false)
                .setConnectTimeout(timeout)
                .setIdleTimeout(timeout)
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "aifc-notification-service")
                .putHeader(Signatures.HEADER, Signatures.sign(d.secret(), body))
                .putHeader(Signatures.TIMESTAMP_HEADER, Long.toString(now))
                .putHeader(Signatures.TIMED_HEADER, Signatures.signTimed(d.secret(), now, body))
                .putHeader("X-Delivery-Id", d.id().toString())
                .putHeader("X-Delivery-Attempt", Integer.toString(attempt));
        return http.request(request)
                .compose(r -> r.send(Buffer.buffer(body)))
                .map(HttpClientResponse::statusCode)
                .toCompletionStage().toCompletableFuture()
                .get(2 * timeout + 1000, TimeUnit.MILLISECONDS);
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof io.netty.channel.ConnectTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

}
