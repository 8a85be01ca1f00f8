package kz.aifc.notification.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import kz.aifc.notification.escalation.EscalationPolicy;
import kz.aifc.platform.store.Jdbc;
import kz.aifc.platform.store.RoundTrip;

/**
 * The desk's alerts ({@link Alert}) and their escalations (table {@code alert_escalation}); callers own the
 * transaction. A poll from the source services changes its alerts as one {@link AlertBatch} in plain SQL, and the
 * escalation clock finds and records its escalations in SQL too; searches and a person's changes go through the
 * Hibernate session.
 */
@ApplicationScoped
public class AlertStore {

    private final Jdbc jdbc;

    AlertStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Filters of {@code GET /alerts} and its CSV export; empty lists mean any, a null bound no bound. Detection time
     * ({@code detectedAt}) falls in [{@code detectedFrom}, {@code detectedBefore}).
     */
    public record Query(List<String> firmIds, List<String> duties, List<String> statuses, List<String> severities,
            List<String> ruleIds, Instant detectedFrom, Instant detectedBefore, int page, int size) {

        /** The same filters, another page. */
        public Query page(int page, int size) {
            return new Query(firmIds, duties, statuses, severities, ruleIds, detectedFrom, detectedBefore, page, size);
        }
    }

    public record Page(List<StoredAlert> items, long total) {
    }

    /** The alert as it is now; {@code forUpdate} locks its row until the transaction ends. */
    public Optional<StoredAlert> find(String alertId, boolean forUpdate) {
        Optional<Alert> alert = forUpdate ? Alert.findByIdOptional(alertId, LockModeType.PESSIMISTIC_WRITE)
                : Alert.findByIdOptional(alertId);
        return alert.map(Alert::toStored);
    }

    /**
     * The alerts of these ids that exist, read and locked until the transaction ends in one statement (in id order, so
     * two writers locking overlapping sets cannot deadlock), to be changed in memory and {@link #write written} back:
     * the statement goes with {@code with}, and the batch holds the alerts once that is {@link #send sent}.
     */
    public AlertBatch lockAll(Collection<String> alertIds, RoundTrip with) {
        return AlertBatch.lockAll(alertIds, with);
    }

    /** Adds to {@code with} the write of a batch's changed alerts (and the escalations of reopened ones forgotten). */
    public void write(AlertBatch batch, RoundTrip with) {
        batch.write(with);
    }

    /** Sends the statements gathered in {@code trip} in the caller's transaction, as one message. */
    public void send(RoundTrip trip, String doing) {
        trip.send(jdbc, doing);
    }

    /** Writes the session's pending changes now (the webhook deliveries a poll's changes queued). */
    public void flush() {
        Alert.flush();
    }

    /** One page in a stable order: newest detection first, then by alertId. */
    public Page list(Query query) {
        var found = matching(query);
        long total = found.count();
        List<StoredAlert> items = found.page(query.page(), query.size()).list().stream().map(Alert::toStored).toList();
        return new Page(items, total);
    }

    /** How many alerts match, whatever the page. */
    public long count(Query query) {
        return matching(query).count();
    }

