package kz.aifc.notification.escalation;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import kz.aifc.platform.rulebook.RulebookSource;
import kz.aifc.platform.rules.Parameters;

/** The escalation thresholds: rulebook.json (ESC-001, ESC-002), optionally overridden by configuration. */
@ApplicationScoped
public class EscalationPolicy {

    private static final Logger LOG = Logger.getLogger(EscalationPolicy.class);

    public static final String CRITICAL_UNACKNOWLEDGED = "CRITICAL_UNACKNOWLEDGED";
    public static final String DEADLINE_NEAR = "DEADLINE_NEAR";
    public static final String DEADLINE_PASSED = "DEADLINE_PASSED";

    private final Duration criticalUnacknowledgedFor;
    private final Duration deadlineWindow;
    private final String version;

    EscalationPolicy(RulebookSource rulebook, EscalationConfig config) {
        this.version = rulebook.version();
        this.criticalUnacknowledgedFor = pick(rulebook, "ESC-001", "unacknowledgedFor",
                config.criticalUnacknowledgedAfter());
        this.deadlineWindow = pick(rulebook, "ESC-002", "deadlineWindow", config.deadlineWindow());
    }

    public Duration criticalUnacknowledgedFor() {
        return criticalUnacknowledgedFor;
    }

    public Duration deadlineWindow() {
        return deadlineWindow;
    }

    public String version() {
        return version;
    }

    private static Duration pick(RulebookSource rulebook, String ruleId, String parameter, Optional<Duration> override) {
        Parameters parameters = rulebook.rulebook().rule(ruleId).parameters();
        Duration fromRulebook = parameters.has(parameter) ? parameters.duration(parameter) : null;
        if (override.isPresent()) {
            LOG.infof("escalation %s.%s overridden by configuration: %s (rulebook says %s)", ruleId, parameter,
                    override.get(), fromRulebook);
            return override.get();
        }
        if (fromRulebook == null) {
            throw new IllegalStateException("rulebook " + rulebook.version() + " has no " + ruleId + " " + parameter);
        }
        return fromRulebook;
    }
}
