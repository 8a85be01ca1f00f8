package kz.aifc.aml.api;

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
        initArgs = @ResourceArg(name = "database", value = "aifc_aml_test"))
class OpenApiDocumentTest {

    @Test
    void shouldDescribeEveryJsonBodyWithANamedSchema() {
        JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();

        assertThat(doc.getString(response("/firms/{firmId}/cases", "get", "200") + ".items.'$ref'"))
                .isEqualTo("#/components/schemas/CaseView");
        assertThat(body(doc, "/cases/{caseId}", "get", "200")).isEqualTo("#/components/schemas/CaseView");
        assertThat(body(doc, "/cases/{caseId}/decision", "post", "200")).isEqualTo("#/components/schemas/CaseView");
        assertThat(doc.getString("paths.'/cases/{caseId}/decision'.post.requestBody.content.'application/json'"
                + ".schema.'$ref'")).isEqualTo("#/components/schemas/Decision");
        assertThat(body(doc, "/cases/{caseId}/str-draft", "get", "200")).isEqualTo("#/components/schemas/StrDraft");
        assertThat(body(doc, "/firms/{firmId}/reports/threshold", "get", "200"))
                .isEqualTo("#/components/schemas/ThresholdDraft");
        assertThat(body(doc, "/firms/{firmId}/reports/annual-aml-return", "get", "200"))
                .isEqualTo("#/components/schemas/AnnualReturnDraft");

        assertThat(properties(doc, "CaseView")).containsKeys("caseId", "firmId", "customerId", "status", "openedAt",
                "updatedAt", "ruleIds", "transactionIds", "overdueAlertId", "decidedAt", "decidedBy",
                "decisionReasons", "findings");
        assertThat(properties(doc, "FindingView")).containsKeys("alertId", "ruleId", "detectedAt", "detail",
                "transactionIds", "evidence");
        assertThat(properties(doc, "Decision")).containsKeys("decision", "reasons");
        assertThat(properties(doc, "StrDraft")).containsKeys("caseId", "status", "legalBasis", "filingNotes",
                "reportingSubject", "operations", "participants", "suspicionIndicators", "additionalInformation",
                "renderings", "afsaNotice");
        assertThat(properties(doc, "StrOperation")).containsKeys("transactionId", "occurredAt", "direction", "asset",
                "amount", "amountUsd", "amountKzt", "customer", "counterparty");
        assertThat(properties(doc, "StrCustomer")).containsKeys("id", "type", "residency", "riskRating", "pep",
                "eddCompleted", "retailClient", "knowledgeTestPassed");
        assertThat(properties(doc, "StrCounterparty")).containsKeys("name", "wallet", "vaspId", "selfHosted",
                "ownershipVerified", "vaspDueDiligenceCompleted", "jurisdiction", "offshore");
        assertThat(properties(doc, "SuspicionIndicator")).containsKeys("ruleId", "citation", "detectedAt", "facts",
                "transactionIds");
        assertThat(properties(doc, "Renderings")).containsKeys("ru", "kk", "en");
        assertThat(properties(doc, "StrRendering")).containsKeys("title", "headings", "indicators");
        assertThat(properties(doc, "AfsaNotice")).containsKeys("to", "basis", "text");
        assertThat(properties(doc, "ThresholdDraft")).containsKeys("firmId", "dueOn", "legalBasis", "filingNotes",
                "reports");
        assertThat(properties(doc, "ThresholdOperation")).containsKeys("alertId", "operation", "evidence", "dueBy",
                "deadlineBasis", "causedBy");
        assertThat(properties(doc, "AnnualReturnDraft")).containsKeys("firmId", "year", "period", "status", "dueBy",
                "dueByBasis", "legalBasis", "rulebookVersion", "figures", "toComplete", "notes");
        assertThat(properties(doc, "AnnualFigures")).containsKeys("strsFiled", "eddClients", "totalClients",
                "clientsFromHighRiskJurisdictions");
        assertThat(properties(doc, "AnnualFigure")).containsKeys("label", "value", "source", "confidence",
                "derivation", "listConfidence", "byCountry");
        assertThat(properties(doc, "ToCompleteItem")).containsKeys("key", "label", "source", "why");
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
