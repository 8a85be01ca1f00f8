package kz.aifc.notification.alerts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.AlertResolved;
import kz.aifc.notification.store.AlertBatch;
import kz.aifc.notification.store.AlertStore;
import kz.aifc.notification.store.StoredAlert;
import kz.aifc.notification.store.Times;
import kz.aifc.platform.api.ProblemException;
import kz.aifc.platform.audit.AuditTrail;
import kz.aifc.platform.store.RoundTrip;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.codec.MalformedEventException;

/**
 * The lifecycle of an alert, OPEN → ACKNOWLEDGED → RESOLVED, and every way it changes. Each change is audited,
 * queued for webhooks and mail in the same transaction, and announced to live streams (and counted) after commit.
 */
@ApplicationScoped
public class AlertDesk {

    private static final Logger LOG = Logger.getLogger(AlertDesk.class);
    /** The actor the audit log names for changes that arrive on Kafka. */
    public static final String SOURCE_SERVICE = "source-service";

    private final AlertStore store;
    private final AuditTrail audit;
    private final Event<AlertChanges> changes;
    private final MeterRegistry meters;
    /**
     * Where a poll's time goes, by phase (besides the inbox claim, which reads and locks the alerts too): apply, the
     * audit chain's lock and head, announce, the writes.
     */
    private final Map<String, Timer> phases;

    AlertDesk(AlertStore store, AuditTrail audit, Event<AlertChanges> changes,
            MeterRegistry meters) {
        this.store = store;
        this.audit = audit;
        this.changes = changes;
        this.meters = meters;
        this.phases = Stream.of("apply", "audit", "announce", "flush")
                .collect(Collectors.toMap(p -> p, p -> phase(meters, p)));
    }

    /** The timer of one phase of applying a poll ({@code aifc.notification.batch.phase}). */
    public static Timer phase(MeterRegistry meters, String phase) {
        return Timer.builder("aifc.notification.batch.phase").tag("phase", phase).register(meters);
    }

    /**
     * The alerts a poll's events name, to be read and locked by a statement added to {@code with}, which the caller
     * sends (with the inbox's claim) before it {@link #fromSources applies} the events to them.
     */
    public AlertBatch lockAll(List<CloudEvent<Object>> events, RoundTrip with) {
        Set<String> ids = new LinkedHashSet<>();
        for (CloudEvent<Object> event : events) {
            ids.add(event.data() instanceof AlertRaised r ? r.alertId() : ((AlertResolved) event.data()).alertId());
        }
        return store.lockAll(ids, with);
    }

    /**
     * Applies alert events of the source services in their order, in the caller's transaction, to the alerts
     * {@link #lockAll} read and locked: each event applied to the alert as the events before it left it, the audit
     * entries appended together, the changes announced together, and the audit entries, the alerts and the replicas'
     * notifications written in one message. A raise is stored once per alertId (a repeat refreshes it, announcing only
     * a visible change; a raise after resolution reopens it); a resolution marks an open alert resolved, and leaves an
     * unknown or already resolved one as it is. A raise of another firm's alertId is rejected
     * ({@link MalformedEventException}), rolling the transaction back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fromSources(List<CloudEvent<Object>> events, AlertBatch batch) {
        if (events.isEmpty()) {
            return;
        }
        List<AuditTrail.Entry> entries = new ArrayList<>();
        List<AlertChanged> changed = new ArrayList<>();
        phases.get("apply").record(() -> {
            for (CloudEvent<Object> event : events) {
                if (event.data() instanceof AlertRaised raised) {
                    raised(raised, event.source(), batch, entries, changed);
                } else {
                    resolvedBySource((AlertResolved) event.data(), event.source(), batch, entries, changed);
                }
            }
        });
        // Each step timed, so the commit's own time is the poll's remainder.
        record(batch, entries, changed, "write a poll's alerts", (phase, step) -> phases.get(phase).record(step));
    }

    /**
     * A unit of work's changes recorded: the audit chain's lock and head, the announcement (webhook and mail
     * deliveries queued), then the audit entries, the replicas' notifications and the alerts in one message, then the
     * session's webhook deliveries; {@code timed} runs each step under its phase's name (the poll times them).
     */
    private void record(AlertBatch batch, List<AuditTrail.Entry> entries, List<AlertChanged> changed, String doing,
            BiConsumer<String, Runnable> timed) {
        RoundTrip writes = new RoundTrip();
        timed.accept("audit", () -> audit.appendAll(entries, writes));
        timed.accept("announce", () -> fire(changed, writes));
        timed.accept("flush", () -> {
            store.write(batch, writes);
            store.send(writes, doing);
            store.flush();
        });
    }

