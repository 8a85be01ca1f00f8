package kz.aifc.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

/** Firm scoping (contract/README.md §3) through a REST resource guarded by FirmAccess. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_platform_test"))
class FirmAccessFlowTest {

    @Test
    @DisplayName("a compliance officer of F-1 reads and changes F-1's data and is refused F-2's with a 403 problem")
    void shouldRefuseAFirmScopedRoleAnotherFirmsData() {
        String officer = TestTokens.bearer(Roles.COMPLIANCE_OFFICER, "F-1");

        read(officer, "F-1").statusCode(200).body("firmId", equalTo("F-1"));
        write(officer, "F-1").statusCode(200);
        read(officer, "F-2").statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403)).body("detail", containsString("F-1"));
        write(officer, "F-2").statusCode(403).contentType("application/problem+json");
    }

    @Test
    @DisplayName("every firm-scoped role is held to its own firm")
    void shouldHoldEveryFirmScopedRoleToItsOwnFirm() {
        for (String role : Roles.FIRM_SCOPED) {
            read(TestTokens.bearer(role, "F-7"), "F-7").statusCode(200);
            read(TestTokens.bearer(role, "F-7"), "F-8").statusCode(403);
        }
    }

    @Test
    @DisplayName("the regulator reads every firm and changes none")
    void shouldLetTheRegulatorReadEveryFirmButWriteNone() {
        String regulator = TestTokens.bearer(Roles.REGULATOR);

        read(regulator, "F-1").statusCode(200).body("firmId", equalTo("F-1"));
        read(regulator, "F-2").statusCode(200).body("firmId", equalTo("F-2"));
        write(regulator, "F-1").statusCode(403).contentType("application/problem+json");
    }

    @Test
    @DisplayName("an admin reads and changes any firm")
    void shouldLetAnAdminReadAndWriteAnyFirm() {
        String admin = TestTokens.bearer(Roles.ADMIN);

        read(admin, "F-2").statusCode(200);
        write(admin, "F-2").statusCode(200).body("access", equalTo("write"));
    }

    @Test
    @DisplayName("a firm-scoped role without a firm_id claim is refused outright, whatever firm it asks for")
    void shouldRefuseAFirmScopedRoleWithoutAFirmClaim() {
        for (String role : Roles.FIRM_SCOPED) {
            read(TestTokens.bearerWithoutFirmClaim(role), "F-1").statusCode(403).contentType("application/problem+json")
                    .body("detail", equalTo("a firm-scoped role needs the firm_id claim naming its firm"));
        }
    }

    @Test
    @DisplayName("no token is a 401 problem")
    void shouldAnswer401WithoutAToken() {
        given().get("/test/firms/F-1/records").then().statusCode(401).contentType("application/problem+json");
    }

    private static ValidatableResponse read(String bearer, String firm) {
        return given().header("Authorization", bearer).get("/test/firms/{firm}/records", firm).then();
    }

    private static ValidatableResponse write(String bearer, String firm) {
        return given().header("Authorization", bearer).put("/test/firms/{firm}/records", firm).then();
    }
}
