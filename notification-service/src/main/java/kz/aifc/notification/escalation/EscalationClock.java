package kz.aifc.notification.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import kz.aifc.notification.alerts.AlertDesk;
import kz.aifc.notification.store.AlertStore;

/**
 * The deadline clock: escalates an OPEN CRITICAL alert nobody acknowledged in time (ESC-001), and any unresolved
 * alert whose regulatory deadline is near (ESC-002) or past (ESC-003). Each alert escalates once per reason, so
 * several instances may run the clock at once; a round's alerts of one reason escalate in one transaction.
 */
@ApplicationScoped
public class EscalationClock {

    private static final Logger LOG = Logger.getLogger(EscalationClock.class);
    private static final int BATCH = 200;

    private final AlertStore store;
    private final AlertDesk desk;
    private final EscalationPolicy policy;

    EscalationClock(AlertStore store, AlertDesk desk, EscalationPolicy policy) {
        this.store = store;
        this.desk = desk;
        this.policy = policy;
    }

    @Scheduled(every = "${aifc.escalation.check-every}", delayed = "${aifc.escalation.initial-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            run(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("escalation round failed: %s", e.getMessage());
        }
    }

    /** One round at {@code now}; answers how many escalations it recorded. */
    public int run(Instant now) {
        int escalated = 0;
        Duration unacked = policy.criticalUnacknowledgedFor();
        escalated += desk.escalateAll(
                store.criticalUnacknowledgedSince(now.minus(unacked), BATCH),
                EscalationPolicy.CRITICAL_UNACKNOWLEDGED, "CRITICAL and not acknowledged within " + human(unacked)
                        + " (ESC-001, escalation policy " + policy.version() + ")");
        escalated += desk.escalateAll(store.deadlineBetween(Instant.EPOCH, now, EscalationPolicy.DEADLINE_PASSED, BATCH),
                EscalationPolicy.DEADLINE_PASSED,
                "regulatory deadline has passed (ESC-003, escalation policy " + policy.version() + ")");
        Duration window = policy.deadlineWindow();
        escalated += desk.escalateAll(
                store.deadlineBetween(now, now.plus(window), EscalationPolicy.DEADLINE_NEAR, BATCH),
                EscalationPolicy.DEADLINE_NEAR, "regulatory deadline within " + human(window)
                        + " (ESC-002, escalation policy " + policy.version() + ")");
        return escalated;
    }

    private static String human(Duration d) {
        return d.truncatedTo(ChronoUnit.SECONDS).toString().substring(2).toLowerCase();
    }
}
