package kz.aifc.notification.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.Severity;

/** JDBC access to the {@code alert} and {@code alert_escalation} tables; callers own the transaction. */
@ApplicationScoped
public class AlertStore {

    /** Times are shown on the regulatory calendar's offset. */
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;

    AlertStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Filters of {@code GET /alerts}; empty lists mean any. */
    public record Query(List<String> firmIds, List<String> duties, List<String> statuses, List<String> severities,
            int page, int size) {
    }

    public record Page(List<StoredAlert> items, long total) {
    }

    public Optional<StoredAlert> find(String alertId, boolean forUpdate) {
        String sql = "select * from alert where alert_id = ?" + (forUpdate ? " for update" : "");
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, alertId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read alert " + alertId, e);
        }
    }

    public Page list(Query query) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        anyOf(where, args, "firm_id", query.firmIds());
        anyOf(where, args, "duty", query.duties());
        anyOf(where, args, "status", query.statuses());
        anyOf(where, args, "severity", query.severities());
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement q = c.prepareStatement("select count(*) from alert" + where)) {
                bind(q, args);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<StoredAlert> items = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("select * from alert" + where
                    + " order by detected_at desc, alert_id limit ? offset ?")) {
                int i = bind(q, args);
                q.setInt(i++, query.size());
                q.setLong(i, (long) query.page() * query.size());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        items.add(read(rs));
                    }
                }
            }
            return new Page(items, total);
        } catch (SQLException e) {
            throw failure("list alerts", e);
        }
    }

    /** Inserts a first-seen alert as OPEN. */
    public void insert(AlertRaised a, Instant now) {
        String sql = """
                insert into alert (alert_id, firm_id, duty, rule_id, rulebook_version, citation, severity, severity_rank,
                  title, detail, evidence, caused_by, links, detected_at, regulatory_deadline, deadline_basis, status,
                  first_seen_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, 'OPEN', ?, ?, 1)""";
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            int i = bindContent(q, a, 1);
            q.setTimestamp(i++, Timestamp.from(now));
            q.setTimestamp(i, Timestamp.from(now));
            q.executeUpdate();
        } catch (SQLException e) {
            throw failure("store alert " + a.alertId(), e);
        }
    }

    /** Refreshes the contract fields; {@code reopen} puts a resolved alert back to OPEN and forgets its lifecycle. */
    public void refresh(AlertRaised a, Instant now, boolean reopen) {
        String lifecycle = reopen ? """
                , status = 'OPEN', acknowledged_by = null, acknowledged_at = null, resolved_by = null, resolved_at = null,
                  resolution_reason = null, escalated_at = null, escalation_reason = null, first_seen_at = ?""" : "";
        String sql = """
                update alert set alert_id = ?, firm_id = ?, duty = ?, rule_id = ?, rulebook_version = ?, citation = ?,
                  severity = ?, severity_rank = ?, title = ?, detail = ?, evidence = ?::jsonb, caused_by = ?::jsonb,
                  links = ?::jsonb, detected_at = ?, regulatory_deadline = ?, deadline_basis = ?, updated_at = ?,
                  version = version + 1""" + lifecycle + " where alert_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            int i = bindContent(q, a, 1);
            q.setTimestamp(i++, Timestamp.from(now));
            if (reopen) {
                q.setTimestamp(i++, Timestamp.from(now));
            }
            q.setString(i, a.alertId());
            q.executeUpdate();
            if (reopen) {
                try (PreparedStatement d = c.prepareStatement("delete from alert_escalation where alert_id = ?")) {
                    d.setString(1, a.alertId());
                    d.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw failure("refresh alert " + a.alertId(), e);
        }
    }

    public void acknowledge(String alertId, String by, Instant at) {
        update(alertId, "status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = ?", by, at);
    }

    public void resolve(String alertId, String by, Instant at, String reason) {
        String sql = "update alert set status = 'RESOLVED', resolved_by = ?, resolved_at = ?, resolution_reason = ?,"
                + " updated_at = now(), version = version + 1 where alert_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, by);
            q.setTimestamp(2, Timestamp.from(at));
            q.setString(3, reason);
            q.setString(4, alertId);
            q.executeUpdate();
        } catch (SQLException e) {
            throw failure("resolve alert " + alertId, e);
        }
    }

    /** Records one escalation; answers false when this alert was already escalated for this reason. */
    public boolean escalate(String alertId, String reason, String detail, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement q = c.prepareStatement("""
                    insert into alert_escalation (alert_id, reason, escalated_at, detail) values (?, ?, ?, ?)
                    on conflict do nothing""")) {
                q.setString(1, alertId);
                q.setString(2, reason);
                q.setTimestamp(3, Timestamp.from(at));
                q.setString(4, detail);
                if (q.executeUpdate() == 0) {
                    return false;
                }
            }
            update(alertId, "escalated_at = ?, escalation_reason = ?", Timestamp.from(at), reason);
            return true;
        } catch (SQLException e) {
            throw failure("escalate alert " + alertId, e);
        }
    }

    /** Unacknowledged CRITICAL alerts first seen at or before {@code seenBefore}, not yet escalated for that. */
    public List<String> criticalUnacknowledgedSince(Instant seenBefore, String reason, int limit) {
        return ids("""
                select a.alert_id from alert a where a.status = 'OPEN' and a.severity = 'CRITICAL' and a.first_seen_at <= ?
                and not exists (select 1 from alert_escalation e where e.alert_id = a.alert_id and e.reason = ?)
                order by a.first_seen_at limit ?""", Timestamp.from(seenBefore), reason, limit);
    }

    /** Unresolved alerts whose deadline falls in [from, to), not yet escalated for {@code reason}. */
    public List<String> deadlineBetween(Instant from, Instant to, String reason, int limit) {
        return ids("""
                select a.alert_id from alert a where a.status <> 'RESOLVED' and a.regulatory_deadline is not null
                and a.regulatory_deadline >= ? and a.regulatory_deadline < ?
                and not exists (select 1 from alert_escalation e where e.alert_id = a.alert_id and e.reason = ?)
                order by a.regulatory_deadline limit ?""", Timestamp.from(from), Timestamp.from(to), reason, limit);
    }

    private List<String> ids(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("find alerts to escalate", e);
        }
    }

    private void update(String alertId, String set, Object... args) {
        String sql = "update alert set " + set + ", updated_at = now(), version = version + 1 where alert_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            int i = 1;
            for (Object arg : args) {
                q.setObject(i++, arg instanceof Instant t ? Timestamp.from(t) : arg);
            }
            q.setString(i, alertId);
            q.executeUpdate();
        } catch (SQLException e) {
            throw failure("update alert " + alertId, e);
        }
    }

    private static int bindContent(PreparedStatement q, AlertRaised a, int start) throws SQLException {
        int i = start;
        q.setString(i++, a.alertId());
        q.setString(i++, a.firmId());
        q.setString(i++, a.duty().name());
        q.setString(i++, a.ruleId());
        q.setString(i++, a.rulebookVersion());
        q.setString(i++, a.citation());
        q.setString(i++, a.severity().name());
        q.setInt(i++, a.severity().ordinal());
        q.setString(i++, a.title());
        q.setString(i++, a.detail());
        q.setString(i++, CloudEventCodec.toJson(a.evidence()));
        q.setString(i++, CloudEventCodec.toJson(a.causedBy()));
        q.setString(i++, CloudEventCodec.toJson(a.links()));
        q.setTimestamp(i++, Timestamp.from(a.detectedAt().toInstant()));
        q.setTimestamp(i++, a.regulatoryDeadline() == null ? null : Timestamp.from(a.regulatoryDeadline().toInstant()));
        q.setString(i++, a.deadlineBasis());
        return i;
    }

    private static void anyOf(StringBuilder where, List<Object> args, String column, List<String> values) {
        if (values != null && !values.isEmpty()) {
            where.append(" and ").append(column).append(" = any(?)");
            args.add(values.toArray(String[]::new));
        }
    }

    private static int bind(PreparedStatement q, List<Object> args) throws SQLException {
        int i = 1;
        for (Object arg : args) {
            q.setArray(i++, q.getConnection().createArrayOf("text", (String[]) arg));
        }
        return i;
    }

    static StoredAlert read(ResultSet rs) throws SQLException {
        try {
            return new StoredAlert(rs.getString("alert_id"), rs.getString("firm_id"), rs.getString("duty"),
                    rs.getString("rule_id"), rs.getString("rulebook_version"), rs.getString("citation"),
                    rs.getString("severity"), rs.getString("title"), rs.getString("detail"),
                    JSON.readTree(rs.getString("evidence")),
                    JSON.readValue(rs.getString("caused_by"), new TypeReference<List<String>>() { }),
                    JSON.readValue(rs.getString("links"), new TypeReference<Map<String, String>>() { }),
                    time(rs, "detected_at"), time(rs, "regulatory_deadline"), rs.getString("deadline_basis"),
                    rs.getString("status"), time(rs, "first_seen_at"), time(rs, "updated_at"),
                    rs.getString("acknowledged_by"), time(rs, "acknowledged_at"), rs.getString("resolved_by"),
                    time(rs, "resolved_at"), rs.getString("resolution_reason"), time(rs, "escalated_at"),
                    rs.getString("escalation_reason"), rs.getLong("version"));
        } catch (JsonProcessingException e) {
            throw new SQLException("stored alert JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant().atZone(ALMATY).toOffsetDateTime();
    }

    /** Severity names in urgency order, for validating filters. */
    public static List<String> severities() {
        return java.util.Arrays.stream(Severity.values()).map(Enum::name).toList();
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
    }
}
