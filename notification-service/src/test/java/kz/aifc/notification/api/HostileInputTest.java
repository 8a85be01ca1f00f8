package kz.aifc.notification.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

/**
 * Hostile input is a 400 naming the parameter, never a 500 or a 404: a NUL in an alert id or a filter, paging
 * parameters that are no whole number in range, absurd filter values (#15.5).
 */
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
    void shouldAnswer400NamingThePagingParameterWhenItIsNotANumberInRange() {
        String[][] cases = {{"page", "x"}, {"page", "-1"}, {"page", "1.5"}, {"page", "99999999999"}, {"page", "100001"},
            {"size", "abc"}, {"size", "0"}, {"size", "-5"}, {"size", "501"}, {"size", "1e3"}};
        for (String[] c : cases) {
            String body = given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).queryParam(c[0], c[1])
                    .get("/alerts").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(c[0])).extract().asString();
            assertThat(body).as(c[0] + "=" + c[1]).doesNotContain("java.").doesNotContain("kz.aifc");
        }
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).queryParam("page", "2").queryParam("size", "500")
                .get("/alerts").then().statusCode(200).body("page", equalTo(2)).body("size", equalTo(500));
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR))
                .get("/subscriptions/{id}/deliveries?limit=lots", java.util.UUID.randomUUID().toString()).then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void shouldAnswer400NamingTheFilterWhenItsValuesAreAbsurd() {
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).queryParam("firmId", "F".repeat(200))
                .get("/alerts").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("firmId"));
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR))
                .queryParam("firmId", String.join(",", java.util.Collections.nCopies(101, "F-0001")))
                .get("/alerts").then().statusCode(400).body("errors[0].field", equalTo("firmId"));
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).queryParam("status", "OPEN' OR 1=1 --")
                .get("/alerts").then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void shouldAnswer400NamingTheFilterWhenItHoldsANul() {
        given().urlEncodingEnabled(false).header("Authorization", TestTokens.bearer(Roles.REGULATOR))
                .get("/alerts?firmId=F%00").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("firmId"));
    }
}
