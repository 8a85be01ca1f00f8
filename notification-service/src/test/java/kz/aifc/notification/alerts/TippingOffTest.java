package kz.aifc.notification.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kz.aifc.contract.EventTypes;
import kz.aifc.notification.AlertEvents;
import kz.aifc.notification.stream.SseClient;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

/**
 * Tipping-off (#15.1, contract/README.md §3): an AML alert shows the firm's compliance officer its rule, severity,
 * status and deadline but not on whom or why (detail, evidence, causedBy, case/STR links, resolution reason), on
 * REST (one and list), SSE and webhook bodies alike; the MLRO, the regulator and the admin see all of it.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
class TippingOffTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Strings only the full view may carry: the customer, the case, the indicator, the STR decision. */
    private static final List<String> SECRETS = List.of("C-4242", "CASE-77", "urn:tx/T-991", "STR filed");
    private static final List<String> ROLES = List.of(Roles.COMPLIANCE_OFFICER, Roles.MLRO, Roles.REGULATOR, Roles.ADMIN);

    @TestHTTPResource("/alerts/stream")
    URI stream;

    @Test
    void shouldShowEachRoleItsViewOfAnAmlAlertOnRestSseAndWebhooks() throws Exception {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String alertId = AlertEvents.newAlertId("AML-005", firm);
        Map<String, List<JsonNode>> hooks = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String role = exchange.getRequestURI().getPath().substring(1);
            hooks.computeIfAbsent(role, r -> new CopyOnWriteArrayList<>())
                    .add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Map<String, SseClient> listeners = new ConcurrentHashMap<>();
        try {
            for (String role : ROLES) {
                given().header("Authorization", token(role, firm)).contentType(ContentType.JSON)
                        .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/" + role,
                                "firmId", firm, "duties", List.of("AML")))
                        .post("/subscriptions").then().statusCode(201)
                        .body("amlView", org.hamcrest.Matchers.equalTo(full(role) ? "FULL" : "RESTRICTED"));
                SseClient sse = SseClient.open(stream, token(role, firm));
                listeners.put(role, sse);
                assertThat(sse.next(e -> e.name().equals("ready"), WAIT)).isNotNull();
            }

            AlertEvents.send(EventTypes.ALERT_RAISED, firm, AlertEvents.raised(alertId, firm, "AML", "HIGH",
                    "Structuring by customer C-4242: 3 transfers just under USD 1,000 (urn:tx/T-991)", null,
                    "/cases/CASE-77/str-draft").replace("\"causedBy\":[\"urn:firm/1\"]", "\"causedBy\":[\"urn:tx/T-991\"]")
                    .replace("\"capitalResources\":\"240000.00\"", "\"customerId\":\"C-4242\""));
            AlertEvents.send(EventTypes.ALERT_RESOLVED, firm, AlertEvents.resolved(alertId, firm,
                    "Case CASE-77 closed: STR filed with the FIU"));
            await().atMost(WAIT).until(() -> "RESOLVED".equals(given().header("Authorization", token(Roles.ADMIN, firm))
                    .get("/alerts/{id}", alertId).jsonPath().getString("status")));

            for (String role : ROLES) {
                String token = token(role, firm);
                check(role, "REST one", JSON.readTree(given().header("Authorization", token).get("/alerts/{id}", alertId)
                        .then().statusCode(200).extract().asString()), true);
                JsonNode page = JSON.readTree(given().header("Authorization", token).queryParam("firmId", firm)
                        .get("/alerts").then().statusCode(200).extract().asString());
                assertThat(page.path("items")).hasSize(1);
                check(role, "REST list", page.path("items").get(0), true);

                SseClient sse = listeners.get(role);
                SseClient.Event raised = sse.next(e -> e.data().contains(alertId) && e.data().contains("\"RAISED\""), WAIT);
                SseClient.Event resolved = sse.next(e -> e.data().contains(alertId) && e.data().contains("\"RESOLVED\""), WAIT);
                assertThat(raised).as(role + " SSE raised").isNotNull();
                assertThat(resolved).as(role + " SSE resolved").isNotNull();
                check(role, "SSE raised", JSON.readTree(raised.data()).path("alert"), false);
                check(role, "SSE resolved", JSON.readTree(resolved.data()).path("alert"), true);

                await().atMost(WAIT).until(() -> hooks.getOrDefault(role, List.of()).size() >= 2);
                List<JsonNode> bodies = hooks.get(role);
                check(role, "webhook raised", body(bodies, "RAISED"), false);
                check(role, "webhook resolved", body(bodies, "RESOLVED"), true);
            }
        } finally {
            listeners.values().forEach(SseClient::close);
            receiver.stop(0);
        }
    }

    @Test
    void shouldShowTheComplianceOfficerAlertsOfOtherDutiesInFull() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String alertId = AlertEvents.newAlertId("CAP-001", firm);
        AlertEvents.raise(alertId, firm, "HIGH");
        await().atMost(WAIT).until(() -> given().header("Authorization", token(Roles.COMPLIANCE_OFFICER, firm))
                .get("/alerts/{id}", alertId).statusCode() == 200);
        given().header("Authorization", token(Roles.COMPLIANCE_OFFICER, firm)).get("/alerts/{id}", alertId).then()
                .body("detail", org.hamcrest.Matchers.equalTo("Capital below requirement"))
                .body("evidence.requirement", org.hamcrest.Matchers.equalTo("250000.00"))
                .body("links.report", org.hamcrest.Matchers.notNullValue())
                .body("linksWithheld", org.hamcrest.Matchers.equalTo(false))
                .body("withheld", org.hamcrest.Matchers.empty());
    }

    /** Asserts the view of one alert as {@code role} got it on one channel. */
    private static void check(String role, String channel, JsonNode alert, boolean resolved) {
        String as = role + " on " + channel;
        assertThat(alert.path("ruleId").asText()).as(as).isEqualTo("AML-005");
        assertThat(alert.path("severity").asText()).as(as).isEqualTo("HIGH");
        assertThat(alert.path("title").asText()).as(as).isNotEmpty();
        assertThat(alert.path("firmId").asText()).as(as).isNotEmpty();
        assertThat(alert.path("detectedAt").asText()).as(as).isNotEmpty();
        assertThat(alert.path("status").asText()).as(as).isEqualTo(resolved ? "RESOLVED" : "OPEN");
        if (full(role)) {
            assertThat(alert.path("detail").asText()).as(as).contains("C-4242");
            assertThat(alert.path("evidence").path("customerId").asText()).as(as).isEqualTo("C-4242");
            assertThat(alert.path("causedBy").get(0).asText()).as(as).isEqualTo("urn:tx/T-991");
            assertThat(alert.path("links").path("report").asText()).as(as).isEqualTo("/cases/CASE-77/str-draft");
            assertThat(alert.path("linksWithheld").asBoolean()).as(as).isFalse();
            assertThat(alert.path("withheld")).as(as).isEmpty();
            if (resolved) {
                assertThat(alert.path("resolutionReason").asText()).as(as).contains("STR filed");
            }
        } else {
            assertThat(alert.path("detail").isNull()).as(as).isTrue();
            assertThat(alert.path("evidence").isNull()).as(as).isTrue();
            assertThat(alert.path("causedBy")).as(as).isEmpty();
            assertThat(alert.path("links")).as(as).isEmpty();
            assertThat(alert.path("linksWithheld").asBoolean()).as(as).isTrue();
            assertThat(alert.path("withheld").toString()).as(as)
                    .isEqualTo("[\"detail\",\"evidence\",\"causedBy\",\"links\",\"resolutionReason\"]");
            if (resolved) {
                assertThat(alert.path("resolutionReason").asText()).as(as).isEqualTo(AlertView.NEUTRAL_RESOLUTION);
            }
            assertThat(alert.toString()).as(as).doesNotContain(SECRETS);
        }
    }

    private static JsonNode body(List<JsonNode> bodies, String change) {
        return bodies.stream().filter(b -> change.equals(b.path("change").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + change + " delivery")).path("alert");
    }

    private static boolean full(String role) {
        return !Roles.COMPLIANCE_OFFICER.equals(role);
    }

    private static String token(String role, String firm) {
        return Roles.REGULATOR.equals(role) || Roles.ADMIN.equals(role) ? TestTokens.bearer(role)
                : TestTokens.bearer(role, firm);
    }
}
