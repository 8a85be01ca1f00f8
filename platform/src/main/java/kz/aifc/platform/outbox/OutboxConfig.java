package kz.aifc.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The transactional outbox's relay ({@code aifc.outbox.*}). */
@ConfigMapping(prefix = "aifc.outbox")
public interface OutboxConfig {

    /** Whether this service publishes its outbox (the three checking services do; notification-service has none). */
    @WithDefault("false")
    boolean enabled();

    /** How often the relay looks for rows without being woken by a commit: the safety net, in milliseconds. */
    @WithDefault("500")
    long pollMillis();

    /** A batch longer than this, claim to commit, is logged with where its time went, in milliseconds. */
    @WithDefault("250")
    long slowBatchMillis();
}
