package kz.aifc.notification.store;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One escalation of an alert for one reason (table {@code alert_escalation}): the clock's once-per-reason guard. */
@Entity
@Table(name = "alert_escalation")
@IdClass(AlertEscalation.Key.class)
public class AlertEscalation extends PanacheEntityBase {

    @Id
    @Column(name = "alert_id")
    public String alertId;

    @Id
    public String reason;

    @Column(name = "escalated_at", nullable = false)
    public Instant escalatedAt;

    @Column(nullable = false)
    public String detail;

    /** The primary key: alert and reason. */
    public static class Key implements Serializable {
        public String alertId;
        public String reason;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(alertId, k.alertId) && Objects.equals(reason, k.reason);
        }

        @Override
        public int hashCode() {
            return Objects.hash(alertId, reason);
        }
    }
}
