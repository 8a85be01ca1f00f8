package kz.aifc.platform.store;

import jakarta.enterprise.context.ApplicationScoped;

import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.codec.CloudEventCodec;

/**
 * Records each processed event by its CloudEvents {@code source}/{@code id} in the caller's transaction, so an
 * event's effects and the record that it was applied commit together: redelivery finds the key and does nothing.
 * Its table {@code inbound_event} comes from the platform migration {@code db/platform/inbox/V1}.
 */
@ApplicationScoped
public class Inbox {

    private static final String CLAIM = """
            insert into inbound_event (event_key, event_type, firm_id, event_time, payload)
            values (?, ?, ?, ?, ?::jsonb)
            on conflict (event_key) do nothing""";

    private final Jdbc jdbc;

    Inbox(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Answers true the first time an event is seen; call it inside the transaction that applies the event. */
    public boolean claim(CloudEvent<?> event, String firmId) {
        return jdbc.update("record an applied event", CLAIM, event.eventKey(), event.type(), firmId,
                event.time() == null ? null : event.time().toInstant(), CloudEventCodec.toJson(event.data())) == 1;
    }
}
