package kz.aifc.notification.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import kz.aifc.contract.v1.AlertRaised;

/** The desk's alerts and their escalations ({@link Alert}, {@link AlertEscalation}); callers own the transaction. */
@ApplicationScoped
public class AlertStore {

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
     * two writers locking overlapping sets cannot deadlock). Later {@link #find}s of them read the session, not the table.
     */
    public Map<String, StoredAlert> lockAll(Collection<String> alertIds) {
        Map<String, StoredAlert> found = new HashMap<>();
        if (!alertIds.isEmpty()) {
            ByIds.list(Alert.class, "select * from alert where alert_id = any(?1) order by alert_id for no key update",
                    alertIds, false).forEach(a -> found.put(a.alertId, a.toStored()));
        }
        return found;
    }

    /** Writes the session's pending changes now (the batched inserts and updates of a poll's alerts). */
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

    /** Inserts a first-seen alert as OPEN. */
    public void insert(AlertRaised a, Instant now) {
        Alert alert = new Alert();
        alert.apply(a);
        alert.status = StoredAlert.OPEN;
        alert.firstSeenAt = now;
        alert.updatedAt = now;
        alert.version = 1;
        alert.persist();
    }

    /** Refreshes the contract fields; {@code reopen} puts a resolved alert back to OPEN and forgets its lifecycle. */
    public void refresh(AlertRaised a, Instant now, boolean reopen) {
        Alert alert = Alert.findById(a.alertId());
        alert.apply(a);
        alert.changed(now);
        if (reopen) {
            alert.status = StoredAlert.OPEN;
            alert.acknowledgedBy = null;
            alert.acknowledgedAt = null;
            alert.resolvedBy = null;
            alert.resolvedAt = null;
            alert.resolutionReason = null;
            alert.escalatedAt = null;
            alert.escalationReason = null;
            alert.firstSeenAt = now;
            AlertEscalation.delete("alertId", a.alertId());
        }
    }

    public void acknowledge(String alertId, String by, Instant at) {
        Alert alert = Alert.findById(alertId);
        alert.status = StoredAlert.ACKNOWLEDGED;
        alert.acknowledgedBy = by;
        alert.acknowledgedAt = at;
        alert.changed(Instant.now());
    }

    public void resolve(String alertId, String by, Instant at, String reason) {
        Alert alert = Alert.findById(alertId);
        alert.status = StoredAlert.RESOLVED;
        alert.resolvedBy = by;
        alert.resolvedAt = at;
        alert.resolutionReason = reason;
        alert.changed(Instant.now());
    }

    /** Records one escalation; answers false when this alert was already escalated for this reason. */
    public boolean escalate(String alertId, String reason, String detail, Instant at) {
        if (AlertEscalation.findByIdOptional(new AlertEscalation.Key(alertId, reason)).isPresent()) {
            return false;
        }
        AlertEscalation escalation = new AlertEscalation();
        escalation.alertId = alertId;
        escalation.reason = reason;
        escalation.escalatedAt = at;
        escalation.detail = detail;
        escalation.persist();
        Alert alert = Alert.findById(alertId);
        alert.escalatedAt = at;
        alert.escalationReason = reason;
        alert.changed(Instant.now());
        return true;
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
