package kz.aifc.notification.webhooks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import kz.aifc.notification.alerts.AlertChanged;
import kz.aifc.notification.alerts.AlertView;
import kz.aifc.notification.alerts.AmlView;
import kz.aifc.notification.store.Times;

/**
 * Subscriptions and the persistent delivery queue ({@link WebhookSubscription}, {@link WebhookDelivery},
 * {@link WebhookAttempt}). A change is queued for every matching subscription in the transaction that made it, so a
 * receiver that is down loses nothing: the dispatcher retries from the table. Claiming due deliveries stays plain SQL
 * ({@code for update skip locked} with a lease, outside any transaction).
 */
@ApplicationScoped
public class WebhookQueue {

    private static final Logger LOG = Logger.getLogger(WebhookQueue.class);

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final SecretBox secrets;

    WebhookQueue(DataSource dataSource, ObjectMapper json, SecretBox secrets) {
        this.dataSource = dataSource;
        this.json = json;
        this.secrets = secrets;
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

    /** A delivery due to be sent, with what signing needs (the secret in clear, so never printed). */
    record Due(UUID id, String url, String secret, String body, int attempts) {
        @Override
        public String toString() {
            return "Due[id=" + id + ", attempts=" + attempts + "]";
        }
    }

    /** Stores a subscription unless its firm already holds {@code quota}; one firm's creations are serialised by a lock. */
    @Transactional
    public Subscription create(String url, String secret, String firmId, List<String> duties, List<String> severities,
            AmlView amlView, String createdBy, int quota) {
        WebhookSubscription.getEntityManager()
                .createNativeQuery("select cast(pg_advisory_xact_lock(hashtext(?1)) as text)")
                .setParameter(1, "webhook-quota:" + firmId).getSingleResult();
        if (WebhookSubscription.countOfFirm(firmId) >= quota) {
            throw new QuotaReached(quota);
        }
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.url = url;
        s.secret = secrets.seal(s.id, secret);
        s.secretSealed = true;
        s.firmId = firmId;
        s.duties = array(duties);
        s.severities = array(severities);
        s.amlView = amlView;
        s.createdBy = createdBy;
        s.createdAt = Instant.now();
        s.persist();
        return s.toSubscription();
    }

    /**
     * Encrypts the signing secrets still stored in clear (written before encryption at rest, or by a replica of the
     * previous version during a rolling upgrade); each row once, even with several replicas starting together.
     */
    @Transactional
    void sealPlaintextSecrets(@Observes StartupEvent started) {
        List<WebhookSubscription> plain = WebhookSubscription.<WebhookSubscription>find("secretSealed = false")
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (WebhookSubscription s : plain) {
            s.secret = secrets.seal(s.id, s.secret);
            s.secretSealed = true;
        }
        if (!plain.isEmpty()) {
            LOG.infof("encrypted the signing secrets of %d webhook subscriptions stored in clear", plain.size());
        }
    }

    /** Removes a subscription with its deliveries, pending ones included; answers false when there was none. */
    @Transactional
    public boolean delete(UUID id) {
        // The schema cascades to the subscription's deliveries and their attempts.
        return WebhookSubscription.delete("id", id) > 0;
    }

    public Optional<Subscription> find(UUID id) {
        return WebhookSubscription.<WebhookSubscription>findByIdOptional(id).map(WebhookSubscription::toSubscription);
    }

    /** Subscriptions a caller may see: a firm's own, or all of them for {@code firmId == null}. */
    public List<Subscription> list(String firmId) {
        return WebhookSubscription.visibleTo(firmId).stream().map(WebhookSubscription::toSubscription).toList();
    }

    /**
     * Queues the change for every active subscription whose filters match, in the transaction that made the change:
     * a synchronous observer runs inside {@code fire()}, so the deliveries commit or roll back with the change. Each
     * body shows the alert in the AML view of the subscription's creator.
     */
    void enqueue(@Observes AlertChanged change) {
        Instant now = Instant.now();
        Map<AmlView, AlertView> views = new EnumMap<>(AmlView.class);
        for (WebhookSubscription s : WebhookSubscription.matching(change.alert().firmId(), change.alert().duty(),
                change.alert().severity())) {
            WebhookDelivery d = new WebhookDelivery();
            d.id = UUID.randomUUID();
            d.subscriptionId = s.id;
            d.alertId = change.alert().alertId();
            d.change = change.change().name();
            d.body = body(new Notification(d.id.toString(), d.change, change.at(),
                    views.computeIfAbsent(s.amlView, v -> AlertView.of(change.alert(), v))));
            d.status = WebhookDelivery.PENDING;
            d.nextAttemptAt = now;
            d.createdAt = now;
            d.persist();
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
                returning d.id, s.url, s.secret, d.body, d.attempts, s.id, s.secret_sealed""";
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setLong(1, leaseSeconds);
            q.setInt(2, limit);
            List<Due> due = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    UUID subscription = rs.getObject(6, UUID.class);
                    String secret;
                    try {
                        secret = rs.getBoolean(7) ? secrets.open(subscription, rs.getString(3)) : rs.getString(3);
                    } catch (IllegalStateException e) {
                        // Never sent unsigned or with a wrong signature: it stays leased and is tried again later.
                        LOG.warn(e.getMessage());
                        continue;
                    }
                    due.add(new Due(rs.getObject(1, UUID.class), rs.getString(2), secret, rs.getString(4),
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
    @Transactional
    void recordAttempt(UUID deliveryId, int attempt, Integer statusCode, DeliveryOutcome outcome, long durationMs,
            Instant nextAttempt) {
        WebhookDelivery d = WebhookDelivery.findById(deliveryId);
        if (d == null) {
            return;
        }
        Instant now = Instant.now();
        if (WebhookAttempt.findByIdOptional(new WebhookAttempt.Key(deliveryId, attempt)).isEmpty()) {
            WebhookAttempt a = new WebhookAttempt();
            a.deliveryId = deliveryId;
            a.attempt = attempt;
            a.at = now;
            a.statusCode = statusCode;
            a.outcome = outcome;
            a.durationMs = durationMs;
            a.persist();
        }
        boolean delivered = outcome == DeliveryOutcome.DELIVERED;
        d.attempts = attempt;
        d.lastStatusCode = statusCode;
        d.lastOutcome = outcome;
        d.status = delivered ? WebhookDelivery.DELIVERED : nextAttempt == null ? WebhookDelivery.FAILED
                : WebhookDelivery.PENDING;
        d.deliveredAt = delivered ? now : null;
        if (nextAttempt != null) {
            d.nextAttemptAt = nextAttempt;
        }
    }

    /** The delivery log of one subscription, newest first. */
    public List<Delivery> deliveries(UUID subscriptionId, int limit) {
        List<WebhookDelivery> found = WebhookDelivery.<WebhookDelivery>find("subscriptionId",
                Sort.descending("createdAt").and("id"), subscriptionId).page(0, limit).list();
        if (found.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Attempt>> log = WebhookAttempt.<WebhookAttempt>list("deliveryId in ?1",
                Sort.by("deliveryId").and("attempt"), found.stream().map(d -> d.id).toList()).stream()
                .collect(Collectors.groupingBy(a -> a.deliveryId, Collectors.mapping(a -> new Attempt(a.attempt,
                        Times.almaty(a.at), a.statusCode, a.outcome, a.durationMs), Collectors.toList())));
        return found.stream().map(d -> new Delivery(d.id, d.subscriptionId, d.alertId, d.change, d.status, d.attempts,
                Times.almaty(d.createdAt), WebhookDelivery.PENDING.equals(d.status) ? Times.almaty(d.nextAttemptAt) : null,
                Times.almaty(d.deliveredAt), d.lastStatusCode, d.lastOutcome, log.getOrDefault(d.id, List.of())))
                .toList();
    }

    private String body(Notification notification) {
        try {
            return json.writeValueAsString(notification);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook body: " + e.getMessage(), e);
        }
    }

    private static String[] array(List<String> values) {
        return values == null || values.isEmpty() ? null : values.toArray(String[]::new);
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
    }
}
