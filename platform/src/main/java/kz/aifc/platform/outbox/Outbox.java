package kz.aifc.platform.outbox;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.codec.EncodedEvent;
import kz.aifc.platform.store.Jdbc;

/**
 * Transactional outbox: an outgoing event is written in the same database transaction as the state change that
 * caused it, and {@link OutboxRelay} publishes it after commit. A crash between commit and publish loses nothing;
 * the relay sends what is still unpublished when it comes back.
 */
@ApplicationScoped
public class Outbox {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSERT = """
            insert into outbox (topic, record_key, headers, payload) values (?, ?, ?::jsonb, ?)""";

    private final Jdbc jdbc;
    private final Event<OutboxSignal> signal;

    Outbox(Jdbc jdbc, Event<OutboxSignal> signal) {
        this.jdbc = jdbc;
        this.signal = signal;
    }

    /** An event to queue: its topic and record key. */
    public record Pending(String topic, String key, CloudEvent<?> event) {
    }

    /** Queues {@code event} for {@code topic} (binary mode, keyed by firm id); call it inside the transaction. */
    public void enqueue(String topic, String key, CloudEvent<?> event) {
        enqueueAll(List.of(new Pending(topic, key, event)));
    }

    /** Queues events in order, in one round trip; call it inside the transaction. */
    public void enqueueAll(List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.batch("queue outgoing events", INSERT, events, (insert, p) -> {
            EncodedEvent encoded = CloudEventCodec.encode(p.event());
            insert.setString(1, p.topic());
            insert.setString(2, p.key());
            insert.setString(3, headersJson(encoded.headers()));
            insert.setBytes(4, encoded.value());
        });
        signal.fire(OutboxSignal.INSTANCE);
    }

    private static String headersJson(Map<String, byte[]> headers) {
        Map<String, String> text = new java.util.LinkedHashMap<>();
        headers.forEach((k, v) -> text.put(k, new String(v, java.nio.charset.StandardCharsets.UTF_8)));
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
