package kz.aifc.notification.webhooks;

import java.time.Duration;

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

    /** Attempts before a delivery is marked FAILED (with the defaults about a day of retrying). */
    @WithDefault("60")
    int maxAttempts();

    /** Timeout of one HTTP call to a receiver. */
    @WithDefault("5s")
    Duration timeout();

    /** Deliveries claimed per round. */
    @WithDefault("50")
    int batch();
}
