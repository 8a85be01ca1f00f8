package kz.aifc.notification.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

/** A NUL in an alert id or a filter is a 400 naming the parameter, never a 500 from PostgreSQL. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
class HostileInputTest {

    @Test
    void shouldAnswer400NamingTheAlertIdWhenItHoldsANul() {
        given().urlEncodingEnabled(false).header("Authorization", TestTokens.bearer(Roles.REGULATOR))
                .get("/alerts/CAP-001%00").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("alertId"));
        given().urlEncodingEnabled(false).header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .post("/alerts/CAP-001%00/acknowledge").then().statusCode(400)
                .body("errors[0].field", equalTo("alertId"));
    }

    @Test
    void shouldAnswer400NamingTheFilterWhenItHoldsANul() {
        given().urlEncodingEnabled(false).header("Authorization", TestTokens.bearer(Roles.REGULATOR))
                .get("/alerts?firmId=F%00").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("firmId"));
    }
}
