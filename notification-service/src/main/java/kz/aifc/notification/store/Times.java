package kz.aifc.notification.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import kz.aifc.contract.CloudEvent;

/** Stored instants: taken as PostgreSQL keeps them, shown on the regulatory calendar's offset (Asia/Almaty). */
public final class Times {

    private Times() {
    }

    /**
     * Now, to the microsecond PostgreSQL keeps: a change announced from memory (SSE, webhook, mail) shows the same
     * time as the alert read back afterwards.
     */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static OffsetDateTime almaty(Instant t) {
        return t == null ? null : t.atZone(CloudEvent.ALMATY).toOffsetDateTime();
    }
}
