package kz.aifc.notification.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhook delivery settings ({@code aifc.webhooks.*}). */
@ConfigMapping(prefix = "aifc.webhooks")
public interface WebhookConfig {

    /** How often the dispatcher looks for due deliveries besides being woken by each change. */
    @WithDefault("2s")
    Duration pollEvery();

    /** Wait before the first retry; doubles with every failed attempt. */
    @WithDefault("5s")
    Duration retryBase();

    /** Longest wait between two attempts. */
    @WithDefault("30m")
    Duration retryMax();

    /**
     * Share of each wait taken off at random (0 to 1): a wait w becomes one between (1 − jitter) × w and w, so receivers
     * that failed together are not retried together.
     */
    @WithDefault("0.2")
    double retryJitter();

    /** Subscriptions sent to at once by one instance; deliveries of one subscription go one at a time, in order. */
    @WithDefault("8")
    int concurrency();

    /** Deliveries of one subscription claimed per round (a slow receiver holds at most these). */
    @WithDefault("10")
    int perSubscription();

    /** Attempts before a delivery is marked FAILED (with the defaults about a day of retrying). */
    @WithDefault("60")
    int maxAttempts();

    /** Timeout of one HTTP call to a receiver. */
    @WithDefault("5s")
    Duration timeout();

    /**
     * Internal targets webhooks may reach nonetheless: host names (exact, case-insensitive), addresses or CIDR networks
     * ({@code receiver.internal}, {@code 127.0.0.1}, {@code 10.20.0.0/16}); anything else must resolve to public addresses.
     */
    Optional<List<String>> allowedHosts();

    /**
     * AES-256 key (base64 of 32 bytes) that encrypts the signing secrets at rest (AES-GCM, {@link SecretBox});
     * {@code AIFC_WEBHOOKS_SECRET_KEY}. Required: the service does not start without it outside dev and test.
     */
    Optional<String> secretKey();

    /** Webhook subscriptions one firm may hold (the every-firm subscriptions of regulator and admin share one such quota). */
    @WithDefault("10")
    int maxSubscriptionsPerFirm();
}
