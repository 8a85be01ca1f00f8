package kz.aifc.notification.stream;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import kz.aifc.notification.alerts.AlertChanged;
import kz.aifc.notification.alerts.AlertChanges;
import kz.aifc.notification.alerts.Change;
import kz.aifc.notification.store.AlertStore;
import kz.aifc.notification.store.StoredAlert;

/**
 * Live updates across replicas. Every change is announced with PostgreSQL {@code NOTIFY} inside the transaction that
 * made it, so it is delivered only if that transaction commits, and to every replica listening on
 * {@value #CHANNEL}. The payload is small ({@code origin, alertId, version, change, at}); a replica that hears a
 * change another replica made re-reads the alert and passes it to its own SSE listeners. The replica that made the
 * change has already sent it to its listeners after the commit ({@link AlertStream}), so it skips its own
 * notifications (by {@code origin}, an id per process): each listener gets each change once.
 * <p>
 * The listener is one dedicated JDBC connection outside the pool, polled with {@code PGConnection.getNotifications}
 * on a background thread; when it breaks it is opened again (1 s, doubling to 30 s). Changes made by other replicas
 * while it is down are not replayed: a dashboard sees them on its next reload (or with the next change of the alert).
 */
@ApplicationScoped
public class ReplicaFanOut {

    static final String CHANNEL = "aifc_alert_changed";
    /** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more (and would fail the change's transaction). */
    static final int MAX_PAYLOAD_BYTES = 7999;
    private static final Logger LOG = Logger.getLogger(ReplicaFanOut.class);
    private static final int POLL_MILLIS = 1000;
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final String origin = UUID.randomUUID().toString();
    private final AlertStore store;
    private final AlertStream stream;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final String url;
    private final String user;
    private final Optional<String> password;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    ReplicaFanOut(AlertStore store, AlertStream stream, ObjectMapper json, MeterRegistry meters,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.store = store;
        this.stream = stream;
        this.json = json;
        this.meters = meters;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Queues the NOTIFYs in the changes' transaction (a synchronous observer runs inside {@code fire()}), in one
     * statement that goes with the transaction's writes ({@link AlertChanges#writes}).
     */
    void announce(@Observes AlertChanges changes) {
        List<String> payloads = new ArrayList<>(changes.changes().size());
        for (AlertChanged change : changes.changes()) {
            String payload = payload(change);
            if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
                // Only an absurdly long alert id gets here; the other replicas' listeners miss this one change.
                LOG.warnf("alert change of %.60s… not announced to other replicas: NOTIFY payload over %d bytes",
                        change.alert().alertId(), MAX_PAYLOAD_BYTES);
            } else {
                payloads.add(payload);
            }
        }
        if (!payloads.isEmpty()) {
            changes.writes().run(
                    "select cast(pg_notify(?, p) as text) from unnest(?::text[]) with ordinality as t(p, n) order by n",
                    CHANNEL, payloads);
        }
    }

    void start(@Observes StartupEvent started) {
        running.set(true);
        thread = new Thread(this::listen, "alert-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running.set(false);
        closeQuietly(connection);
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the listener connection is open and listening (the readiness check reports it). */
    public boolean listening() {
        return listening;
    }

    /** This process's id in notifications. */
    String origin() {
        return origin;
    }

    private void listen() {
        long backoff = 1000;
        while (running.get()) {
            try (Connection c = DriverManager.getConnection(url, user, password.orElse(null))) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                backoff = 1000;
                LOG.infof("listening for other replicas' alert changes on %s", CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running.get()) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            try {
                                received(n.getParameter());
                            } catch (RuntimeException e) {
                                // One change not fanned out (its alert unreadable just now); the listener goes on.
                                LOG.warnf("alert change from another replica not streamed: %s", e.getMessage());
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running.get()) {
                    return;
                }
                meters.counter("aifc.sse.replica.listener.reconnects").increment();
                LOG.warnf("alert-change listener lost (%s); reconnecting in %d ms", e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            } finally {
                listening = false;
                connection = null;
            }
        }
    }

    /**
     * One notification: skipped when this process made the change (its listeners have it already); otherwise the
     * alert is read as committed and sent with the notified change. When the alert has moved on meanwhile, its newer
     * state goes out (never an older one than the change's).
     */
    void received(String payload) {
        JsonNode n;
        try {
            n = json.readTree(payload);
        } catch (JsonProcessingException e) {
            LOG.warnf("unreadable alert-change notification ignored: %s", e.getOriginalMessage());
            return;
        }
        if (!n.path("a").isTextual() || !n.path("c").isTextual() || !n.path("t").isTextual()) {
            LOG.warnf("alert-change notification without alert, change or time ignored");
            return;
        }
        if (origin.equals(n.path("o").asText())) {
            return;
        }
        String alertId = n.path("a").asText();
        Optional<StoredAlert> alert = QuarkusTransaction.requiringNew().call(() -> store.find(alertId, false));
        if (alert.isEmpty()) {
            return;
        }
        stream.publish(new AlertChanged(Change.valueOf(n.path("c").asText()), alert.get(),
                OffsetDateTime.parse(n.path("t").asText())));
        meters.counter("aifc.sse.replica.changes").increment();
    }

    private String payload(AlertChanged change) {
        try {
            return json.writeValueAsString(json.createObjectNode().put("o", origin)
                    .put("a", change.alert().alertId()).put("v", change.alert().version())
                    .put("c", change.change().name()).put("t", change.at().toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an alert-change notification", e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debugf("closing the listener connection: %s", e.getMessage());
            }
        }
    }
}
