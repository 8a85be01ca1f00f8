package kz.aifc.notification.delivery;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The primary key of a delivery attempt (webhook or mail): the delivery and the attempt's number. */
public class AttemptKey implements Serializable {

    public UUID deliveryId;
    public int attempt;

    public AttemptKey() {
    }

    public AttemptKey(UUID deliveryId, int attempt) {
        this.deliveryId = deliveryId;
        this.attempt = attempt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttemptKey k && Objects.equals(deliveryId, k.deliveryId) && attempt == k.attempt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(deliveryId, attempt);
    }
}
