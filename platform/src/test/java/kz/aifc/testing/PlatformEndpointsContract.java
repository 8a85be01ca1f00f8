package kz.aifc.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import org.junit.jupiter.api.Test;

import kz.aifc.platform.security.Roles;

/**
 * What every service answers the same way, inherited by one {@code @QuarkusTest} per service: health with Kafka and
 * the database ready, OpenAPI, metrics, the rulebook behind a token, and problem+json for 401 and 404.
 */
public abstract class PlatformEndpointsContract {

    private final String service;

    protected PlatformEndpointsContract(String service) {
        this.service = service;
    }

    @Test
    void shouldServeHealthRulebookOpenApiAndMetrics() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        // The same shape at every service: each rule with its citation, confidence and effective dates.
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).get("/rulebook")
                .then().statusCode(200).body("service", equalTo(service))
                .body("version", not(emptyOrNullString()))
                .body("rules", not(empty()))
                .body("rules.id", everyItem(not(emptyOrNullString())))
                .body("rules.citation", everyItem(not(emptyOrNullString())))
                .body("rules.effectiveFrom", everyItem(matchesPattern("\\d{4}-\\d{2}-\\d{2}")))
                .body("rules.confidence", everyItem(is(oneOf("verified", "secondary", "unverified", "internal"))));
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void shouldAnswerProblemJson401WithoutAToken() {
        given().get("/rulebook").then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void shouldAnswerProblemJsonForAnUnknownPath() {
        given().get("/no-such-thing").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
