package kz.aifc.notification.webhooks;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A webhook endpoint and its filters; the secret never leaves the service after creation. */
public record Subscription(UUID id, String url, String firmId, List<String> duties, List<String> severities,
        boolean seesAmlLinks, String createdBy, OffsetDateTime createdAt, boolean active) {
}
