package kz.aifc.notification.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.platform.store.RoundTrip;

/**
 * The alerts a poll names: read and locked in one statement, changed in memory as the poll's events are applied in
 * order, and written back in one statement (the changed rows as JSON). Plain SQL, not the Hibernate session: mapping
 * the rows read into the session, checking each for changes and writing them row by row at the flush took a third of
 * a poll (BENCHMARKS.md). The rows are {@link Alert}s outside any session, so a change is the same code on either path.
 */
public final class AlertBatch {

    /** The table's columns in its order, which {@code jsonb_populate_recordset(null::alert, …)} follows too. */
    private static final String COLUMNS = "alert_id, firm_id, duty, rule_id, rulebook_version, citation, severity,"
            + " severity_rank, title, detail, evidence, caused_by, links, detected_at, regulatory_deadline,"
            + " deadline_basis, status, first_seen_at, updated_at, acknowledged_by, acknowledged_at, resolved_by,"
            + " resolved_at, resolution_reason, escalated_at, escalation_reason, version, escalated_for";
    private static final String LOCK = "select " + COLUMNS
            + " from alert where alert_id = any(?) order by alert_id for no key update";
    private static final String CHANGED_COLUMNS = COLUMNS.substring("alert_id, ".length());
    /**
     * The changed alerts from a JSON array of rows: new ones inserted, the locked ones (the second parameter) updated.
     * An id that is taken but was not locked is left alone and not counted: another writer inserted it meanwhile. The
     * rows reach their alerts by the key's index whatever the planner thinks (an update joined to the same rows took
     * 12 ms a poll in the drain against 1 for this, likely a plan made while the table was small).
     */
    private static final String WRITE = "insert into alert select * from"
            + " jsonb_populate_recordset(null::alert, ?::jsonb) on conflict (alert_id) do update set ("
            + CHANGED_COLUMNS + ") = (excluded." + CHANGED_COLUMNS.replace(", ", ", excluded.")
            + ") where alert.alert_id = any(?)";
    private static final String FORGET_ESCALATIONS = "delete from alert_escalation where alert_id = any(?)";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> LINKS = new TypeReference<>() {
    };

    private final Map<String, Alert> rows = new HashMap<>();
    /** The alerts that existed when read (the rest of {@code changed} are new). */
    private final Set<String> locked = new HashSet<>();
    private final Set<String> changed = new LinkedHashSet<>();
    private final List<String> reopened = new ArrayList<>();

    private AlertBatch() {
    }

    /** A batch of the alerts that the lock statement, added to {@code with}, reads once {@code with} is sent. */
    static AlertBatch lockAll(Collection<String> alertIds, RoundTrip with) {
        AlertBatch batch = new AlertBatch();
        if (!alertIds.isEmpty()) {
            with.query(LOCK, AlertBatch::read, read -> read.forEach(a -> {
                batch.rows.put(a.alertId, a);
                batch.locked.add(a.alertId);
            }), List.copyOf(alertIds));
        }
        return batch;
    }

    /** The alert as the events applied so far left it. */
    public Optional<StoredAlert> current(String alertId) {
        Alert alert = rows.get(alertId);
        return alert == null ? Optional.empty() : Optional.of(alert.toStored());
    }

    /** Takes a first-seen alert as OPEN; answers it. */
    public StoredAlert insert(AlertRaised a, Instant now) {
        return changed(Alert.raised(a, now));
    }

    /** Refreshes the contract fields; {@code reopen} puts a resolved alert back to OPEN and forgets its lifecycle. */
    public StoredAlert refresh(AlertRaised a, Instant now, boolean reopen) {
        Alert alert = rows.get(a.alertId());
        alert.refresh(a, now, reopen);
        if (reopen) {
            reopened.add(a.alertId());
        }
        return changed(alert);
    }

    public StoredAlert resolve(String alertId, String by, Instant at, String reason) {
        Alert alert = rows.get(alertId);
        alert.resolve(by, at, reason);
        return changed(alert);
    }

    /** Marks the alert escalated for {@code reason}; answers it. */
    public StoredAlert escalate(String alertId, String reason, Instant at) {
        Alert alert = rows.get(alertId);
        alert.escalate(reason, at);
        return changed(alert);
    }

