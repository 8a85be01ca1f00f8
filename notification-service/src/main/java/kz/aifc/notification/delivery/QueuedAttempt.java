package kz.aifc.notification.delivery;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What every attempt row holds (mail and webhooks): the delivery, the attempt's number, when it was made and how long
 * it took. Each entity names its table, its outcome and {@code @IdClass(AttemptKey.class)}.
 */
@MappedSuperclass
public abstract class QueuedAttempt extends PanacheEntityBase {

    @Id
    @Column(name = "delivery_id")
    public UUID deliveryId;

    @Id
    public int attempt;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;

    protected QueuedAttempt() {
    }

    /** Attempt number {@code attempt}, made now, that took {@code durationMs}. */
    protected QueuedAttempt(int attempt, long durationMs) {
        this.attempt = attempt;
        this.at = Instant.now();
        this.durationMs = durationMs;
    }

    /** Stores the attempt unless it is stored already (made again after its lease ran out). */
    void persistOnce() {
        if (Panache.getEntityManager(getClass()).find(getClass(), new AttemptKey(deliveryId, attempt)) == null) {
            persist();
        }
    }
}
