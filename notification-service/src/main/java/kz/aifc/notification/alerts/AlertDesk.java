package kz.aifc.notification.alerts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.AlertResolved;
import kz.aifc.notification.store.AlertStore;
import kz.aifc.notification.store.StoredAlert;
import kz.aifc.platform.api.ProblemException;
import kz.aifc.platform.audit.AuditTrail;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.codec.MalformedEventException;

/**
 * The lifecycle of an alert, OPEN → ACKNOWLEDGED → RESOLVED, and every way it changes. Each change is audited,
 * queued for webhooks in the same transaction, and announced to live streams after commit.
 */
@ApplicationScoped
public class AlertDesk {

    private static final Logger LOG = Logger.getLogger(AlertDesk.class);
    /** The actor the audit log names for changes that arrive on Kafka. */
    public static final String SOURCE_SERVICE = "source-service";

    private final AlertStore store;
    private final AuditTrail audit;
    private final Event<AlertChanged> changes;
    private final MeterRegistry meters;

    AlertDesk(AlertStore store, AuditTrail audit, Event<AlertChanged> changes,
            MeterRegistry meters) {
        this.store = store;
        this.audit = audit;
        this.changes = changes;
        this.meters = meters;
    }

    /** Stores a raised alert once per alertId: a repeat refreshes it, a raise after resolution reopens it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raised(AlertRaised alert, String eventSource) {
        Instant now = now();
        Optional<StoredAlert> current = store.find(alert.alertId(), true);
        Change change;
        if (current.isEmpty()) {
            store.insert(alert, now);
            change = Change.RAISED;
        } else if (!current.get().firmId().equals(alert.firmId())) {
            throw new MalformedEventException("data.firmId",
                    "alert " + alert.alertId() + " belongs to firm " + current.get().firmId() + ", not " + alert.firmId());
        } else if (StoredAlert.RESOLVED.equals(current.get().status())) {
            store.refresh(alert, now, true);
            change = Change.REOPENED;
        } else {
            store.refresh(alert, now, false);
            StoredAlert after = store.find(alert.alertId(), false).orElseThrow();
            if (after.visibleFingerprint().equals(current.get().visibleFingerprint())) {
                return;
            }
            change = Change.UPDATED;
        }
        audit.append(eventSource, "alert." + change.name().toLowerCase(), alert.firmId(), alert.alertId(),
                Map.of("severity", alert.severity().name(), "ruleId", alert.ruleId(), "title", alert.title()));
        announce(change, alert.alertId());
    }

    /** Marks an alert resolved by its source service; unknown or already resolved alerts are left as they are. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolvedBySource(AlertResolved resolved, String eventSource) {
        Optional<StoredAlert> current = store.find(resolved.alertId(), true);
        if (current.isEmpty()) {
            // A resolution may overtake a raise only across partitions, which the firm-id key rules out: log it.
            LOG.warnf("alert.resolved for unknown alert %s of %s ignored", resolved.alertId(), resolved.firmId());
            return;
        }
        if (StoredAlert.RESOLVED.equals(current.get().status())) {
            return;
        }
        store.resolve(resolved.alertId(), eventSource, resolved.resolvedAt().toInstant(), resolved.reason());
        audit.append(eventSource, "alert.resolved", resolved.firmId(), resolved.alertId(),
                Map.of("reason", resolved.reason(), "by", "source service"));
        announce(Change.RESOLVED, resolved.alertId());
    }

    /** A person takes the alert on; only an OPEN alert can be acknowledged. */
    @Transactional
    public StoredAlert acknowledge(String alertId, String by, FirmCheck check) {
        StoredAlert current = existing(alertId, check);
        if (!StoredAlert.OPEN.equals(current.status())) {
            throw ProblemException.conflict("alert " + alertId + " is " + current.status()
                    + (current.acknowledgedBy() == null ? "" : " (acknowledged by " + current.acknowledgedBy() + ")")
                    + "; only an OPEN alert can be acknowledged");
        }
        store.acknowledge(alertId, by, now());
        audit.append(by, "alert.acknowledged", current.firmId(), alertId, Map.of("status", StoredAlert.ACKNOWLEDGED));
        return announce(Change.ACKNOWLEDGED, alertId);
    }

    /** A person closes the alert with a reason; an OPEN or ACKNOWLEDGED alert can be resolved. */
    @Transactional
    public StoredAlert resolve(String alertId, String by, String reason, FirmCheck check) {
        StoredAlert current = existing(alertId, check);
        if (StoredAlert.RESOLVED.equals(current.status())) {
            throw ProblemException.conflict("alert " + alertId + " was already resolved by " + current.resolvedBy());
        }
        store.resolve(alertId, by, now(), reason);
        audit.append(by, "alert.resolved", current.firmId(), alertId, Map.of("reason", reason, "by", "person"));
        return announce(Change.RESOLVED, alertId);
    }

    /** Escalates an unresolved alert once per reason; answers false when nothing changed. */
    @Transactional
    public boolean escalate(String alertId, String reason, String detail) {
        Optional<StoredAlert> current = store.find(alertId, true);
        if (current.isEmpty() || StoredAlert.RESOLVED.equals(current.get().status())) {
            return false;
        }
        if (!store.escalate(alertId, reason, detail, now())) {
            return false;
        }
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("reason", reason);
        entry.put("detail", detail);
        audit.append("escalation-clock", "alert.escalated", current.get().firmId(), alertId, entry);
        announce(Change.ESCALATED, alertId);
        return true;
    }

    /** Reads an alert, or 404; the check decides whether the caller may act on its firm. */
    public StoredAlert existing(String alertId, FirmCheck check) {
        StoredAlert alert = store.find(alertId, true).orElseThrow(AlertDesk::noSuchAlert);
        check.require(alert.firmId());
        return alert;
    }

    /** The one answer for an alert that does not exist or that the caller may not see (#15.4). */
    public static ProblemException noSuchAlert() {
        return ProblemException.notFound("no such alert");
    }

    private StoredAlert announce(Change change, String alertId) {
        StoredAlert after = store.find(alertId, false).orElseThrow();
        OffsetDateTime at = OffsetDateTime.now(CloudEvent.ALMATY).truncatedTo(ChronoUnit.MILLIS);
        AlertChanged event = new AlertChanged(change, after, at);
        // Webhook deliveries are queued by a synchronous observer, in this transaction; SSE after the commit.
        changes.fire(event);
        meters.counter("aifc.alerts.changes", "change", change.name(), "duty", after.duty(), "severity", after.severity())
                .increment();
        return after;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A firm-scoping check run once the alert's firm is known (FirmAccess.requireWrite in the API). */
    @FunctionalInterface
    public interface FirmCheck {
        void require(String firmId);
    }
}
