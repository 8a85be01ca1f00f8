package kz.aifc.notification.webhooks;

import java.time.OffsetDateTime;

import kz.aifc.notification.alerts.AlertView;

/** The body of an SSE event and of a webhook delivery: what changed, when, and the alert after the change. */
public record Notification(String id, String change, OffsetDateTime occurredAt, AlertView alert) {
}
