package kz.aifc.notification.alerts;

import java.util.List;

import kz.aifc.platform.store.RoundTrip;

/**
 * The changes one transaction made, in order (a poll of alert events, or one person's action): fired once inside it, so
 * webhook and mail deliveries and the replica notifications are written together; SSE announcements follow the commit.
 *
 * @param writes where an observer inside the transaction adds a statement whose result it does not need (the replicas'
 *               {@code NOTIFY}): whoever fired the changes sends it with its own writes, before the commit
 */
public record AlertChanges(List<AlertChanged> changes, RoundTrip writes) {

    public AlertChanges {
        changes = List.copyOf(changes);
    }

    /** One change; its writes are the caller's to send. */
    public static AlertChanges of(AlertChanged change, RoundTrip writes) {
        return new AlertChanges(List.of(change), writes);
    }
}
