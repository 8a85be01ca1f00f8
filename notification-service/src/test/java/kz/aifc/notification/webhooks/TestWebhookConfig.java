package kz.aifc.notification.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Webhook settings with the production defaults, for unit tests that build the beans themselves. */
final class TestWebhookConfig {

    private TestWebhookConfig() {
    }

    /** The defaults with this allow-list and encryption key ({@code null}: not set, as an operator may forget). */
    static WebhookConfig with(List<String> allowed, String secretKey) {
        return new WebhookConfig() {
            public Duration pollEvery() { return Duration.ofSeconds(2); }
            public Duration retryBase() { return Duration.ofSeconds(5); }
            public Duration retryMax() { return Duration.ofMinutes(30); }
            public int maxAttempts() { return 60; }
            public Duration timeout() { return Duration.ofSeconds(5); }
            public double retryJitter() { return 0.2; }
            public int concurrency() { return 8; }
            public int perSubscription() { return 10; }
            public Optional<List<String>> allowedHosts() { return Optional.of(allowed); }
            public Optional<String> secretKey() { return Optional.ofNullable(secretKey); }
            public int maxSubscriptionsPerFirm() { return 10; }
        };
    }
}
