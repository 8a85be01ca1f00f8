package kz.aifc.notification.webhooks;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import kz.aifc.notification.delivery.QueuedDelivery;

/** One change queued for one subscription (table {@code webhook_delivery}): the body as signed, and its progress. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends QueuedDelivery {

    static final String DELIVERED = "DELIVERED";

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(nullable = false)
    public String change;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_outcome")
    public DeliveryOutcome lastOutcome;
}
