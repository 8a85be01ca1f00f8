package kz.aifc.notification.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kz.aifc.notification.AlertEvents;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

/** Webhooks against a real local HTTP receiver that is down first, then up: signatures, retries, delivery log. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
class WebhookDeliveryFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String SECRET = "receiver-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the receiver got: headers and body of each POST. */
    record Received(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    @Test
    void shouldDeliverSignedChangesToAReceiverThatWasDownForAWhileWithoutLosingAny() throws Exception {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        int port = freePort();
        String subscription = given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm))
                .contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + port + "/hooks/aifc", "secret", SECRET,
                        "severities", List.of("CRITICAL", "HIGH")))
                .post("/subscriptions").then().statusCode(201)
                .body("firmId", equalTo(firm)).body("secret", equalTo(SECRET))
                .extract().path("id");

        String alertId = AlertEvents.newAlertId("CAP-001", firm);
        AlertEvents.raise(alertId, firm, "HIGH");
        AlertEvents.raise(AlertEvents.newAlertId("CAP-005", firm), firm, "LOW"); // filtered out by severity

        // The receiver is down: the delivery stays PENDING and is retried with back-off, each attempt logged.
        await().atMost(WAIT).until(() -> {
            JsonNode log = deliveries(firm, subscription);
            return log.size() == 1 && log.get(0).path("attempts").asInt() >= 2;
        });
        JsonNode pending = deliveries(firm, subscription).get(0);
        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.path("lastOutcome").asText()).isEqualTo("CONNECTION_FAILED");
        assertThat(pending.has("lastError")).isFalse();
        assertThat(pending.path("nextAttemptAt").isNull()).isFalse();

        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        receiver.createContext("/hooks/aifc", exchange -> {
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            await().atMost(WAIT).until(() -> !received.isEmpty());
            Received first = received.get(0);
            assertThat(first.header("X-Signature")).isEqualTo("sha256=" + hmac(SECRET, first.body()));
            long t = Long.parseLong(first.header("X-Signature-Timestamp"));
            assertThat(t).isPositive();
            // The timed signature covers the timestamp with the body: t=<unix>,v1=HMAC(t + "." + body).
            byte[] timed = (t + "." + new String(first.body(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            assertThat(first.header("X-Timed-Signature")).isEqualTo("t=" + t + ",v1=" + hmac(SECRET, timed));
            JsonNode body = JSON.readTree(first.body());
            assertThat(body.path("change").asText()).isEqualTo("RAISED");
            assertThat(body.path("alert").path("alertId").asText()).isEqualTo(alertId);
            assertThat(body.path("id").asText()).isEqualTo(first.header("X-Delivery-Id"));

            given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm))
                    .post("/alerts/{id}/acknowledge", alertId).then().statusCode(200);
            await().atMost(WAIT).until(() -> received.stream()
                    .anyMatch(r -> new String(r.body(), StandardCharsets.UTF_8).contains("\"ACKNOWLEDGED\"")));
            assertThat(received).allMatch(r -> !new String(r.body(), StandardCharsets.UTF_8).contains("CAP-005"));

            await().atMost(WAIT).until(() -> {
                JsonNode log = deliveries(firm, subscription);
                return log.size() == 2 && log.findValuesAsText("status").stream().allMatch("DELIVERED"::equals);
            });
            JsonNode raisedDelivery = deliveries(firm, subscription).get(1);
            assertThat(raisedDelivery.path("attempts").asInt()).isGreaterThanOrEqualTo(3);
            JsonNode attempts = raisedDelivery.path("log");
            assertThat(attempts.get(0).path("outcome").asText()).isEqualTo("CONNECTION_FAILED");
            assertThat(attempts.get(0).has("error")).isFalse();
            assertThat(attempts.get(attempts.size() - 1).path("statusCode").asInt()).isEqualTo(204);
            assertThat(attempts.get(attempts.size() - 1).path("outcome").asText()).isEqualTo("DELIVERED");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void shouldGenerateASecretShownOnceAndRejectBadSubscriptionsNamingTheField() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String co = TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm);
        FakeDns.answer("hooks.firm.example", "8.8.8.8");
        given().header("Authorization", co).contentType(ContentType.JSON).body(Map.of("url", "https://hooks.firm.example/hook"))
                .post("/subscriptions").then().statusCode(201).body("secret", notNullValue())
                .body("amlView", equalTo("RESTRICTED"));
        given().header("Authorization", co).get("/subscriptions").then().statusCode(200)
                .body("url", hasItem("https://hooks.firm.example/hook")).body("[0]", not(hasKey("secret")));

        given().header("Authorization", co).contentType(ContentType.JSON).body(Map.of())
                .post("/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("url"));
        given().header("Authorization", co).contentType(ContentType.JSON).body(Map.of("url", "ftp://example.kz/x"))
                .post("/subscriptions").then().statusCode(400).body("errors.field", hasItem("url"));
        given().header("Authorization", co).contentType(ContentType.JSON)
                .body(Map.of("url", "https://hooks.firm.example/x", "secret", "short"))
                .post("/subscriptions").then().statusCode(400).body("errors.field", hasItem("secret"));
        given().header("Authorization", co).contentType(ContentType.JSON)
                .body(Map.of("url", "https://hooks.firm.example/x", "severities", List.of("SEVERE")))
                .post("/subscriptions").then().statusCode(400).body("errors.field", hasItem("severities"));
        given().header("Authorization", co).contentType(ContentType.JSON)
                .body(Map.of("url", "https://hooks.firm.example/x", "firmId", "F-OTHER"))
                .post("/subscriptions").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.FIRM_REPORTER, firm)).get("/subscriptions").then()
                .statusCode(403);
        given().header("Authorization", co).get("/subscriptions/{id}/deliveries", "not-a-uuid").then().statusCode(400)
                .body("errors.field", hasItem("id"));
    }

    private static JsonNode deliveries(String firm, String subscription) throws IOException {
        String body = given().header("Authorization", TestTokens.bearer(Roles.MLRO, firm))
                .get("/subscriptions/{id}/deliveries", subscription).then().statusCode(200).extract().asString();
        return JSON.readTree(body);
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
