package kz.aifc.capital.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

/** A control character in a path id or a query is a 400 naming the parameter, never a 500 from the database. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_capital_test"))
class HostileInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"%00", "%01", "%0A", "%7F", "%C2%85"})
    void shouldAnswer400NamingThePathIdWhenItHoldsAControlCharacter(String control) {
        given().urlEncodingEnabled(false).header("Authorization", TestTokens.bearer(Roles.REGULATOR))
                .get("/firms/F" + control + "X/capital")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("firmId"))
                .body("detail", equalTo("firmId: control characters are not allowed"))
                .body("detail", not(containsString("kz.aifc")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%00", "%1B"})
    void shouldAnswer400NamingTheQueryParameterWhenItHoldsAControlCharacter(String control) {
        given().urlEncodingEnabled(false).header("Authorization", TestTokens.bearer(Roles.REGULATOR))
                .get("/firms/F-0001/reports/quarterly?quarter=2026-Q3" + control)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("quarter"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-Q1", "1000-Q4", "9999-Q2"})
    void shouldAnswer400NamingTheQuarterWhenItsYearIsAbsurd(String quarter) {
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR))
                .get("/firms/F-0001/reports/quarterly?quarter=" + quarter)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("quarter"))
                .body("detail", containsString("must fall within the years"));
    }
}
