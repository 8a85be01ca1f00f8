package kz.aifc.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import kz.aifc.contract.EventTypes;
import kz.aifc.notification.AlertEvents;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

/** GET /alerts/stream over a real HTTP connection: firm scoping, lifecycle changes and escalations. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
class AlertStreamFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/alerts/stream")
    URI stream;

    @Test
    void shouldStreamEachNewAndChangedAlertToListenersOfItsFirmOnly() throws Exception {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String alertId = AlertEvents.newAlertId("CAP-001", firm);
        try (SseClient own = SseClient.open(stream, TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm));
                SseClient other = SseClient.open(stream, TestTokens.bearer(Roles.COMPLIANCE_OFFICER, "F-ELSEWHERE"));
                SseClient regulator = SseClient.open(stream, TestTokens.bearer(Roles.REGULATOR))) {
            assertThat(own.next(e -> e.name().equals("ready"), WAIT)).as("ready event").isNotNull();
            assertThat(other.next(e -> e.name().equals("ready"), WAIT)).isNotNull();
            assertThat(regulator.next(e -> e.name().equals("ready"), WAIT)).isNotNull();

            AlertEvents.raise(alertId, firm, "HIGH");
            JsonNode raised = data(own.next(e -> e.data().contains(alertId), WAIT));
            assertThat(raised.path("change").asText()).isEqualTo("RAISED");
            assertThat(raised.path("alert").path("status").asText()).isEqualTo("OPEN");
            assertThat(regulator.next(e -> e.data().contains(alertId), WAIT)).isNotNull();

            RestAssured.given().header("Authorization", TestTokens.bearer(Roles.MLRO, firm))
                    .post("/alerts/{id}/acknowledge", alertId).then().statusCode(200);
            JsonNode acked = data(own.next(e -> e.data().contains(alertId) && e.data().contains("ACKNOWLEDGED"), WAIT));
            assertThat(acked.path("alert").path("acknowledgedBy").asText()).isEqualTo("mlro@" + firm);
            assertThat(acked.path("alert").path("version").asLong()).isGreaterThan(raised.path("alert").path("version").asLong());

            AlertEvents.send(EventTypes.ALERT_RESOLVED, firm, AlertEvents.resolved(alertId, firm, "cured"));
            assertThat(own.next(e -> e.data().contains(alertId) && e.data().contains("\"RESOLVED\""), WAIT)).isNotNull();

            assertThat(other.next(e -> e.data().contains(alertId), Duration.ofSeconds(1)))
                    .as("another firm's listener sees nothing of it").isNull();
        }
    }

    @Test
    void shouldStreamTheEscalationOfACriticalAlertNobodyAcknowledged() throws Exception {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String alertId = AlertEvents.newAlertId("AML-001", firm);
        try (SseClient mlro = SseClient.open(stream, TestTokens.bearer(Roles.MLRO, firm))) {
            assertThat(mlro.next(e -> e.name().equals("ready"), WAIT)).isNotNull();
            AlertEvents.raise(alertId, firm, "CRITICAL");
            // The test profile escalates an unacknowledged CRITICAL after 3 s (ESC-001 overridden).
            JsonNode escalated = data(mlro.next(e -> e.data().contains(alertId) && e.data().contains("\"ESCALATED\""), WAIT));
            assertThat(escalated.path("alert").path("escalationReason").asText()).isEqualTo("CRITICAL_UNACKNOWLEDGED");
            assertThat(escalated.path("alert").path("status").asText()).isEqualTo("OPEN");
        }
    }

    @Test
    void shouldRefuseTheStreamWithoutATokenOrToAFirmReporter() {
        try (SseClient none = SseClient.open(stream, "Bearer not-a-token")) {
            assertThat(none.status()).isEqualTo(401);
        }
        try (SseClient reporter = SseClient.open(stream, TestTokens.bearer(Roles.FIRM_REPORTER, "F-0001"))) {
            assertThat(reporter.status()).isEqualTo(403);
        }
    }

    private static JsonNode data(SseClient.Event event) throws Exception {
        assertThat(event).as("event within " + WAIT).isNotNull();
        return JSON.readTree(event.data());
    }
}
