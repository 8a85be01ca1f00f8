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
import kz.aifc.platform.store.Jdbc;
import kz.aifc.platform.store.RoundTrip;

/**
 * The desk's alerts and their escalations ({@link Alert}, {@link AlertEscalation}); callers own the transaction. A
 * poll from the source services changes its alerts as one {@link AlertBatch} in plain SQL; searches and a person's
 * changes go through the Hibernate session.
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
        alert.changed(Instant.now());
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

    /** Unacknowledged CRITICAL alerts first seen at or before {@code seenBefore}, not yet escalated for that. */
    public List<String> criticalUnacknowledgedSince(Instant seenBefore, String reason, int limit) {
        return ids("a.status = 'OPEN' and a.severity = 'CRITICAL' and a.firstSeenAt <= :before", "a.firstSeenAt",
                Parameters.with("before", seenBefore).and("reason", reason), limit);
    }

    /** Unresolved alerts whose deadline falls in [from, to), not yet escalated for {@code reason}. */
    public List<String> deadlineBetween(Instant from, Instant to, String reason, int limit) {
        return ids("a.status <> 'RESOLVED' and a.regulatoryDeadline >= :from and a.regulatoryDeadline < :to",
                "a.regulatoryDeadline", Parameters.with("from", from).and("to", to).and("reason", reason), limit);
    }

    /** Ids of alerts that match and were not yet escalated for {@code :reason}, in order, at most {@code limit}. */
    private static List<String> ids(String where, String orderBy, Parameters params, int limit) {
        String query = "from Alert a where " + where + " and not exists (from AlertEscalation e"
                + " where e.alertId = a.alertId and e.reason = :reason) order by " + orderBy;
        return Alert.<Alert>find(query, params).page(0, limit).list().stream().map(a -> a.alertId).toList();
    }

    private static void anyOf(List<String> where, Parameters params, String field, List<String> values) {
        if (values != null && !values.isEmpty()) {
            where.add(field + " in :" + field);
            params.and(field, values);
        }
    }
}
