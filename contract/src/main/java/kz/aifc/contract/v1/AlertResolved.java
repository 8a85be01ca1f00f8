package kz.aifc.contract.v1;

import java.time.OffsetDateTime;

/** Payload of {@code kz.aifc.alert.resolved.v1}: the breach behind an alert is over. */
public record AlertResolved(String alertId, String firmId, OffsetDateTime resolvedAt, String reason) {

    public AlertResolved {
        Checks.text(alertId, "alertId");
        Checks.text(firmId, "firmId");
        Checks.present(resolvedAt, "resolvedAt");
        Checks.text(reason, "reason");
    }
}
