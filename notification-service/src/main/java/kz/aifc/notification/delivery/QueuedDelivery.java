package kz.aifc.notification.delivery;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What every delivery queue row holds (mail and webhooks): which alert, the text as it will be sent, and the progress
 * the drainers claim and record (status, attempts, the next attempt's time).
 */
@MappedSuperclass
public abstract class QueuedDelivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "alert_id", nullable = false)
    public String alertId;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