    private StoredAlert changed(Alert alert) {
        rows.put(alert.alertId, alert);
        changed.add(alert.alertId);
        return alert.toStored();
    }

    /** Adds the batch's writes to {@code with}: the escalations of reopened alerts forgotten, the changed rows. */
    void write(RoundTrip with) {
        if (!reopened.isEmpty()) {
            with.run(FORGET_ESCALATIONS, List.copyOf(reopened));
        }
        if (changed.isEmpty()) {
            return;
        }
        ObjectMapper json = CloudEventCodec.mapper();
        ArrayNode out = json.createArrayNode();
        for (String alertId : changed) {
            out.add(row(json, rows.get(alertId)));
        }
        int sent = changed.size();
        with.update(WRITE, written -> {
            if (written != sent) {
                // As a plain insert would fail on the key: the poll rolls back and is applied again, reading the alert.
                throw new IllegalStateException((sent - written)
                        + " of the poll's new alerts were inserted by another writer meanwhile");
            }
        }, out.toString(), List.copyOf(locked));
    }

    private static ObjectNode row(ObjectMapper json, Alert a) {
        ObjectNode r = json.createObjectNode();
        r.put("alert_id", a.alertId);
        r.put("firm_id", a.firmId);
        r.put("duty", a.duty);
        r.put("rule_id", a.ruleId);
        r.put("rulebook_version", a.rulebookVersion);
        r.put("citation", a.citation);
        r.put("severity", a.severity);
        r.put("severity_rank", a.severityRank);
        r.put("title", a.title);
        r.put("detail", a.detail);
        r.set("evidence", a.evidence);
        r.set("caused_by", json.valueToTree(a.causedBy));
        r.set("links", json.valueToTree(a.links));
        r.put("detected_at", text(a.detectedAt));
        r.put("regulatory_deadline", text(a.regulatoryDeadline));
        r.put("deadline_basis", a.deadlineBasis);
        r.put("status", a.status);
        r.put("first_seen_at", text(a.firstSeenAt));
        r.put("updated_at", text(a.updatedAt));
        r.put("acknowledged_by", a.acknowledgedBy);
        r.put("acknowledged_at", text(a.acknowledgedAt));
        r.put("resolved_by", a.resolvedBy);
        r.put("resolved_at", text(a.resolvedAt));
        r.put("resolution_reason", a.resolutionReason);
        r.put("escalated_at", text(a.escalatedAt));
        r.put("escalation_reason", a.escalationReason);
        r.put("version", a.version);
        r.set("escalated_for", json.valueToTree(a.escalatedFor));
        return r;
    }

    private static Alert read(ResultSet rs) throws SQLException {
        ObjectMapper json = CloudEventCodec.mapper();
        Alert a = new Alert();
        a.alertId = rs.getString(1);
        a.firmId = rs.getString(2);
        a.duty = rs.getString(3);
        a.ruleId = rs.getString(4);
        a.rulebookVersion = rs.getString(5);
        a.citation = rs.getString(6);
        a.severity = rs.getString(7);
        a.severityRank = rs.getShort(8);
        a.title = rs.getString(9);
        a.detail = rs.getString(10);
        try {
            a.evidence = json.readTree(rs.getString(11));
            a.causedBy = json.readValue(rs.getString(12), STRINGS);
            a.links = json.readValue(rs.getString(13), LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException("alert " + a.alertId + " holds JSON that does not parse", e);
        }
        a.detectedAt = instant(rs, 14);
        a.regulatoryDeadline = instant(rs, 15);
        a.deadlineBasis = rs.getString(16);
        a.status = rs.getString(17);
        a.firstSeenAt = instant(rs, 18);
        a.updatedAt = instant(rs, 19);
        a.acknowledgedBy = rs.getString(20);
        a.acknowledgedAt = instant(rs, 21);
        a.resolvedBy = rs.getString(22);
        a.resolvedAt = instant(rs, 23);
        a.resolutionReason = rs.getString(24);
        a.escalatedAt = instant(rs, 25);
        a.escalationReason = rs.getString(26);
        a.version = rs.getLong(27);
        a.escalatedFor = (String[]) rs.getArray(28).getArray();
        return a;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
