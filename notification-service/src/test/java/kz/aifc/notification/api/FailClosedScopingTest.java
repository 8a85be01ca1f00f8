package kz.aifc.notification.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

/**
 * A firm-scoped role whose token lacks {@code firm_id} sees nothing: the alert desk used to read "no firm" as "every
 * firm" (the regulator's view) on REST and on the live stream. Now such a token is refused (403) everywhere.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
class FailClosedScopingTest {

    @Test
    @DisplayName("alerts, one alert, its timeline, the export, the live stream and subscriptions: 403 for a firm-scoped token without firm_id")
    void shouldRefuseAFirmScopedTokenWithoutAFirmOnEveryChannel() {
        for (String role : new String[] {Roles.COMPLIANCE_OFFICER, Roles.MLRO}) {
            String token = TestTokens.bearerWithoutFirmClaim(role);
            for (String path : new String[] {"/alerts", "/alerts/stream", "/alerts/CAP-001:F-0001:2026-11-20",
                "/subscriptions", "/alerts/export", "/alerts/CAP-001:F-0001:2026-11-20/timeline"}) {
                given().header("Authorization", token).get(path).then().statusCode(403)
                        .contentType("application/problem+json")
                        .body("detail", equalTo("a firm-scoped role needs the firm_id claim naming its firm"));
            }
        }
    }

    @Test
    @DisplayName("the same role with its firm_id still reads its own firm's alerts")
    void shouldStillServeAFirmScopedTokenWithItsFirm() {
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, "F-0001")).get("/alerts")
                .then().statusCode(200);
    }
}
