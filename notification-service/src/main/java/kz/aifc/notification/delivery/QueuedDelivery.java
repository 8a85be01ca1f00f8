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

    /** Waiting for its first or next attempt. */
    public static final String PENDING = "PENDING";
    /** Given up: the last attempt failed, or one failed in a way a retry cannot mend. */
    public static final String FAILED = "FAILED";

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

    /**
     * Records attempt {@code a} of this delivery and where the delivery stands after it: {@code doneStatus} when the
     * attempt succeeded, else PENDING until {@code nextAttempt}, or FAILED when there is none.
     */
    public void record(QueuedAttempt a, boolean done, String doneStatus, Instant nextAttempt) {
        a.deliveryId = id;
        a.persistOnce();
        attempts = a.attempt;
        status = done ? doneStatus : nextAttempt == null ? FAILED : PENDING;
        if (nextAttempt != null) {
            nextAttemptAt = nextAttempt;
        }
    }
}
