package kz.aifc.notification.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

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
 * No existence oracle (#15.4): asking for another firm's alert or subscription answers byte for byte what asking for
 * one that does not exist answers, so a firm cannot learn which ids exist elsewhere nor whose they are.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
class NoExistenceOracleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void shouldAnswerAnotherFirmsAlertExactlyLikeAnUnknownOneOnReadTimelineAcknowledgeAndResolve() {
        String owner = newFirm();
        String alertId = AlertEvents.newAlertId("AML-005", owner);
        AlertEvents.raise(alertId, owner, "HIGH");
        await().atMost(WAIT).until(() -> given().header("Authorization", TestTokens.bearer(Roles.REGULATOR))
                .get("/alerts/{id}", alertId).statusCode() == 200);
        String unknownId = AlertEvents.newAlertId("AML-005", owner);

        for (String role : List.of(Roles.COMPLIANCE_OFFICER, Roles.MLRO)) {
            String stranger = TestTokens.bearer(role, newFirm());
            Map<String, Function<String, Response>> calls = Map.of(
                    "read", id -> given().header("Authorization", stranger).get("/alerts/{id}", id),
                    "timeline", id -> given().header("Authorization", stranger).get("/alerts/{id}/timeline", id),
                    "acknowledge", id -> given().header("Authorization", stranger).post("/alerts/{id}/acknowledge", id),
                    "resolve", id -> given().header("Authorization", stranger).contentType(ContentType.JSON)
                            .body(Map.of("reason", "probing")).post("/alerts/{id}/resolve", id));
            calls.forEach((what, call) -> {
                Response foreign = call.apply(alertId);
                Response unknown = call.apply(unknownId);
                assertThat(foreign.statusCode()).as(role + " " + what).isEqualTo(404).isEqualTo(unknown.statusCode());
                assertThat(foreign.contentType()).isEqualTo(unknown.contentType()).startsWith("application/problem+json");
                assertThat(foreign.asString()).as(role + " " + what).isEqualTo(unknown.asString())
                        .doesNotContain(owner).doesNotContain(alertId);
            });
        }
        // The probing changed nothing.
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).get("/alerts/{id}", alertId).then()
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("OPEN"));
    }

    @Test
    void shouldAnswerAnotherFirmsSubscriptionLogExactlyLikeAnUnknownOne() {
        String owner = newFirm();
        String subscription = given().header("Authorization", TestTokens.bearer(Roles.MLRO, owner))
                .contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:9/hook"))
                .post("/subscriptions").then().statusCode(201).extract().path("id");
        String stranger = TestTokens.bearer(Roles.COMPLIANCE_OFFICER, newFirm());
        Response foreign = given().header("Authorization", stranger).get("/subscriptions/{id}/deliveries", subscription);
        Response unknown = given().header("Authorization", stranger)
                .get("/subscriptions/{id}/deliveries", UUID.randomUUID().toString());
        assertThat(foreign.statusCode()).isEqualTo(404).isEqualTo(unknown.statusCode());
        assertThat(foreign.asString()).isEqualTo(unknown.asString()).doesNotContain(owner).doesNotContain(subscription);
    }

    private static String newFirm() {
        return "F-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
