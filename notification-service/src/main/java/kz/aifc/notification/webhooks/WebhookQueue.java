package kz.aifc.notification.webhooks;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
import kz.aifc.notification.alerts.AlertChanges;
import kz.aifc.notification.alerts.AlertView;
import kz.aifc.notification.alerts.AmlView;
import kz.aifc.notification.store.Times;
import kz.aifc.platform.audit.AuditTrail;
import kz.aifc.platform.store.Jdbc;

/**
 * Subscriptions and the persistent delivery queue ({@link WebhookSubscription}, {@link WebhookDelivery},
 * {@link WebhookAttempt}). A change is queued for every matching subscription in the transaction that made it, so a
 * receiver that is down loses nothing: the dispatcher retries from the table. Claiming due deliveries stays plain SQL
 * ({@code for update skip locked} with a lease, outside any transaction).
 */
@ApplicationScoped
public class WebhookQueue {

    private static final Logger LOG = Logger.getLogger(WebhookQueue.class);

    private final Jdbc jdbc;
    private final ObjectMapper json;
    private final SecretBox secrets;
    private final AuditTrail audit;

    WebhookQueue(Jdbc jdbc, ObjectMapper json, SecretBox secrets, AuditTrail audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.secrets = secrets;
        this.audit = audit;
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
    record Due(UUID id, UUID subscriptionId, Instant createdAt, String url, String secret, String body, int attempts) {
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

    /**
     * Pauses ({@code paused}) or resumes a subscription; answers it as it is now, or empty when there was none. A paused
     * subscription keeps receiving deliveries in its queue; none is sent until it is resumed, then all go in order.
     */
    @Transactional
    public Optional<Subscription> pause(UUID id, boolean paused, String by) {
        WebhookSubscription s = WebhookSubscription.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            return Optional.empty();
        }
        if (paused != (s.pausedAt != null)) {
            s.pausedAt = paused ? Instant.now() : null;
            s.pausedBy = paused ? by : null;
            audit.append(by, paused ? "subscription.paused" : "subscription.resumed", s.firmId, s.id.toString(),
                    Map.of("url", s.url));
        }
        return Optional.of(s.toSubscription());
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
     * Queues the changes for every active subscription whose filters match, in the transaction that made them: a
     * synchronous observer runs inside {@code fire()}, so the deliveries commit or roll back with the changes. The
     * subscriptions are read once for all the changes' firms. Each body shows the alert in the AML view of the
     * subscription's creator.
     */
    void enqueue(@Observes AlertChanges changes) {
        Set<String> firms = changes.changes().stream().map(c -> c.alert().firmId()).collect(Collectors.toSet());
        List<Target> subscriptions = jdbc.query("find the webhook subscriptions of the changes' firms", """
                select id, firm_id, duties, severities, aml_view from webhook_subscription
                where active and (firm_id is null or firm_id = any(?))""", Target::read, List.copyOf(firms));
        if (subscriptions.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        int n = 0;
        for (AlertChanged change : changes.changes()) {
            // A subscription receives its deliveries in created_at order: one microsecond apart keeps the changes'.
            Instant at = now.plusNanos(1000L * n++);
            Map<AmlView, AlertView> views = new EnumMap<>(AmlView.class);
            for (Target s : subscriptions) {
                if (!s.matches(change.alert().firmId(), change.alert().duty(), change.alert().severity())) {
                    continue;
                }
                WebhookDelivery d = new WebhookDelivery();
                d.id = UUID.randomUUID();
                d.subscriptionId = s.id;
                d.alertId = change.alert().alertId();
                d.change = change.change().name();
                d.body = body(new Notification(d.id.toString(), d.change, change.at(),
                        views.computeIfAbsent(s.amlView, v -> AlertView.of(change.alert(), v))));
                d.status = WebhookDelivery.PENDING;
                d.nextAttemptAt = at;
                d.createdAt = at;
                d.persist();
            }
        }
    }

    /**
     * What the queue needs of an active subscription that may match a change: read as plain rows (as Hibernate
     * entities, mapping them took a tenth of the desk's samples in a poll; BENCHMARKS.md).
     */
    private record Target(UUID id, String firmId, List<String> duties, List<String> severities, AmlView amlView) {

        static Target read(ResultSet rs) throws SQLException {
            return new Target(rs.getObject(1, UUID.class), rs.getString(2), list(rs.getArray(3)), list(rs.getArray(4)),
                    AmlView.valueOf(rs.getString(5)));
        }

        private static List<String> list(Array values) throws SQLException {
            return values == null ? null : Arrays.asList((String[]) values.getArray());
        }

        /** Whether the filters let an alert of this firm, duty and severity through (null filters: everything). */
        boolean matches(String alertFirmId, String duty, String severity) {
            return (firmId == null || firmId.equals(alertFirmId)) && (duties == null || duties.contains(duty))
                    && (severities == null || severities.contains(severity));
        }
    }

    /**
     * Claims due deliveries of at most {@code subscriptions} subscriptions, at most {@code perSubscription} of each,
     * oldest change first, skipping paused subscriptions and those in {@code busy} (being sent to by this instance): it
     * pushes their next attempt a lease into the future, so no other dispatcher (or instance) sends them meanwhile. The
     * subscriptions that waited longest come first; the HTTP calls happen outside any transaction.
     */
    List<Due> claimDue(int subscriptions, int perSubscription, long leaseSeconds, Collection<UUID> busy) {
        List<Due> due = jdbc.query("claim webhook deliveries", """
                with candidate as (
                    select w.id, w.subscription_id, w.created_at, w.next_attempt_at from webhook_delivery w
                    join webhook_subscription s on s.id = w.subscription_id
                    where w.status = 'PENDING' and w.next_attempt_at <= now() and s.paused_at is null
                      and not (w.subscription_id = any(cast(? as uuid[])))
                    order by w.next_attempt_at limit ? for update of w skip locked),
                ranked as (
                    select id, subscription_id, row_number() over (partition by subscription_id order by created_at, id) n,
                           min(next_attempt_at) over (partition by subscription_id) waited
                    from candidate),
                picked as (
                    select id, n, dense_rank() over (order by waited, subscription_id) g from ranked)
                update webhook_delivery d set next_attempt_at = now() + make_interval(secs => ?)
                from webhook_subscription s, picked p
                where d.id = p.id and p.n <= ? and p.g <= ? and s.id = d.subscription_id
                returning d.id, s.url, s.secret, d.body, d.attempts, s.id, s.secret_sealed, d.created_at""",
                rs -> {
                    UUID subscription = rs.getObject(6, UUID.class);
                    String secret;
                    try {
                        secret = rs.getBoolean(7) ? secrets.open(subscription, rs.getString(3)) : rs.getString(3);
                    } catch (IllegalStateException e) {
                        // Never sent unsigned or with a wrong signature: it stays leased and is tried again later.
                        LOG.warn(e.getMessage());
                        return null;
                    }
                    return new Due(rs.getObject(1, UUID.class), subscription,
                            rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getString(2), secret, rs.getString(4),
                            rs.getInt(5));
                },
                busy.stream().map(UUID::toString).toList(), subscriptions * perSubscription * 4, leaseSeconds,
                perSubscription, subscriptions);
        return due.stream().filter(Objects::nonNull).toList();
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
        WebhookAttempt a = new WebhookAttempt(attempt, durationMs, statusCode, outcome);
        boolean delivered = outcome == DeliveryOutcome.DELIVERED;
        d.record(a, delivered, WebhookDelivery.DELIVERED, nextAttempt);
        d.lastStatusCode = statusCode;
        d.lastOutcome = outcome;
        d.deliveredAt = delivered ? a.at : null;
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
}
