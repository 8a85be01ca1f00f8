package kz.aifc.notification.alerts;

import java.util.List;

/**
 * The changes one transaction made, in order (a poll of alert events, or one person's action): fired once inside it, so
 * webhook and mail deliveries and the replica notifications are written together; SSE announcements follow the commit.
 */
public record AlertChanges(List<AlertChanged> changes) {

    public AlertChanges {
        changes = List.copyOf(changes);
    }

    public static AlertChanges of(AlertChanged change) {
        return new AlertChanges(List.of(change));
    }
}
