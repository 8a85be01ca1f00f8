package kz.aifc.notification.webhooks;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.aifc.notification.alerts.AmlView;

/**
 * A webhook endpoint, its filters and the AML view of whoever made it (a compliance officer's subscription gets the
 * compliance officer's view); the secret never leaves the service after creation.
 */
public record Subscription(UUID id, String url, String firmId, List<String> duties, List<String> severities,
        @Schema(description = "How much of an AML alert its deliveries show: the view of the role that made it")
        AmlView amlView, String createdBy, OffsetDateTime createdAt, boolean active,
        @Schema(description = "Set while paused: deliveries are queued but not sent until it is resumed")
        OffsetDateTime pausedAt,
        @Schema(description = "Who paused it")
        String pausedBy) {
}