    private static PanacheQuery<Alert> matching(Query query) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        anyOf(where, params, "firmId", query.firmIds());
        anyOf(where, params, "duty", query.duties());
        anyOf(where, params, "status", query.statuses());
        anyOf(where, params, "severity", query.severities());
        anyOf(where, params, "ruleId", query.ruleIds());
        if (query.detectedFrom() != null) {
            where.add("detectedAt >= :detectedFrom");
            params.and("detectedFrom", query.detectedFrom());
        }
        if (query.detectedBefore() != null) {
            where.add("detectedAt < :detectedBefore");
            params.and("detectedBefore", query.detectedBefore());
        }
        return Alert.find(where.isEmpty() ? "" : String.join(" and ", where),
                Sort.descending("detectedAt").and("alertId"), params);
    }

    public void acknowledge(String alertId, String by, Instant at) {
        Alert alert = Alert.findById(alertId);
        alert.status = StoredAlert.ACKNOWLEDGED;
        alert.acknowledgedBy = by;
        alert.acknowledgedAt = at;
        alert.changed(Times.now());
    }

    public void resolve(String alertId, String by, Instant at, String reason) {
        Alert.<Alert>findById(alertId).resolve(by, at, reason);
    }

    /**
     * Records the escalation of each of these alerts for {@code reason}, in one statement: answers the alerts escalated
     * for it now, leaving out those escalated for it before (by another clock meanwhile, say).
     */
    public Set<String> recordEscalations(List<String> alertIds, String reason, String detail, Instant at) {
        if (alertIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.query("record escalations", """
                insert into alert_escalation (alert_id, reason, escalated_at, detail)
                select id, ?, ?::timestamptz, ? from unnest(?::text[]) as t(id)
                on conflict (alert_id, reason) do nothing
                returning alert_id""", rs -> rs.getString(1), reason, at, detail, alertIds));
    }

    /**
     * ESC-001's scan: OPEN CRITICAL alerts first seen at or before a time, oldest first. Its {@code where} is the
     * predicate of the partial index {@code alert_clock_unacknowledged} (V9) word for word, so PostgreSQL answers it
     * from the alerts still due alone. An alert's {@code escalated_for} is written in the transaction that records
     * its escalation, so it says what {@code alert_escalation} holds; a clock racing this one is stopped by
     * {@link #recordEscalations}.
     */
    static final String UNACKNOWLEDGED_SINCE = """
            select a.alert_id from alert a
            where a.status = 'OPEN' and a.severity = 'CRITICAL' and not a.escalated_for @> '{CRITICAL_UNACKNOWLEDGED}'
              and a.first_seen_at <= ?
            order by a.first_seen_at
            limit ?""";

    /**
     * ESC-002's and ESC-003's scan: unresolved alerts whose deadline falls in [from, to), earliest first, from the
     * partial index of the reason ({@code alert_clock_deadline_near} or {@code _passed}, V9), whose predicate the
     * {@code where} repeats; {@code %s} is the reason, one of the two constants.
     */
    static final String DEADLINE_BETWEEN = """
            select a.alert_id from alert a
            where a.status <> 'RESOLVED' and a.regulatory_deadline is not null and not a.escalated_for @> '{%s}'
              and a.regulatory_deadline >= ? and a.regulatory_deadline < ?
            order by a.regulatory_deadline
            limit ?""";

    /**
     * Unacknowledged CRITICAL alerts first seen at or before {@code seenBefore}, not yet escalated for that
     * ({@link EscalationPolicy#CRITICAL_UNACKNOWLEDGED}).
     */
    public List<String> criticalUnacknowledgedSince(Instant seenBefore, int limit) {
        return jdbc.query("find unacknowledged critical alerts", UNACKNOWLEDGED_SINCE, rs -> rs.getString(1),
                seenBefore, limit);
    }

    /**
     * Unresolved alerts whose deadline falls in [from, to), not yet escalated for {@code reason}:
     * {@link EscalationPolicy#DEADLINE_NEAR} or {@link EscalationPolicy#DEADLINE_PASSED}.
     */
    public List<String> deadlineBetween(Instant from, Instant to, String reason, int limit) {
        if (!EscalationPolicy.DEADLINE_NEAR.equals(reason) && !EscalationPolicy.DEADLINE_PASSED.equals(reason)) {
            throw new IllegalArgumentException("not an escalation for a deadline: " + reason);
        }
        return jdbc.query("find alerts by deadline", DEADLINE_BETWEEN.formatted(reason), rs -> rs.getString(1),
                from, to, limit);
    }

    private static void anyOf(List<String> where, Parameters params, String field, List<String> values) {
        if (values != null && !values.isEmpty()) {
            where.add(field + " in :" + field);
            params.and(field, values);
        }
    }
}
