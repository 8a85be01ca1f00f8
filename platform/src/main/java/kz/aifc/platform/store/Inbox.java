package kz.aifc.platform.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

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

    private static final String CLAIM_ALL = """
            insert into inbound_event (event_key, event_type, firm_id, event_time, payload)
            select * from unnest(?::text[], ?::text[], ?::text[], ?::text[]::timestamptz[], ?::text[]::jsonb[])
            on conflict (event_key) do nothing
            returning event_key""";

    private final Jdbc jdbc;

    Inbox(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Answers true the first time an event is seen; call it inside the transaction that applies the event. */
    public boolean claim(CloudEvent<?> event, String firmId) {
        return jdbc.update("record an applied event", CLAIM, event.eventKey(), event.type(), firmId,
                event.time() == null ? null : event.time().toInstant(), CloudEventCodec.toJson(event.data())) == 1;
    }

    /**
     * Claims a poll's events in one statement, inside the transaction that applies them: answers the keys seen for
     * the first time (an event repeated within {@code events} is claimed once).
     */
    public <T> Set<String> claimAll(List<CloudEvent<T>> events, Function<T, String> firmOf) {
        Set<String> claimed = new HashSet<>();
        RoundTrip claim = new RoundTrip();
        claimAll(events, firmOf, claim, claimed::addAll);
        claim.send(jdbc, "record applied events");
        return claimed;
    }

    /**
     * As {@link #claimAll(List, Function)}, the statement added to {@code with} for the caller to send with others;
     * once sent, the keys claimed go to {@code claimed}.
     */
    public <T> void claimAll(List<CloudEvent<T>> events, Function<T, String> firmOf, RoundTrip with,
            Consumer<List<String>> claimed) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, CloudEvent<T>> distinct = new LinkedHashMap<>();
        for (CloudEvent<T> event : events) {
            distinct.putIfAbsent(event.eventKey(), event);
        }
        int n = distinct.size();
        List<String> keys = new ArrayList<>(n);
        List<String> types = new ArrayList<>(n);
        List<String> firms = new ArrayList<>(n);
        List<String> times = new ArrayList<>(n);
        List<String> payloads = new ArrayList<>(n);
        for (CloudEvent<T> event : distinct.values()) {
            keys.add(event.eventKey());
            types.add(event.type());
            firms.add(firmOf.apply(event.data()));
            times.add(event.time() == null ? null : event.time().toString());
            payloads.add(CloudEventCodec.toJson(event.data()));
        }
        with.query(CLAIM_ALL, rs -> rs.getString(1), claimed, keys, types, firms, times, payloads);
    }

    /** The events {@link #claimAll} claimed: each once (its first occurrence), in their order. */
    public static <T> List<CloudEvent<T>> claimedOf(List<CloudEvent<T>> events, Set<String> claimed) {
        Set<String> left = new HashSet<>(claimed);
        return events.stream().filter(e -> left.remove(e.eventKey())).toList();
    }
}
