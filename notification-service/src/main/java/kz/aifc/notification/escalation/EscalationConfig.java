package kz.aifc.notification.escalation;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The escalation clock ({@code aifc.escalation.*}); its thresholds come from the rulebook unless overridden here. */
@ConfigMapping(prefix = "aifc.escalation")
public interface EscalationConfig {

    /** How often the clock looks for alerts to escalate. */
    @WithDefault("30s")
    String checkEvery();

    /** How long after start the clock first looks. */
    @WithDefault("5s")
    String initialDelay();

    /** Overrides ESC-001's unacknowledgedFor: how long a CRITICAL alert may stay unacknowledged. */
    Optional<Duration> criticalUnacknowledgedAfter();

    /** Overrides ESC-002's deadlineWindow: how close a regulatory deadline escalates an unresolved alert. */
    Optional<Duration> deadlineWindow();
}
