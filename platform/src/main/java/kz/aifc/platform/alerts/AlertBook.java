package kz.aifc.platform.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        return applyAll(alerts.stream().map(Raise::new).toList());
    }

    /** One change to an alert within a unit of work: a {@link Raise} or a {@link Resolution}. */
    public sealed interface Change permits Raise, Resolution {

        String alertId();
    }

    /** Raise or refresh this alert. */
    public record Raise(AlertRaised alert) implements Change {

        @Override
        public String alertId() {
            return alert.alertId();
        }
    }

    /** An alert to resolve, when and why. */
    public record Resolution(String alertId, OffsetDateTime at, String reason) implements Change {
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
        return applyAll(resolutions);
    }

    /**
     * Applies a unit of work's alert changes in the order given, an alert possibly changed several times (raised,
     * resolved, raised again): each emits exactly what {@link #raise} or {@link #resolve} called one after the other
     * would, in that order, with one read of the alerts' stored state, one upsert of the raised alerts' final rows, one
     * update of the only-resolved ones, one outbox batch and one audit append. Answers how many events were emitted.
     */
    public int applyAll(List<? extends Change> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        currentState(changes.stream().map(Change::alertId).distinct().toList())
                .forEach((id, stored) -> rows.put(id, Row.stored(stored)));
        List<Outbox.Pending> events = new ArrayList<>();
        List<AuditTrail.Entry> entries = new ArrayList<>();
        Map<String, Row> raised = new LinkedHashMap<>();
        Map<String, Row> resolvedOnly = new LinkedHashMap<>();
        for (Change change : changes) {
            Row row = rows.get(change.alertId());
            boolean open = row != null && row.open;
            if (change instanceof Raise raise) {
                AlertRaised alert = raise.alert();
                String fingerprint = fingerprint(alert);
                if (open && row.fingerprint.equals(fingerprint)) {
                    continue;
                }
                Row next = open ? row.raisedAgain(alert, fingerprint) : Row.opened(alert, fingerprint);
                rows.put(alert.alertId(), next);
                raised.put(alert.alertId(), next);
                resolvedOnly.remove(alert.alertId());
                events.add(new Outbox.Pending(topic, alert.firmId(),
                        CloudEventCodec.newEvent(source, EventTypes.ALERT_RAISED, alert.firmId(), alert)));
                entries.add(new AuditTrail.Entry(source, open ? "alert.updated" : "alert.raised", alert.firmId(),
                        alert.alertId(), alert));
            } else if (change instanceof Resolution r && open) {
                Row next = row.resolved(r.at());
                rows.put(r.alertId(), next);
                if (raised.containsKey(r.alertId())) {
                    raised.put(r.alertId(), next);
                } else {
                    resolvedOnly.put(r.alertId(), next);
                }
                AlertResolved resolved = new AlertResolved(r.alertId(), row.firmId, r.at(), r.reason());
                events.add(new Outbox.Pending(topic, resolved.firmId(),
                        CloudEventCodec.newEvent(source, EventTypes.ALERT_RESOLVED, resolved.firmId(), resolved)));
                entries.add(new AuditTrail.Entry(source, "alert.resolved", resolved.firmId(), r.alertId(), resolved));
            }
        }
        String upsert = """
                insert into alert_state (alert_id, firm_id, rule_id, severity, status, fingerprint, payload, raised_at,
                  updated_at, resolved_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, now(), ?)
                on conflict (alert_id) do update set severity = excluded.severity, status = excluded.status,
                  fingerprint = excluded.fingerprint, payload = excluded.payload, updated_at = now(),
                  resolved_at = excluded.resolved_at,
                  raised_at = case when ? and alert_state.status = 'OPEN' then alert_state.raised_at
                    else excluded.raised_at end""";
        jdbc.batch("store raised alerts", upsert, raised.values(), (statement, row) -> {
            AlertRaised alert = row.payload;
            statement.setString(1, alert.alertId());
            statement.setString(2, alert.firmId());
            statement.setString(3, alert.ruleId());
            statement.setString(4, alert.severity().name());
            statement.setString(5, row.open ? "OPEN" : "RESOLVED");
            statement.setString(6, row.fingerprint);
            statement.setString(7, CloudEventCodec.toJson(alert));
            statement.setTimestamp(8, Timestamp.from(row.openedAt.toInstant()));
            statement.setTimestamp(9, row.resolvedAt == null ? null : Timestamp.from(row.resolvedAt.toInstant()));
            statement.setBoolean(10, row.openedBefore);
        });
        jdbc.batch("resolve alerts", "update alert_state set status = 'RESOLVED', resolved_at = ?, updated_at = now() "
                + "where alert_id = ?", resolvedOnly.values(), (update, row) -> {
                    update.setTimestamp(1, Timestamp.from(row.resolvedAt.toInstant()));
                    update.setString(2, row.alertId);
                });
        outbox.enqueueAll(events);
        audit.appendAll(entries);
        return events.size();
    }

    /**
     * An alert's row as a unit of work leaves it: {@code openedBefore} when it was open before the unit and stayed
     * open up to its last raise here (the stored {@code raised_at} stands), else {@code openedAt} (when the raise
     * that opened it here detected it).
     */
    private record Row(String alertId, String firmId, boolean open, String fingerprint, AlertRaised payload,
            boolean openedBefore, OffsetDateTime openedAt, OffsetDateTime resolvedAt) {

        static Row stored(String[] state) {
            return new Row(state[3], state[2], "OPEN".equals(state[0]), state[1], null, true, null, null);
        }

        static Row opened(AlertRaised alert, String fingerprint) {
            return new Row(alert.alertId(), alert.firmId(), true, fingerprint, alert, false, alert.detectedAt(), null);
        }

        Row raisedAgain(AlertRaised alert, String fingerprint) {
            return new Row(alertId, alert.firmId(), true, fingerprint, alert, openedBefore,
                    openedAt == null ? alert.detectedAt() : openedAt, null);
        }

        Row resolved(OffsetDateTime at) {
            return new Row(alertId, firmId, false, fingerprint, payload, openedBefore, openedAt, at);
        }
    }

    /** Status, fingerprint, firm and id of the alerts already stored, by id. */
    private Map<String, String[]> currentState(List<String> alertIds) {
        Map<String, String[]> out = new HashMap<>();
        for (String[] row : jdbc.query("read stored alerts", "select alert_id, status, fingerprint, firm_id "
                + "from alert_state where alert_id = any(?)", rs -> new String[] {rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4)}, alertIds)) {
            out.put(row[0], new String[] {row[1], row[2], row[3], row[0]});
        }
        return out;
    }

    /** Which of these alert ids are stored, whatever their status (one read). */
    public Set<String> existing(Collection<String> alertIds) {
        return new HashSet<>(jdbc.query("read alert ids", "select alert_id from alert_state where alert_id = any(?)",
                rs -> rs.getString(1), new ArrayList<>(alertIds)));
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

    /**
     * What a reader of the alert sees (severity, title, detail, deadline), as a digest stored with it: the same in
     * every process and release, so a restart that re-evaluates an open alert finds it unchanged. (An enum's
     * {@code hashCode} differs from one JVM to the next: hashed with it, every open alert was announced again as
     * updated, with the same content, after each restart.)
     */
    static String fingerprint(AlertRaised a) {
        MessageDigest sha = SHA_256.get();
        for (String part : new String[] {a.severity().name(), a.title(), a.detail(),
                a.regulatoryDeadline() == null ? "" : a.regulatoryDeadline().toInstant().toString()}) {
            sha.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0x1f);
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    /** One alert as stored: its last raised payload and whether it is still open. */
    public record StoredAlert(String alertId, String firmId, String ruleId, boolean open, String fingerprint,
            AlertRaised payload) {

        /** The alert as it is stored once raised (a caller holding its open alerts in memory keeps them current). */
        public static StoredAlert open(AlertRaised alert) {
            return new StoredAlert(alert.alertId(), alert.firmId(), alert.ruleId(), true, AlertBook.fingerprint(alert), alert);
        }
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
