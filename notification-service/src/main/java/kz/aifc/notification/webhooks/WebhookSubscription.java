package kz.aifc.notification.webhooks;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import kz.aifc.notification.alerts.AmlView;
import kz.aifc.notification.store.Times;

/** A webhook endpoint (table {@code webhook_subscription}); null filters mean everything its creator may see. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String url;

    /** The signing secret, sealed by {@link SecretBox} when {@link #secretSealed} (always, for rows written now). */
    @Column(nullable = false)
    public String secret;

    @Column(name = "secret_sealed", nullable = false)
    public boolean secretSealed;

    @Column(name = "firm_id")
    public String firmId;

    public String[] duties;

    public String[] severities;

    @Enumerated(EnumType.STRING)
    @Column(name = "aml_view", nullable = false)
    public AmlView amlView;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "paused_at")
    public Instant pausedAt;

    @Column(name = "paused_by")
    public String pausedBy;

    /** Subscriptions of one firm, or the every-firm ones for {@code firmId == null}. */
    static long countOfFirm(String firmId) {
        return firmId == null ? count("firmId is null") : count("firmId", firmId);
    }

    /** Subscriptions a caller may see: a firm's own, or all of them for {@code firmId == null}. */
    static List<WebhookSubscription> visibleTo(String firmId) {
        return firmId == null ? listAll(Sort.by("createdAt")) : list("firmId", Sort.by("createdAt"), firmId);
    }

    Subscription toSubscription() {
        return new Subscription(id, url, firmId, list(duties), list(severities), amlView, createdBy,
                Times.almaty(createdAt), active, Times.almaty(pausedAt), pausedBy);
    }

    private static List<String> list(String[] values) {
        return values == null ? null : Arrays.asList(values);
    }
}
