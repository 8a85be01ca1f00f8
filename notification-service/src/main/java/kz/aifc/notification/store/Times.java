package kz.aifc.notification.store;

import java.time.Instant;
import java.time.OffsetDateTime;

import kz.aifc.contract.CloudEvent;

/** Stored instants as the desk shows them: on the regulatory calendar's offset (Asia/Almaty). */
public final class Times {

    private Times() {
    }

    public static OffsetDateTime almaty(Instant t) {
        return t == null ? null : t.atZone(CloudEvent.ALMATY).toOffsetDateTime();
    }
}
