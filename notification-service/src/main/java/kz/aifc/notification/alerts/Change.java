package kz.aifc.notification.alerts;

/** What happened to an alert; SSE events and webhook deliveries name it. */
public enum Change {
    RAISED,
    UPDATED,
    REOPENED,
    ACKNOWLEDGED,
    RESOLVED,
    ESCALATED
}
