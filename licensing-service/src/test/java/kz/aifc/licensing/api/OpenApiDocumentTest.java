package kz.aifc.licensing.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.aifc.testing.LocalStackResource;

/** The OpenAPI document describes every JSON body of the API, field by field, so clients can be generated from it. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_licensing_test"))
class OpenApiDocumentTest {

    @Test
    void shouldDescribeEveryJsonBodyWithANamedSchema() {
        JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();

        assertThat(body(doc, "/firms/{firmId}/licence", "get", "200")).isEqualTo("#/components/schemas/LicenceView");
        assertThat(body(doc, "/licences", "post", "201")).isEqualTo("#/components/schemas/LicenceView");
        assertThat(body(doc, "/licences/{firmId}", "put", "200")).isEqualTo("#/components/schemas/LicenceView");
        assertThat(body(doc, "/firms/{firmId}/fit-and-proper", "get", "200"))
                .isEqualTo("#/components/schemas/FitAndProperView");
        assertThat(doc.getString(response("/firms/{firmId}/notifications", "get", "200") + ".items.'$ref'"))
                .isEqualTo("#/components/schemas/NotificationSummary");
        assertThat(body(doc, "/firms/{firmId}/notifications/{id}", "get", "200"))
                .isEqualTo("#/components/schemas/NotificationView");

        assertThat(properties(doc, "FitAndProperView")).containsKeys("firmId", "licence", "rulebookVersion",
                "monitored", "staffReported", "mandatoryRoles", "people", "disclosures", "controllers", "openFindings");
        assertThat(properties(doc, "MandatoryRoleView")).containsKeys("role", "citation", "requiresApproval",
                "holders", "vacant", "alertId", "vacantSince", "deadline", "deadlineConfidence", "deadlineBasis",
                "report");
        assertThat(properties(doc, "ControllerView")).containsKeys("controllerId", "holdingPct", "afsaApproval",
                "sourceOfWealthEvidence", "thresholdsCrossedWithoutApproval", "effectiveDate");
        assertThat(properties(doc, "NotificationSummary")).containsKeys("id", "kind", "subject", "ruleId",
                "severity", "detectedAt", "regulatoryDeadline", "alertStatus", "href");
        assertThat(properties(doc, "NotificationView")).containsKeys("id", "status", "banner", "kind", "firmId",
                "subject", "ruleId", "citation", "severity", "regulatoryDeadline", "facts", "statement", "causedBy",
                "alertStatus");
    }

    private static String response(String path, String method, String status) {
        return "paths.'" + path + "'." + method + ".responses.'" + status + "'.content.'application/json'.schema";
    }

    private static String body(JsonPath doc, String path, String method, String status) {
        return doc.getString(response(path, method, status) + ".'$ref'");
    }

    private static Map<String, Object> properties(JsonPath doc, String schema) {
        return doc.getMap("components.schemas." + schema + ".properties");
    }
}
