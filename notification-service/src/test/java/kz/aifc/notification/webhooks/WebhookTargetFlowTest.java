package kz.aifc.notification.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kz.aifc.notification.AlertEvents;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

/**
 * Webhooks cannot reach inside (#15.2), against real local receivers: the test profile allow-lists 127.0.0.1 only, so
 * a receiver there is reachable and one on 127.0.0.2 (loopback as well) is not, whether the URL names it outright or
 * a host name resolves to it only after the subscription was made (DNS rebinding).
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
class WebhookTargetFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A receiver on one loopback address that records the Host header and delivery id of every POST. */
    record Receiver(HttpServer server, List<Map<String, String>> received, int port) implements AutoCloseable {
        static Receiver on(String address, int port, int status) throws IOException {
            List<Map<String, String>> received = new CopyOnWriteArrayList<>();
            HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                received.add(Map.of("host", exchange.getRequestHeaders().getFirst("Host"),
                        "delivery", exchange.getRequestHeaders().getFirst("X-Delivery-Id")));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return new Receiver(server, received, port);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void shouldDeliverToAnAllowListedTargetByConnectingToTheAddressItChecked() throws Exception {
        String firm = newFirm();
        // The name exists only in the service's resolver: a delivery can arrive only through the checked address.
        FakeDns.answer("pinned.firm.example", "127.0.0.1");
        try (Receiver receiver = Receiver.on("127.0.0.1", freePort(), 204)) {
            String subscription = subscribe(firm, "http://pinned.firm.example:" + receiver.port() + "/hooks?x=1")
                    .then().statusCode(201).extract().path("id");
            AlertEvents.raise(AlertEvents.newAlertId("CAP-001", firm), firm, "HIGH");

            await().atMost(WAIT).until(() -> !receiver.received().isEmpty());
            assertThat(receiver.received().get(0).get("host")).isEqualTo("pinned.firm.example:" + receiver.port());
            await().atMost(WAIT).until(() -> "DELIVERED".equals(deliveries(firm, subscription).path(0).path("status").asText()));
            JsonNode attempt = deliveries(firm, subscription).path(0).path("log").path(0);
            assertThat(attempt.path("outcome").asText()).isEqualTo("DELIVERED");
            assertThat(attempt.path("statusCode").asInt()).isEqualTo(204);
        }
    }

    @Test
    void shouldRefuseInternalTargetsAtCreationNamingOnlyTheField() {
        String firm = newFirm();
        FakeDns.answer("intranet.firm.example", "192.168.10.20");
        FakeDns.answer("mixed.firm.example", "8.8.8.8", "10.0.0.7");
        FakeDns.answer("cgnat.firm.example", "100.64.1.1");
        for (String url : List.of("http://127.0.0.2:8080/hook", "http://10.1.2.3/hook", "http://172.16.0.1/",
                "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0:8080/", "http://224.0.0.1/",
                "http://[::1]:8080/", "http://[fd00::1]/", "http://[fe80::1]/", "http://[::ffff:127.0.0.2]/",
                "http://[::]/", "http://intranet.firm.example/hook", "http://mixed.firm.example/hook",
                "https://cgnat.firm.example/hook")) {
            subscribe(firm, url).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("url")))
                    .body("detail", containsString("non-public address"))
                    .body("detail", not(containsString("Exception")));
        }
        subscribe(firm, "http://nowhere.firm.example/hook").then().statusCode(400)
                .body("errors.field", equalTo(List.of("url"))).body("detail", containsString("does not resolve"));
        subscribe(firm, "file:///etc/passwd").then().statusCode(400).body("errors.field", equalTo(List.of("url")));
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm)).get("/subscriptions")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void shouldRefuseADeliveryWhoseHostNowResolvesToAnInternalAddressAndNeverRetryIt() throws Exception {
        String firm = newFirm();
        FakeDns.answer("rebind.firm.example", "8.8.8.8");
        try (Receiver inside = Receiver.on("127.0.0.2", freePort(), 204);
                Receiver marker = Receiver.on("127.0.0.1", freePort(), 204)) {
            String rebound = subscribe(firm, "http://rebind.firm.example:" + inside.port() + "/hook")
                    .then().statusCode(201).extract().path("id");
            String allowed = subscribe(firm, "http://127.0.0.1:" + marker.port() + "/hook")
                    .then().statusCode(201).extract().path("id");
            // After the check at creation the name starts answering an internal address, as a rebinding DNS would.
            FakeDns.answer("rebind.firm.example", "127.0.0.2");
            AlertEvents.raise(AlertEvents.newAlertId("CAP-001", firm), firm, "CRITICAL");

            await().atMost(WAIT).until(() -> "FAILED".equals(deliveries(firm, rebound).path(0).path("status").asText()));
            JsonNode refused = deliveries(firm, rebound).path(0);
            assertThat(refused.path("attempts").asInt()).isEqualTo(1);
            assertThat(refused.path("lastOutcome").asText()).isEqualTo("REFUSED_ADDRESS");
            assertThat(refused.path("log").path(0).path("outcome").asText()).isEqualTo("REFUSED_ADDRESS");
            assertThat(refused.path("log").path(0).path("statusCode").isNull()).isTrue();
            assertThat(refused.path("nextAttemptAt").isNull()).isTrue();
            // The same change reached the allowed receiver, and the internal one heard nothing.
            await().atMost(WAIT).until(() -> !marker.received().isEmpty());
            assertThat(deliveries(firm, allowed).path(0).path("status").asText()).isEqualTo("DELIVERED");
            assertThat(inside.received()).isEmpty();
        }
    }

    @Test
    void shouldDeleteASubscriptionDroppingItsPendingDeliveriesAndAnswer404ForForeignOrUnknownIds() throws Exception {
        String firm = newFirm();
        int port = freePort();
        String deleted = subscribe(firm, "http://127.0.0.1:" + port + "/deleted").then().statusCode(201).extract().path("id");
        String kept = subscribe(firm, "http://127.0.0.1:" + port + "/kept").then().statusCode(201).extract().path("id");
        AlertEvents.raise(AlertEvents.newAlertId("CAP-001", firm), firm, "HIGH");
        // The receiver is down: both deliveries wait, retried.
        await().atMost(WAIT).until(() -> deliveries(firm, deleted).path(0).path("attempts").asInt() >= 1
                && deliveries(firm, kept).path(0).path("attempts").asInt() >= 1);

        String foreignCo = TestTokens.bearer(Roles.COMPLIANCE_OFFICER, newFirm());
        String unknown = UUID.randomUUID().toString();
        Response foreign = given().header("Authorization", foreignCo).delete("/subscriptions/{id}", deleted);
        Response none = given().header("Authorization", foreignCo).delete("/subscriptions/{id}", unknown);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.asString()).isEqualTo(none.asString());
        Response foreignLog = given().header("Authorization", foreignCo).get("/subscriptions/{id}/deliveries", deleted);
        assertThat(foreignLog.statusCode()).isEqualTo(404);
        assertThat(foreignLog.asString()).isEqualTo(
                given().header("Authorization", foreignCo).get("/subscriptions/{id}/deliveries", unknown).asString());
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).delete("/subscriptions/{id}", deleted)
                .then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(Roles.FIRM_REPORTER, firm)).delete("/subscriptions/{id}", deleted)
                .then().statusCode(403);

        given().header("Authorization", TestTokens.bearer(Roles.MLRO, firm)).delete("/subscriptions/{id}", deleted)
                .then().statusCode(204);
        given().header("Authorization", TestTokens.bearer(Roles.MLRO, firm)).get("/subscriptions/{id}/deliveries", deleted)
                .then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(Roles.MLRO, firm)).delete("/subscriptions/{id}", deleted)
                .then().statusCode(404);

        try (Receiver receiver = Receiver.on("127.0.0.1", port, 204)) {
            // The kept subscription's delivery is the marker: once it arrived, the deleted one's would have too.
            await().atMost(WAIT).until(() -> "DELIVERED".equals(deliveries(firm, kept).path(0).path("status").asText()));
            String keptDelivery = deliveries(firm, kept).path(0).path("id").asText();
            assertThat(receiver.received()).extracting(r -> r.get("delivery")).containsOnly(keptDelivery);
        }
    }

    @Test
    void shouldHoldAFirmToItsQuotaOfSubscriptionsAndItsDutiesToTheKnownOnesOnceEach() {
        String firm = newFirm();
        String co = TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm);
        String last = null;
        for (int i = 0; i < 4; i++) { // the test profile's quota
            last = subscribe(firm, "http://127.0.0.1:9/hook" + i).then().statusCode(201).extract().path("id");
        }
        subscribe(firm, "http://127.0.0.1:9/one-too-many").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("quota of 4"))
                .body("detail", containsString("aifc.webhooks.max-subscriptions-per-firm"));
        // Another firm has its own quota.
        subscribe(newFirm(), "http://127.0.0.1:9/other").then().statusCode(201);
        given().header("Authorization", co).delete("/subscriptions/{id}", last).then().statusCode(204);
        subscribe(firm, "http://127.0.0.1:9/after-delete").then().statusCode(201);

        String other = newFirm();
        for (List<String> duties : List.of(List.of("AML", "AML"), List.of("CAPITAL", "AML", "CAPITAL", "FIT_AND_PROPER"),
                List.of("TAX"))) {
            given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, other)).contentType(ContentType.JSON)
                    .body(Map.of("url", "http://127.0.0.1:9/hook", "duties", duties)).post("/subscriptions")
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("duties"));
        }
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, other)).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "duties", List.of("CAPITAL", "AML", "FIT_AND_PROPER")))
                .post("/subscriptions").then().statusCode(201);
    }

    private static Response subscribe(String firm, String url) {
        return given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm))
                .contentType(ContentType.JSON).body(Map.of("url", url)).post("/subscriptions");
    }

    private static JsonNode deliveries(String firm, String subscription) throws IOException {
        return JSON.readTree(given().header("Authorization", TestTokens.bearer(Roles.MLRO, firm))
                .get("/subscriptions/{id}/deliveries", subscription).then().statusCode(200).extract().asString());
    }

    private static String newFirm() {
        return "F-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
