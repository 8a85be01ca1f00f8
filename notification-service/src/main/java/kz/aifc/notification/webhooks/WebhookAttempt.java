package kz.aifc.notification.webhooks;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.aifc.notification.delivery.AttemptKey;

/** One attempt to send a delivery (table {@code webhook_attempt}): the delivery log a subscriber reads. */
@Entity
@Table(name = "webhook_attempt")
@IdClass(AttemptKey.class)
public class WebhookAttempt extends PanacheEntityBase {

    @Id
    @Column(name = "delivery_id")
    public UUID deliveryId;

    @Id
    public int attempt;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "status_code")
    public Integer statusCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryOutcome outcome;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;
}
