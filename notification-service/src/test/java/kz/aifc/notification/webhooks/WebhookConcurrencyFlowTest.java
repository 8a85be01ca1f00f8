package kz.aifc.notification.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kz.aifc.notification.AlertEvents;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

/** Real local receivers: a slow one holds up only itself, one subscription's deliveries keep their order, pause/resume. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
class WebhookConcurrencyFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @Inject
    DataSource dataSource;

    /** A body received, and when. */
    record Hit(long atNanos, String body) {
    }

    @Test
    void shouldDeliverToAFastReceiverWithoutWaitingForOneThatHangsPastTheTimeout() throws Exception {
        String firm = newFirm();
        List<Hit> slow = new CopyOnWriteArrayList<>();
        List<Hit> fast = new CopyOnWriteArrayList<>();
        // Sleeps past the 5 s delivery timeout on every request.
        HttpServer slowReceiver = receiver(slow, 8_000);
        HttpServer fastReceiver = receiver(fast, 0);
        try {
            subscribe(firm, slowReceiver, List.of("HIGH", "CRITICAL"));
            subscribe(firm, fastReceiver, List.of("CRITICAL"));

            String high = AlertEvents.newAlertId("CAP-002", firm);
            AlertEvents.raise(high, firm, "HIGH");
            await().atMost(WAIT).until(() -> !slow.isEmpty());

            String critical = AlertEvents.newAlertId("CAP-001", firm);
            long raisedAt = System.nanoTime();
            AlertEvents.raise(critical, firm, "CRITICAL");
            await().atMost(WAIT).until(() -> fast.stream().anyMatch(h -> h.body().contains(critical)));
            long waited = fast.get(0).atNanos() - raisedAt;
            // One dispatcher thread would have waited for the slow receiver's timeout (5 s) first.
            assertThat(Duration.ofNanos(waited)).isLessThan(Duration.ofMillis(3_500));

            // The slow subscription's own deliveries still go one at a time, in the order of their changes.
            await().atMost(WAIT).until(() -> slow.stream().anyMatch(h -> h.body().contains(critical)));
            assertThat(slow.get(0).body()).contains(high);
            assertThat(firstIndex(slow, critical)).isGreaterThan(firstIndex(slow, high));
        } finally {
            slowReceiver.stop(0);
            fastReceiver.stop(0);
        }
    }

    @Test
    void shouldKeepDeliveriesOfAPausedSubscriptionQueuedAndSendThemWhenResumed() throws Exception {
        String firm = newFirm();
        List<Hit> hits = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(hits, 0);
        String admin = TestTokens.bearer(Roles.ADMIN);
        try {
            String id = subscribe(firm, receiver, List.of("HIGH"));
            given().header("Authorization", admin).post("/subscriptions/{id}/pause", id).then().statusCode(200)
                    .body("pausedAt", notNullValue()).body("pausedBy", notNullValue());
            given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, newFirm()))
                    .post("/subscriptions/{id}/resume", id).then().statusCode(404);
            given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm)).get("/subscriptions")
                    .then().statusCode(200).body("[0].pausedAt", notNullValue());

            String first = AlertEvents.newAlertId("CAP-002", firm);
            String second = AlertEvents.newAlertId("CAP-003", firm);
            AlertEvents.raise(first, firm, "HIGH");
            AlertEvents.raise(second, firm, "HIGH");
            await().atMost(WAIT).until(() -> deliveries(firm, id).size() == 2);
            Thread.sleep(3_000);
            assertThat(hits).isEmpty();
            given().header("Authorization", TestTokens.bearer(Roles.MLRO, firm)).get("/subscriptions/{id}/deliveries", id)
                    .then().statusCode(200).body("[0].status", equalTo("PENDING")).body("[0].attempts", equalTo(0));

            given().header("Authorization", admin).post("/subscriptions/{id}/resume", id).then().statusCode(200)
                    .body("pausedAt", nullValue());
            await().atMost(WAIT).until(() -> hits.size() >= 2);
            assertThat(hits.get(0).body()).contains(first);
            assertThat(hits.get(1).body()).contains(second);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void shouldNeverSendWithASecretThatCannotBeOpenedAndKeepDeliveringToTheOthers() throws Exception {
        String firm = newFirm();
        List<Hit> damaged = new CopyOnWriteArrayList<>();
        List<Hit> sound = new CopyOnWriteArrayList<>();
        HttpServer damagedReceiver = receiver(damaged, 0);
        HttpServer soundReceiver = receiver(sound, 0);
        try {
            String damagedId = subscribe(firm, damagedReceiver, List.of("HIGH"));
            subscribe(firm, soundReceiver, List.of("HIGH"));
            // The stored secret damaged (a bad restore, a hand edit): it can no longer be opened.
            try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                    "update webhook_subscription set secret = 'v1:AAAA' where id = ?")) {
                q.setObject(1, UUID.fromString(damagedId));
                assertThat(q.executeUpdate()).isEqualTo(1);
            }

            String alert = AlertEvents.newAlertId("CAP-002", firm);
            AlertEvents.raise(alert, firm, "HIGH");
            await().atMost(WAIT).until(() -> sound.stream().anyMatch(h -> h.body().contains(alert)));
            Thread.sleep(2_000);
            assertThat(damaged).as("never sent unsigned or signed wrongly").isEmpty();
            given().header("Authorization", TestTokens.bearer(Roles.MLRO, firm))
                    .get("/subscriptions/{id}/deliveries", damagedId).then().statusCode(200)
                    .body("[0].status", equalTo("PENDING")).body("[0].attempts", equalTo(0));
        } finally {
            damagedReceiver.stop(0);
            soundReceiver.stop(0);
        }
    }

    private static List<String> deliveries(String firm, String id) {
        return given().header("Authorization", TestTokens.bearer(Roles.MLRO, firm))
                .get("/subscriptions/{id}/deliveries", id).then().statusCode(200).extract().path("status");
    }

    private static int firstIndex(List<Hit> hits, String alertId) {
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).body().contains(alertId)) {
                return i;
            }
        }
        return -1;
    }

    private static String subscribe(String firm, HttpServer receiver, List<String> severities) {
        return given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm))
                .contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                        "severities", severities))
                .post("/subscriptions").then().statusCode(201).extract().path("id");
    }

    /** A receiver on 127.0.0.1 that records each body when it arrives, then answers 204 after {@code delayMs}. */
    private static HttpServer receiver(List<Hit> hits, long delayMs) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            hits.add(new Hit(System.nanoTime(), new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)));
            try {
                Thread.sleep(delayMs);
                exchange.sendResponseHeaders(204, -1);
            } catch (InterruptedException | IOException e) {
                // the dispatcher gave up waiting
            } finally {
                exchange.close();
            }
        });
        server.start();
        return server;
    }

    private static String newFirm() {
        return "F-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
