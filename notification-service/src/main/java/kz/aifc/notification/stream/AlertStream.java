package kz.aifc.notification.stream;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import kz.aifc.notification.alerts.AlertChanged;
import kz.aifc.notification.alerts.AlertChanges;
import kz.aifc.notification.alerts.AlertView;
import kz.aifc.notification.alerts.AmlView;
import kz.aifc.notification.alerts.Viewer;
import kz.aifc.notification.webhooks.Notification;

/**
 * Live listeners of {@code GET /alerts/stream}: each committed change goes to every listener allowed to see the
 * alert's firm, in the AML view of the listener's role (AlertView). A comment every 15 s keeps proxies from
 * closing idle streams. Changes made by another replica arrive through {@link ReplicaFanOut}.
 */
@ApplicationScoped
public class AlertStream {

    private static final Logger LOG = Logger.getLogger(AlertStream.class);

    private record Listener(SseEventSink sink, Sse sse, Viewer viewer) {
    }

    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json;

    AlertStream(ObjectMapper json, MeterRegistry meters) {
        this.json = json;
        meters.gaugeCollectionSize("aifc.sse.listeners", java.util.List.of(), listeners);
    }

    /** Adds a listener and tells it the stream is live, so a client knows from when it misses nothing. */
    public void add(SseEventSink sink, Sse sse, Viewer viewer) {
        Listener listener = new Listener(sink, sse, viewer);
        listeners.add(listener);
        send(listener, sse.newEventBuilder().name("ready").reconnectDelay(3000)
                .data("{\"firmId\":" + (viewer.firmId() == null ? "null" : quote(viewer.firmId())) + "}").build());
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertChanges changes) {
        if (!listeners.isEmpty()) {
            changes.changes().forEach(this::publish);
        }
    }

    /** Sends a committed change to this process's listeners (made here, or heard from another replica). */
    void publish(AlertChanged change) {
        String full = null;
        String restricted = null;
        for (Listener l : listeners) {
            if (!l.viewer().sees(change.alert().firmId())) {
                continue;
            }
            String data;
            if (l.viewer().aml() == AmlView.FULL) {
                full = full == null ? render(change, AmlView.FULL) : full;
                data = full;
            } else {
                restricted = restricted == null ? render(change, AmlView.RESTRICTED) : restricted;
                data = restricted;
            }
            send(l, l.sse().newEventBuilder().name("alert")
                    .id(change.alert().alertId() + "@" + change.alert().version()).data(data).build());
        }
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        for (Listener l : listeners) {
            send(l, l.sse().newEventBuilder().comment("keep-alive").build());
        }
    }

    public int size() {
        return listeners.size();
    }

    private void send(Listener l, OutboundSseEvent event) {
        if (l.sink().isClosed()) {
            listeners.remove(l);
            return;
        }
        l.sink().send(event).whenComplete((ok, failure) -> {
            if (failure != null) {
                listeners.remove(l);
                try {
                    l.sink().close();
                } catch (RuntimeException e) {
                    LOG.debugf("closing a broken SSE sink: %s", e.getMessage());
                }
            }
        });
    }

    private String render(AlertChanged change, AmlView view) {
        try {
            return json.writeValueAsString(new Notification(change.alert().alertId() + "@" + change.alert().version(),
                    change.change().name(), change.at(), AlertView.of(change.alert(), view)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render an SSE event: " + e.getMessage(), e);
        }
    }

    private String quote(String s) {
        try {
            return json.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
