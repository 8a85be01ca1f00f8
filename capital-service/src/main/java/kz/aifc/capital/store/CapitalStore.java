package kz.aifc.capital.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.platform.store.Jdbc;
import kz.aifc.platform.time.BusinessCalendar;

/** Firms, their latest licence and their snapshot history in PostgreSQL (plain JDBC joining the JTA transaction). */
@ApplicationScoped
public class CapitalStore {

    private static final String DOING = "use the capital store";

    private final Jdbc jdbc;

    CapitalStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the firm's row if needed and locks it until the transaction ends. */
    public void lockFirm(String firmId) {
        // The no-op update on conflict takes the row lock in the same statement that creates the row.
        query("insert into firm (firm_id) values (?) on conflict (firm_id) do update set firm_id = excluded.firm_id "
                + "returning firm_id", rs -> rs.getString(1), firmId);
    }

    /** {@link #lockFirm} for a poll's firms in one statement, in firm order (two polls never wait on each other). */
    public void lockFirms(Collection<String> firmIds) {
        query("insert into firm (firm_id) select f from unnest(?::text[]) f order by f "
                + "on conflict (firm_id) do update set firm_id = excluded.firm_id returning firm_id",
                rs -> rs.getString(1), new ArrayList<>(new TreeSet<>(firmIds)));
    }

    public boolean firmExists(String firmId) {
        return !query("select 1 from firm where firm_id = ?", rs -> 1, firmId).isEmpty();
    }

    public List<String> firms() {
        return query("select firm_id from firm order by firm_id", rs -> rs.getString(1));
    }

    public void saveLicence(LicenceChanged licence, String eventKey) {
        update("""
                insert into licence_state (firm_id, firm_name, licence_number, status, effective_from, payload, event_key)
                values (?, ?, ?, ?, ?, ?::jsonb, ?)
                on conflict (firm_id) do update set firm_name = excluded.firm_name,
                  licence_number = excluded.licence_number, status = excluded.status,
                  effective_from = excluded.effective_from, payload = excluded.payload,
                  event_key = excluded.event_key, updated_at = now()""",
                licence.firmId(), licence.firmName(), licence.licenceNumber(), licence.status().name(),
                java.sql.Date.valueOf(licence.effectiveFrom()), CloudEventCodec.toJson(licence), eventKey);
    }

    public Optional<StoredLicence> licence(String firmId) {
        return query("select payload::text, updated_at from licence_state where firm_id = ?",
                rs -> new StoredLicence(CloudEventCodec.readPayload(rs.getString(1), LicenceChanged.class),
                        almaty(rs.getTimestamp(2))), firmId).stream().findFirst();
    }

    /** These firms' latest licences in one read, by firm. */
    public Map<String, StoredLicence> licences(Collection<String> firmIds) {
        Map<String, StoredLicence> out = new HashMap<>();
        for (StoredLicence l : query("select payload::text, updated_at from licence_state where firm_id = any(?)",
                rs -> new StoredLicence(CloudEventCodec.readPayload(rs.getString(1), LicenceChanged.class),
                        almaty(rs.getTimestamp(2))), new ArrayList<>(firmIds))) {
            out.put(l.licence().firmId(), l);
        }
        return out;
    }

    /** {@link #current} of these firms in one read, by firm (a firm without a snapshot is absent). */
    public Map<String, StoredSnapshot> current(Collection<String> firmIds) {
        Map<String, StoredSnapshot> out = new HashMap<>();
        // One index probe per firm (capital_snapshot_current), whatever the length of its history.
        for (StoredSnapshot s : query("select c.* from unnest(?::text[]) as f(firm_id) cross join lateral ("
                + SELECT_SNAPSHOT + " where capital_snapshot.firm_id = f.firm_id and not late "
                + "order by as_of desc, id desc limit 1) c", CapitalStore::snapshot, new ArrayList<>(firmIds))) {
            out.put(s.snapshot().firmId(), s);
        }
        return out;
    }

    /** A snapshot to store with the figures computed when it arrived. */
    public record NewSnapshot(CapitalSnapshot snapshot, String eventKey, BigDecimal resourcesUsd,
            BigDecimal requirementUsd, String requirementBasis, Boolean belowRequirement, boolean late) {
    }

