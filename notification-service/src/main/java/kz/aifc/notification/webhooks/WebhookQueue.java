package kz.aifc.notification.webhooks;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aifc.notification.alerts.AlertChanged;
import kz.aifc.notification.alerts.AlertView;
import kz.aifc.notification.alerts.AmlView;
import kz.aifc.contract.CloudEvent;

/**
 * Subscriptions and the persistent delivery queue. A change is queued for every matching subscription in the
 * transaction that made it, so a receiver that is down loses nothing: the dispatcher retries from the table.
 */
@ApplicationScoped
public class WebhookQueue {

    private final DataSource dataSource;
    private final ObjectMapper json;

    WebhookQueue(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** A delivery as the log shows it. */
    public record Delivery(UUID id, UUID subscriptionId, String alertId, String change,
            @Schema(enumeration = { "PENDING", "DELIVERED", "FAILED" }) String status, int attempts,
            OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt, Integer lastStatusCode,
            @Schema(description = "Outcome of the latest attempt") DeliveryOutcome lastOutcome, List<Attempt> log) {
    }

    /** One HTTP attempt: its coarse outcome and the receiver's status code when it answered. */
    public record Attempt(int attempt, OffsetDateTime at, Integer statusCode, DeliveryOutcome outcome, long durationMs) {
    }

    /** A firm (or the every-firm subscriptions, {@code firmId == null}) already holds its quota of subscriptions. */
    public static final class QuotaReached extends RuntimeException {
        QuotaReached(int quota) {
            super(Integer.toString(quota), null, false, false);
        }
    }

    /** A delivery due to be sent, with what signing needs. */
    record Due(UUID id, String url, String secret, String body, int attempts) {
    }

    /** Stores a subscription unless its firm already holds {@code quota}; firms are serialised by a lock. */
    @Transactional
    public Subscription create(String url, String secret, String firmId, List<String> duties, List<String> severities,
            AmlView amlView, String createdBy, int quota) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext('webhook-quota:' || ?))");
                    PreparedStatement count = c.prepareStatement(
                            "select count(*) from webhook_subscription where firm_id is not distinct from ?")) {
                lock.setString(1, String.valueOf(firmId));
                lock.execute();
                count.setString(1, firmId);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= quota) {
                        throw new QuotaReached(quota);
                    }
                }
            }
            insert(c, id, url, secret, firmId, duties, severities, amlView, createdBy, now);
        } catch (SQLException e) {
            throw failure("create subscription", e);
        }
        return find(id).orElseThrow();
    }

    /** Removes a subscription with its deliveries, pending ones included; answers false when there was none. */
    @Transactional
    public boolean delete(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("delete from webhook_subscription where id = ?")) {
            q.setObject(1, id);
            return q.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure("delete subscription", e);
        }
    }

    private static void insert(Connection c, UUID id, String url, String secret, String firmId, List<String> duties,
            List<String> severities, AmlView amlView, String createdBy, Instant now) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("""
                insert into webhook_subscription (id, url, secret, firm_id, duties, severities, aml_view, created_by,
                  created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            q.setObject(1, id);
            q.setString(2, url);
            q.setString(3, secret);
            q.setString(4, firmId);
            setArray(q, 5, array(c, duties));
            setArray(q, 6, array(c, severities));
            q.setString(7, amlView.name());
            q.setString(8, createdBy);
            q.setTimestamp(9, Timestamp.from(now));
            q.executeUpdate();
        }
    }

    public Optional<Subscription> find(UUID id) {
        List<Subscription> found = subscriptions("where id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Subscriptions a caller may see: a firm's own, or all of them for {@code firmId == null}. */
    public List<Subscription> list(String firmId) {
        return firmId == null ? subscriptions("order by created_at") : subscriptions("where firm_id = ? order by created_at", firmId);
    }

    /**
     * Queues the change for every active subscription whose filters match, in the transaction that made the change:
     * a synchronous observer runs inside {@code fire()}, so the deliveries commit or roll back with the change.
     */
    void enqueue(@Observes AlertChanged change) {
        String sql = """
                select id, aml_view from webhook_subscription where active
                and (firm_id is null or firm_id = ?) and (duties is null or ? = any(duties))
                and (severities is null or ? = any(severities))""";
        try (Connection c = dataSource.getConnection()) {
            List<UUID> ids = new ArrayList<>();
            List<AmlView> views = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(sql)) {
                q.setString(1, change.alert().firmId());
                q.setString(2, change.alert().duty());
                q.setString(3, change.alert().severity());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                        views.add(AmlView.valueOf(rs.getString(2)));
                    }
                }
            }
            if (ids.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into webhook_delivery (id, subscription_id, alert_id, change, body, status, next_attempt_at,
                      created_at) values (?, ?, ?, ?, ?, 'PENDING', ?, ?)""")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < ids.size(); i++) {
                    UUID deliveryId = UUID.randomUUID();
                    Notification body = new Notification(deliveryId.toString(), change.change().name(), change.at(),
                            AlertView.of(change.alert(), views.get(i)));
                    insert.setObject(1, deliveryId);
                    insert.setObject(2, ids.get(i));
                    insert.setString(3, change.alert().alertId());
                    insert.setString(4, change.change().name());
                    insert.setString(5, json.writeValueAsString(body));
                    insert.setTimestamp(6, now);
                    insert.setTimestamp(7, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw failure("queue webhook deliveries", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook body: " + e.getMessage(), e);
        }
    }

    /**
     * Claims up to {@code limit} due deliveries by pushing their next attempt a lease into the future, so no
     * other dispatcher (or instance) sends them while this one does; the HTTP calls happen outside any transaction.
     */
    List<Due> claimDue(int limit, long leaseSeconds) {
        String sql = """
                update webhook_delivery d set next_attempt_at = now() + make_interval(secs => ?)
                from webhook_subscription s
                where d.id in (select id from webhook_delivery where status = 'PENDING' and next_attempt_at <= now()
                               order by next_attempt_at limit ? for update skip locked)
                  and s.id = d.subscription_id
                returning d.id, s.url, s.secret, d.body, d.attempts""";
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setLong(1, leaseSeconds);
            q.setInt(2, limit);
            List<Due> due = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5)));
                }
            }
            return due;
        } catch (SQLException e) {
            throw failure("claim webhook deliveries", e);
        }
    }

    /**
     * Records an attempt; {@code nextAttempt == null} without delivery means the delivery gave up. A delivery whose
     * subscription was deleted meanwhile is gone, and so is its attempt.
     */
    void recordAttempt(UUID deliveryId, int attempt, Integer statusCode, DeliveryOutcome outcome, long durationMs,
            Instant nextAttempt) {
        boolean delivered = outcome == DeliveryOutcome.DELIVERED;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement q = c.prepareStatement("""
                    insert into webhook_attempt (delivery_id, attempt, at, status_code, outcome, duration_ms)
                    select ?, ?, now(), ?, ?, ? where exists (select 1 from webhook_delivery where id = ?)
                    on conflict do nothing""")) {
                q.setObject(1, deliveryId);
                q.setInt(2, attempt);
                q.setObject(3, statusCode);
                q.setString(4, outcome.name());
                q.setLong(5, durationMs);
                q.setObject(6, deliveryId);
                q.executeUpdate();
            }
            try (PreparedStatement q = c.prepareStatement("""
                    update webhook_delivery set attempts = ?, last_status_code = ?, last_outcome = ?,
                      status = ?, delivered_at = case when ? then now() else null end,
                      next_attempt_at = coalesce(?, next_attempt_at) where id = ?""")) {
                q.setInt(1, attempt);
                q.setObject(2, statusCode);
                q.setString(3, outcome.name());
                q.setString(4, delivered ? "DELIVERED" : nextAttempt == null ? "FAILED" : "PENDING");
                q.setBoolean(5, delivered);
                q.setTimestamp(6, nextAttempt == null ? null : Timestamp.from(nextAttempt));
                q.setObject(7, deliveryId);
                q.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure("record a webhook attempt", e);
        }
    }

    /** The delivery log of one subscription, newest first. */
    public List<Delivery> deliveries(UUID subscriptionId, int limit) {
        List<Delivery> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("""
                select * from webhook_delivery where subscription_id = ? order by created_at desc, id limit ?""")) {
            q.setObject(1, subscriptionId);
            q.setInt(2, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject("id", UUID.class);
                    out.add(new Delivery(id, subscriptionId, rs.getString("alert_id"), rs.getString("change"),
                            rs.getString("status"), rs.getInt("attempts"), time(rs, "created_at"),
                            "PENDING".equals(rs.getString("status")) ? time(rs, "next_attempt_at") : null,
                            time(rs, "delivered_at"), (Integer) rs.getObject("last_status_code"),
                            outcome(rs.getString("last_outcome")), attempts(c, id)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the delivery log", e);
        }
    }

    private List<Attempt> attempts(Connection c, UUID deliveryId) throws SQLException {
        List<Attempt> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "select attempt, at, status_code, outcome, duration_ms from webhook_attempt where delivery_id = ? order by attempt")) {
            q.setObject(1, deliveryId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new Attempt(rs.getInt(1), time(rs, "at"), (Integer) rs.getObject(3), outcome(rs.getString(4)),
                            rs.getLong(5)));
                }
            }
        }
        return out;
    }

    private List<Subscription> subscriptions(String where, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select * from webhook_subscription " + where)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            List<Subscription> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new Subscription(rs.getObject("id", UUID.class), rs.getString("url"), rs.getString("firm_id"),
                            list(rs.getArray("duties")), list(rs.getArray("severities")),
                            AmlView.valueOf(rs.getString("aml_view")), rs.getString("created_by"), time(rs, "created_at"),
                            rs.getBoolean("active")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read subscriptions", e);
        }
    }

    private static DeliveryOutcome outcome(String name) {
        return name == null ? null : DeliveryOutcome.valueOf(name);
    }

    private static Array array(Connection c, List<String> values) throws SQLException {
        return values == null || values.isEmpty() ? null : c.createArrayOf("text", values.toArray(String[]::new));
    }

    private static void setArray(PreparedStatement q, int index, Array array) throws SQLException {
        if (array == null) {
            q.setNull(index, java.sql.Types.ARRAY);
        } else {
            q.setArray(index, array);
        }
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant().atZone(CloudEvent.ALMATY).toOffsetDateTime();
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
    }
}
