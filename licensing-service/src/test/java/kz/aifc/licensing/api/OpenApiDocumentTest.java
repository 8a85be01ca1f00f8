package kz.aifc.licensing.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.OpenApiDocument;

/** The OpenAPI document describes every JSON body of the API, field by field, so clients can be generated from it. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_licensing_test"))
class OpenApiDocumentTest {

    @Test
    void shouldDescribeEveryJsonBodyWithANamedSchema() {
        OpenApiDocument doc = OpenApiDocument.fetch();

        assertThat(doc.responseRef("/firms/{firmId}/licence", "get", "200"))
                .isEqualTo("#/components/schemas/LicenceView");
        assertThat(doc.responseRef("/licences", "post", "201")).isEqualTo("#/components/schemas/LicenceView");
        assertThat(doc.responseRef("/licences/{firmId}", "put", "200")).isEqualTo("#/components/schemas/LicenceView");
        assertThat(doc.responseRef("/firms/{firmId}/fit-and-proper", "get", "200"))
                .isEqualTo("#/components/schemas/FitAndProperView");
        assertThat(doc.responseItemsRef("/firms/{firmId}/notifications", "get", "200"))
                .isEqualTo("#/components/schemas/NotificationSummary");
        assertThat(doc.responseRef("/firms/{firmId}/notifications/{id}", "get", "200"))
                .isEqualTo("#/components/schemas/NotificationView");

        assertThat(doc.properties("FitAndProperView")).containsKeys("firmId", "licence", "rulebookVersion",
                "monitored", "staffReported", "mandatoryRoles", "people", "disclosures", "controllers", "openFindings");
        assertThat(doc.properties("MandatoryRoleView")).containsKeys("role", "citation", "requiresApproval",
                "holders", "vacant", "alertId", "vacantSince", "deadline", "deadlineConfidence", "deadlineBasis",
                "report");
        assertThat(doc.properties("ControllerView")).containsKeys("controllerId", "holdingPct", "afsaApproval",
                "sourceOfWealthEvidence", "thresholdsCrossedWithoutApproval", "effectiveDate");
        assertThat(doc.properties("NotificationSummary")).containsKeys("id", "kind", "subject", "ruleId",
                "severity", "detectedAt", "regulatoryDeadline", "alertStatus", "href");
        assertThat(doc.properties("NotificationView")).containsKeys("id", "status", "banner", "kind", "firmId",
                "subject", "ruleId", "citation", "severity", "regulatoryDeadline", "facts", "statement", "causedBy",
                "alertStatus", "labelledFacts");
    }
}