    private void raised(AlertRaised alert, String eventSource, AlertBatch batch, List<AuditTrail.Entry> entries,
            List<AlertChanged> changed) {
        Instant now = Times.now();
        StoredAlert before = batch.current(alert.alertId()).orElse(null);
        Change change;
        StoredAlert after;
        if (before == null) {
            after = batch.insert(alert, now);
            change = Change.RAISED;
        } else if (!before.firmId().equals(alert.firmId())) {
            throw new MalformedEventException("data.firmId",
                    "alert " + alert.alertId() + " belongs to firm " + before.firmId() + ", not " + alert.firmId());
        } else if (StoredAlert.RESOLVED.equals(before.status())) {
            after = batch.refresh(alert, now, true);
            change = Change.REOPENED;
        } else {
            after = batch.refresh(alert, now, false);
            change = Change.UPDATED;
        }
        if (change == Change.UPDATED && after.looksLike(before)) {
            return;
        }
        entries.add(new AuditTrail.Entry(eventSource, "alert." + change.name().toLowerCase(), alert.firmId(),
                alert.alertId(), Map.of("severity", alert.severity().name(), "ruleId", alert.ruleId(), "title", alert.title())));
        changed.add(changeOf(change, after));
    }

    private void resolvedBySource(AlertResolved resolved, String eventSource, AlertBatch batch,
            List<AuditTrail.Entry> entries, List<AlertChanged> changed) {
        StoredAlert before = batch.current(resolved.alertId()).orElse(null);
        if (before == null) {
            // A resolution may overtake a raise only across partitions, which the firm-id key rules out: log it.
            LOG.warnf("alert.resolved for unknown alert %s of %s ignored", resolved.alertId(), resolved.firmId());
            return;
        }
        if (StoredAlert.RESOLVED.equals(before.status())) {
            return;
        }
        StoredAlert after = batch.resolve(resolved.alertId(), eventSource, resolved.resolvedAt().toInstant(),
                resolved.reason());
        entries.add(new AuditTrail.Entry(eventSource, "alert.resolved", resolved.firmId(), resolved.alertId(),
                Map.of("reason", resolved.reason(), "by", "source service")));
        changed.add(changeOf(Change.RESOLVED, after));
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
        store.acknowledge(alertId, by, Times.now());
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
        store.resolve(alertId, by, Times.now(), reason);
        audit.append(by, "alert.resolved", current.firmId(), alertId, Map.of("reason", reason, "by", "person"));
        return announce(Change.RESOLVED, alertId);
    }

    /**
     * Escalates unresolved alerts once each per reason, in one transaction as a poll applies its events: the alerts
     * read and locked in one statement (id order), the escalations recorded in one (an alert escalated for the reason
     * before, by another clock meanwhile say, is left out), one audit append, one announcement, the alerts written in
     * one statement. Answers how many escalated.
     */
    @Transactional
    public int escalateAll(List<String> alertIds, String reason, String detail) {
        if (alertIds.isEmpty()) {
            return 0;
        }
        RoundTrip read = new RoundTrip();
        AlertBatch batch = store.lockAll(alertIds, read);
        store.send(read, "lock the alerts to escalate");
        List<String> unresolved = alertIds.stream()
                .filter(id -> batch.current(id).filter(a -> !StoredAlert.RESOLVED.equals(a.status())).isPresent())
                .toList();
        Instant now = Times.now();
        Set<String> first = store.recordEscalations(unresolved, reason, detail, now);
        List<AuditTrail.Entry> entries = new ArrayList<>();
        List<AlertChanged> changed = new ArrayList<>();
        for (String alertId : unresolved) {
            if (first.contains(alertId)) {
                StoredAlert after = batch.escalate(alertId, reason, now);
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("reason", reason);
                entry.put("detail", detail);
                entries.add(new AuditTrail.Entry("escalation-clock", "alert.escalated", after.firmId(), alertId, entry));
                changed.add(changeOf(Change.ESCALATED, after));
            }
        }
        record(batch, entries, changed, "escalate alerts", (phase, step) -> step.run());
        return changed.size();
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
        RoundTrip writes = new RoundTrip();
        fire(List.of(changeOf(change, after)), writes);
        store.send(writes, "announce an alert's change");
        return after;
    }

    private static AlertChanged changeOf(Change change, StoredAlert after) {
        return new AlertChanged(change, after, OffsetDateTime.now(CloudEvent.ALMATY).truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Webhook and mail deliveries are queued by synchronous observers, in this transaction, and the replicas'
     * notifications added to {@code writes}, which the caller sends; SSE after the commit.
     */
    private void fire(List<AlertChanged> changed, RoundTrip writes) {
        if (!changed.isEmpty()) {
            changes.fire(new AlertChanges(changed, writes));
        }
    }

    /** Counts committed changes only: a poll rolled back and applied again event by event is counted once. */
    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertChanges committed) {
        for (AlertChanged c : committed.changes()) {
            meters.counter("aifc.alerts.changes", "change", c.change().name(), "duty", c.alert().duty(), "severity",
                    c.alert().severity()).increment();
        }
    }

    /** A firm-scoping check run once the alert's firm is known (FirmAccess.requireWrite in the API). */
    @FunctionalInterface
    public interface FirmCheck {
        void require(String firmId);
    }
}
