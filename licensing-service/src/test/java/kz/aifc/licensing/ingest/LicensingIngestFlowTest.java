package kz.aifc.licensing.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.events.EventTypes;
import kz.aifc.events.Topics;
import kz.aifc.testing.IngestFlow;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_licensing_test"))
class LicensingIngestFlowTest {

    private static final String STAFF = """
            {"firmId":"F-0001","personId":"P-7","fullName":"Aigerim Example","change":"APPOINTED","roles":["MLRO"],
             "afsaApproval":"APPROVED","residentInKazakhstan":true,"seniority":"SENIOR_MANAGER","disclosure":null,
             "effectiveDate":"2026-11-20"}""";

    private static final String CONTROLLER = """
            {"firmId":"F-0001","controllerId":"K-3","name":"Steppe Holdings","type":"LEGAL","previousHoldingPct":"8.0",
             "newHoldingPct":"12.5","afsaApproval":"NONE","sourceOfWealthEvidence":false,"effectiveDate":"2026-11-20"}""";

    @Inject
    DataSource db;

    @Test
    void shouldParkStaffChangeWithUnknownRoleOnDlqAndApplyTheNextOneOnce() {
        IngestFlow.assertMalformedParkedAndNextApplied(db, Topics.STAFF_CHANGES, EventTypes.STAFF_CHANGE, "F-0001",
                STAFF.replace("[\"MLRO\"]", "[\"CHIEF_VIBES_OFFICER\"]"), "roles", STAFF);
    }

    @Test
    void shouldParkControllerChangeWithoutFirmOnDlqAndApplyTheNextOneOnce() {
        IngestFlow.assertMalformedParkedAndNextApplied(db, Topics.CONTROLLER_CHANGES, EventTypes.CONTROLLER_CHANGE,
                "F-0001", CONTROLLER.replace("\"firmId\":\"F-0001\",", ""), "firmId", CONTROLLER);
    }

    @Test
    void shouldServeHealthRulebookOpenApiAndMetrics() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).get("/rulebook").then().statusCode(200).body("service", equalTo("licensing-service"));
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
