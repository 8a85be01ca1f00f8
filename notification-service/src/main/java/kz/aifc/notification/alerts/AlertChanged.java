package kz.aifc.notification.alerts;

import java.time.OffsetDateTime;

import kz.aifc.notification.store.StoredAlert;

/** One change to an alert, with the alert as it stood after it; announced in an {@link AlertChanges}. */
public record AlertChanged(Change change, StoredAlert alert, OffsetDateTime at) {
}