    /** Stores a poll's snapshots in their order, in one round trip. */
    public void insertSnapshots(List<NewSnapshot> snapshots) {
        jdbc.batch(DOING, """
                insert into capital_snapshot (firm_id, event_key, as_of, currency, usd_rate, payload,
                  capital_resources_usd, requirement_usd, requirement_basis, below_requirement, late)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""", snapshots, (insert, n) -> Jdbc.bind(insert,
                n.snapshot().firmId(), n.eventKey(), Timestamp.from(n.snapshot().asOf().toInstant()),
                n.snapshot().currency().name(), n.snapshot().usdRate(), CloudEventCodec.toJson(n.snapshot()),
                n.resourcesUsd(), n.requirementUsd(), n.requirementBasis(), n.belowRequirement(), n.late()));
    }

    /** The snapshot behind the current position: the latest {@code asOf} among the non-late ones. */
    public Optional<StoredSnapshot> current(String firmId) {
        return query(SELECT_SNAPSHOT + " where firm_id = ? and not late order by as_of desc, id desc limit 1",
                CapitalStore::snapshot, firmId).stream().findFirst();
    }

    /** Every snapshot of the firm, oldest {@code asOf} first, late ones included. */
    public List<StoredSnapshot> history(String firmId, int limit) {
        List<StoredSnapshot> newest = query(SELECT_SNAPSHOT + " where firm_id = ? order by as_of desc, id desc limit ?",
                CapitalStore::snapshot, firmId, limit);
        List<StoredSnapshot> out = new ArrayList<>(newest);
        java.util.Collections.reverse(out);
        return out;
    }

    /** Snapshots with {@code asOf} in [from, to), oldest first. */
    public List<StoredSnapshot> between(String firmId, OffsetDateTime from, OffsetDateTime to) {
        return query(SELECT_SNAPSHOT + " where firm_id = ? and as_of >= ? and as_of < ? order by as_of, id",
                CapitalStore::snapshot, firmId, Timestamp.from(from.toInstant()), Timestamp.from(to.toInstant()));
    }

    /**
     * Alerts of the firm that concern [from, to): open at some moment of the period, or about a snapshot whose
     * {@code asOf} falls in it (a breach detected after the quarter ended still belongs to that quarter).
     */
    public List<AlertLine> alertsConcerning(String firmId, OffsetDateTime from, OffsetDateTime to) {
        Timestamp start = Timestamp.from(from.toInstant());
        Timestamp end = Timestamp.from(to.toInstant());
        return query("""
                select rule_id, alert_id, severity, status, raised_at, resolved_at, payload->>'detail'
                from alert_state where firm_id = ?
                  and ((raised_at < ? and (resolved_at is null or resolved_at >= ?))
                    or ((payload->'evidence'->>'asOf')::timestamptz >= ?
                        and (payload->'evidence'->>'asOf')::timestamptz < ?))
                order by raised_at, alert_id""",
                rs -> new AlertLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        almaty(rs.getTimestamp(5)), rs.getTimestamp(6) == null ? null : almaty(rs.getTimestamp(6)),
                        rs.getString(7)),
                firmId, end, start, start, end);
    }

    /** One alert as the quarterly return lists it. */
    public record AlertLine(String ruleId, String alertId, String severity, String status, OffsetDateTime raisedAt,
            OffsetDateTime resolvedAt, String detail) {
    }

    private static final String SELECT_SNAPSHOT = "select id, event_key, payload::text, capital_resources_usd, "
            + "requirement_usd, requirement_basis, below_requirement, late, received_at from capital_snapshot";

    private static StoredSnapshot snapshot(ResultSet rs) throws SQLException {
        return new StoredSnapshot(rs.getLong(1), rs.getString(2),
                CloudEventCodec.readPayload(rs.getString(3), CapitalSnapshot.class), rs.getBigDecimal(4),
                rs.getBigDecimal(5), rs.getString(6), (Boolean) rs.getObject(7), rs.getBoolean(8),
                almaty(rs.getTimestamp(9)));
    }

    private static OffsetDateTime almaty(Timestamp ts) {
        return ts.toInstant().atZone(BusinessCalendar.ALMATY).toOffsetDateTime();
    }

    /** One stored snapshot with the figures computed when it arrived. */
    public record StoredSnapshot(long id, String eventKey, CapitalSnapshot snapshot, BigDecimal resourcesUsd,
            BigDecimal requirementUsd, String requirementBasis, Boolean belowRequirement, boolean late,
            OffsetDateTime receivedAt) {
    }

    /** The latest licence event and when this service applied it. */
    public record StoredLicence(LicenceChanged licence, OffsetDateTime receivedAt) {
    }

    private void update(String sql, Object... params) {
        jdbc.update(DOING, sql, params);
    }

    private <T> List<T> query(String sql, Jdbc.Row<T> row, Object... params) {
        return jdbc.query(DOING, sql, row, params);
    }
}
