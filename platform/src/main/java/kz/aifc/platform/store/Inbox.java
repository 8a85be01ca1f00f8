package kz.aifc.platform.store;

import java.time.Instant;
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
 * Its table {@code inbound_event} comes from the platform migration {@code db/platform/inbox/V1}, partitioned by the UTC
 * month of each event's time by every service's own migration "inbound_event by month" (platform/README).
 */
@ApplicationScoped
public class Inbox {

    private static final String CLAIM = """
            insert into inbound_event (event_key, event_type, firm_id, event_time, event_month, payload)
            values (?, ?, ?, ?, ?::date, ?::jsonb)
            on conflict (event_key, event_month) do nothing""";

    private static final String CLAIM_ALL = """
            insert into inbound_event (event_key, event_type, firm_id, event_time, event_month, payload)
            select * from unnest(?::text[], ?::text[], ?::text[], ?::text[]::timestamptz[], ?::text[]::date[],
                    ?::text[]::jsonb[])
            on conflict (event_key, event_month) do nothing
            returning event_key""";

    /**
     * The month an event without a time is kept under (CloudEvents makes {@code time} optional; the contract expects
     * it), and one dated before it: a fixed one, so that its redelivery meets its first delivery in the same month's
     * key (and no year PostgreSQL's dates lack, such as the year 0000 RFC 3339 allows, is ever a month's bound).
     */
    static final int UNTIMED = MonthPartitions.monthOf(Instant.EPOCH);

    private final Jdbc jdbc;
    private final MonthPartitions months;

    Inbox(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.months = new MonthPartitions(jdbc, "inbound_event_month", "make the month's partition of the inbox");
    }

    /** Answers true the first time an event is seen; call it inside the transaction that applies the event. */
    public boolean claim(CloudEvent<?> event, String firmId) {
        return jdbc.update("record an applied event", CLAIM, event.eventKey(), event.type(), firmId,
                event.time() == null ? null : event.time().toInstant(), month(event),
                CloudEventCodec.toJson(event.data())) == 1;
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
        List<String> eventMonths = new ArrayList<>(n);
        List<String> payloads = new ArrayList<>(n);
        for (CloudEvent<T> event : distinct.values()) {
            keys.add(event.eventKey());
            types.add(event.type());
            firms.add(firmOf.apply(event.data()));
            times.add(event.time() == null ? null : event.time().toString());
            eventMonths.add(month(event));
            payloads.add(CloudEventCodec.toJson(event.data()));
        }
        with.query(CLAIM_ALL, rs -> rs.getString(1), claimed, keys, types, firms, times, eventMonths,
                payloads);
    }

    /**
     * The first day of the UTC month the event is kept under (each service's migration "inbound_event by month"), its
     * partition made first if this process has not met the month yet.
     */
    private String month(CloudEvent<?> event) {
        int month = event.time() == null ? UNTIMED
                : Math.max(UNTIMED, MonthPartitions.monthOf(event.time().toInstant()));
        months.table(month);
        return MonthPartitions.firstDay(month).toString();
    }

    /** The events {@link #claimAll} claimed: each once (its first occurrence), in their order. */
    public static <T> List<CloudEvent<T>> claimedOf(List<CloudEvent<T>> events, Set<String> claimed) {
        Set<String> left = new HashSet<>(claimed);
        return events.stream().filter(e -> left.remove(e.eventKey())).toList();
    }
}
