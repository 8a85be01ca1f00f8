package kz.aifc.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

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
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).get("/rulebook")
                .then().statusCode(200).body("service", equalTo(service));
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
