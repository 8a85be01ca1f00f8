package kz.aifc.platform.outbox;

/** Fired when a transaction queued events, so the relay publishes right after commit instead of at its next poll. */
public enum OutboxSignal {
    INSTANCE
}
