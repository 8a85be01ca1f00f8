package kz.aifc.platform.alerts;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.AlertResolved;
import kz.aifc.platform.audit.AuditTrail;
import kz.aifc.platform.outbox.Outbox;
import kz.aifc.platform.store.Jdbc;

/**
 * The alerts a checking service has raised, by stable {@code alertId}. Raising an open alert again emits an update
 * only when what a reader sees changed (severity, title, detail, deadline); resolving emits once. Every emission
 * goes through the outbox and the audit log in the caller's transaction.
 */
@ApplicationScoped
public class AlertBook {

    private final Jdbc jdbc;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final String topic;
    private final String source;

    AlertBook(Jdbc jdbc, Outbox outbox, AuditTrail audit, AlertsConfig alertsConfig, EventsConfig eventsConfig) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.audit = audit;
        this.topic = alertsConfig.topic();
        this.source = eventsConfig.source();
    }

    /** Raises or refreshes an alert; answers true when an event was emitted. */
    public boolean raise(AlertRaised alert) {
        return raiseAll(List.of(alert)) == 1;
    }

    /**
     * Raises or refreshes alerts (distinct ids) in a few round trips whatever their number: one read of their
     * current state, then the upserts, the outbox and the audit entries of those whose visible content changed.
     * Answers how many events were emitted.
     */
    public int raiseAll(List<AlertRaised> alerts) {
        if (alerts.isEmpty()) {
            return 0;
        }
        Map<String, String[]> current = currentState(alerts.stream().map(AlertRaised::alertId).toList());
        List<Outbox.Pending> events = new ArrayList<>();
        List<AuditTrail.Entry> entries = new ArrayList<>();
        String sql = """
                insert into alert_state (alert_id, firm_id, rule_id, severity, status, fingerprint, payload, raised_at, updated_at)
                values (?, ?, ?, ?, 'OPEN', ?, ?::jsonb, ?, now())
                on conflict (alert_id) do update set severity = excluded.severity, status = 'OPEN',
                  fingerprint = excluded.fingerprint, payload = excluded.payload, updated_at = now(), resolved_at = null,
                  raised_at = case when alert_state.status = 'OPEN' then alert_state.raised_at else excluded.raised_at end""";
        List<Fingerprinted> changed = new ArrayList<>();
        for (AlertRaised alert : alerts) {
            String[] stored = current.get(alert.alertId());
            boolean open = stored != null && "OPEN".equals(stored[0]);
            String fingerprint = fingerprint(alert);
            if (open && stored[1].equals(fingerprint)) {
                continue;
            }
            changed.add(new Fingerprinted(alert, fingerprint));
            events.add(new Outbox.Pending(topic, alert.firmId(),
                    CloudEventCodec.newEvent(source, EventTypes.ALERT_RAISED, alert.firmId(), alert)));
            entries.add(new AuditTrail.Entry(source, open ? "alert.updated" : "alert.raised", alert.firmId(),
                    alert.alertId(), alert));
        }
        jdbc.batch("store raised alerts", sql, changed, (upsert, f) -> {
            AlertRaised alert = f.alert();
            upsert.setString(1, alert.alertId());
            upsert.setString(2, alert.firmId());
            upsert.setString(3, alert.ruleId());
            upsert.setString(4, alert.severity().name());
            upsert.setString(5, f.fingerprint());
            upsert.setString(6, CloudEventCodec.toJson(alert));
            upsert.setTimestamp(7, Timestamp.from(alert.detectedAt().toInstant()));
        });
        outbox.enqueueAll(events);
        audit.appendAll(entries);
        return events.size();
    }

    /** An alert to store with the fingerprint it was compared by. */
    private record Fingerprinted(AlertRaised alert, String fingerprint) {
    }

    /** Status, fingerprint and firm of the alerts already stored, by id. */
    private Map<String, String[]> currentState(List<String> alertIds) {
        Map<String, String[]> out = new HashMap<>();
        for (String[] row : jdbc.query("read stored alerts", "select alert_id, status, fingerprint, firm_id "
                + "from alert_state where alert_id = any(?)", rs -> new String[] {rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4)}, alertIds)) {
            out.put(row[0], new String[] {row[1], row[2], row[3]});
        }
        return out;
    }

    /** An alert to resolve, when and why. */
    public record Resolution(String alertId, OffsetDateTime at, String reason) {
    }

    /** Resolves an open alert; answers true when an event was emitted. */
    public boolean resolve(String alertId, OffsetDateTime at, String reason) {
        return resolveAll(List.of(new Resolution(alertId, at, reason))) == 1;
    }

    /**
     * Resolves the alerts among these (distinct ids) that are open, in a few round trips whatever their number;
     * answers how many events were emitted.
     */
    public int resolveAll(List<Resolution> resolutions) {
        if (resolutions.isEmpty()) {
            return 0;
        }
        Map<String, String[]> current = currentState(resolutions.stream().map(Resolution::alertId).toList());
        List<Outbox.Pending> events = new ArrayList<>();
        List<AuditTrail.Entry> entries = new ArrayList<>();
        List<Resolution> open = new ArrayList<>();
        for (Resolution r : resolutions) {
            String[] stored = current.get(r.alertId());
            if (stored == null || !"OPEN".equals(stored[0])) {
                continue;
            }
            open.add(r);
            AlertResolved resolved = new AlertResolved(r.alertId(), stored[2], r.at(), r.reason());
            events.add(new Outbox.Pending(topic, resolved.firmId(),
                    CloudEventCodec.newEvent(source, EventTypes.ALERT_RESOLVED, resolved.firmId(), resolved)));
            entries.add(new AuditTrail.Entry(source, "alert.resolved", resolved.firmId(), r.alertId(), resolved));
        }
        jdbc.batch("resolve alerts", "update alert_state set status = 'RESOLVED', resolved_at = ?, updated_at = now() "
                + "where alert_id = ?", open, (update, r) -> {
                    update.setTimestamp(1, Timestamp.from(r.at().toInstant()));
                    update.setString(2, r.alertId());
                });
        outbox.enqueueAll(events);
        audit.appendAll(entries);
        return events.size();
    }

    public Optional<StoredAlert> find(String alertId) {
        List<StoredAlert> found = query("select alert_id, firm_id, rule_id, status, fingerprint, payload::text "
                + "from alert_state where alert_id = ?", alertId);
        return found.stream().findFirst();
    }

    /** The firm's open alerts, optionally of one rule. */
    public List<StoredAlert> open(String firmId, String ruleId) {
        if (ruleId == null) {
            return query("select alert_id, firm_id, rule_id, status, fingerprint, payload::text from alert_state "
                    + "where firm_id = ? and status = 'OPEN' order by raised_at", firmId);
        }
        return query("select alert_id, firm_id, rule_id, status, fingerprint, payload::text from alert_state "
                + "where firm_id = ? and status = 'OPEN' and rule_id = ? order by raised_at", firmId, ruleId);
    }

    /** The open alerts of these firms, oldest first: one read for a poll's firms. */
    public List<StoredAlert> open(Collection<String> firmIds) {
        return query("select alert_id, firm_id, rule_id, status, fingerprint, payload::text from alert_state "
                + "where firm_id = any(?) and status = 'OPEN' order by raised_at", new ArrayList<>(firmIds));
    }

    /**
     * Whether raising {@code alert} again would emit nothing: it is {@code stored}'s id, open, and what a reader sees
     * is unchanged. A caller holding its open alerts in memory skips the read {@link #raise} would make.
     */
    public static boolean unchanged(StoredAlert stored, AlertRaised alert) {
        return stored.open() && stored.alertId().equals(alert.alertId()) && stored.fingerprint().equals(fingerprint(alert));
    }

    private List<StoredAlert> query(String sql, Object... params) {
        return jdbc.query("read alerts", sql, rs -> new StoredAlert(rs.getString(1), rs.getString(2),
                rs.getString(3), "OPEN".equals(rs.getString(4)), rs.getString(5),
                CloudEventCodec.readPayload(rs.getString(6), AlertRaised.class)), params);
    }

    static String fingerprint(AlertRaised a) {
        return Objects.hash(a.severity(), a.title(), a.detail(),
                a.regulatoryDeadline() == null ? null : a.regulatoryDeadline().toInstant()) + "";
    }

    /** One alert as stored: its last raised payload and whether it is still open. */
    public record StoredAlert(String alertId, String firmId, String ruleId, boolean open, String fingerprint,
            AlertRaised payload) {
    }

    /** The CloudEvents source this service signs its events with. */
    public String source() {
        return source;
    }

    /** Convenience for callers that build the event id chain ({@code causedBy}). */
    public static String cause(CloudEvent<?> event) {
        return event.eventKey();
    }
}
