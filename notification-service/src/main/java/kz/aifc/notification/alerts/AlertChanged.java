package kz.aifc.notification.alerts;

import java.time.OffsetDateTime;

import kz.aifc.notification.store.StoredAlert;

/** Fired inside the transaction that changed an alert; observers act only after it commits. */
public record AlertChanged(Change change, StoredAlert alert, OffsetDateTime at) {
}
