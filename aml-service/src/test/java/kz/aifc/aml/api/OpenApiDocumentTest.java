package kz.aifc.aml.api;

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
        initArgs = @ResourceArg(name = "database", value = "aifc_aml_test"))
class OpenApiDocumentTest {

    @Test
    void shouldDescribeEveryJsonBodyWithANamedSchema() {
        OpenApiDocument doc = OpenApiDocument.fetch();

        assertThat(doc.responseItemsRef("/firms/{firmId}/cases", "get", "200"))
                .isEqualTo("#/components/schemas/CaseView");
        assertThat(doc.responseRef("/cases/{caseId}", "get", "200")).isEqualTo("#/components/schemas/CaseView");
        assertThat(doc.responseRef("/cases/{caseId}/decision", "post", "200"))
                .isEqualTo("#/components/schemas/CaseView");
        assertThat(doc.requestRef("/cases/{caseId}/decision", "post")).isEqualTo("#/components/schemas/Decision");
        assertThat(doc.responseRef("/cases/{caseId}/str-draft", "get", "200"))
                .isEqualTo("#/components/schemas/StrDraft");
        assertThat(doc.responseRef("/firms/{firmId}/reports/threshold", "get", "200"))
                .isEqualTo("#/components/schemas/ThresholdDraft");
        assertThat(doc.responseRef("/firms/{firmId}/reports/annual-aml-return", "get", "200"))
                .isEqualTo("#/components/schemas/AnnualReturnDraft");

        assertThat(doc.properties("CaseView")).containsKeys("caseId", "firmId", "customerId", "status", "openedAt",
                "updatedAt", "ruleIds", "transactionIds", "overdueAlertId", "decidedAt", "decidedBy",
                "decisionReasons", "findings", "decisionDueAt", "overdue", "amountUsd", "rules", "transactions",
                "timeline");
        assertThat(doc.properties("CaseTransaction")).containsKeys("transactionId", "occurredAt", "direction",
                "asset", "amount", "amountUsd", "amountKzt", "counterparty");
        assertThat(doc.properties("TimelineEntry")).containsKeys("at", "event", "actor", "ruleId", "reasons",
                "reference");
        assertThat(doc.properties("RuleRef")).containsKeys("ruleId", "title", "citation");
        assertThat(doc.responseRef("/cases/{caseId}/afsa-notice", "get", "200"))
                .isEqualTo("#/components/schemas/NoticeRendering");
        assertThat(doc.properties("NoticeRendering")).containsKeys("lang", "title", "text", "labelledFacts");
        assertThat(doc.properties("Fact")).containsKeys("key", "label", "text");
        assertThat(doc.properties("FindingView")).containsKeys("alertId", "ruleId", "detectedAt", "detail",
                "transactionIds", "evidence");
        assertThat(doc.properties("Decision")).containsKeys("decision", "reasons");
        assertThat(doc.properties("StrDraft")).containsKeys("caseId", "status", "legalBasis", "filingNotes",
                "reportingSubject", "operations", "participants", "suspicionIndicators", "additionalInformation",
                "renderings", "afsaNotice");
        assertThat(doc.properties("StrOperation")).containsKeys("transactionId", "occurredAt", "direction", "asset",
                "amount", "amountUsd", "amountKzt", "customer", "counterparty");
        assertThat(doc.properties("StrCustomer")).containsKeys("id", "type", "residency", "riskRating", "pep",
                "eddCompleted", "retailClient", "knowledgeTestPassed");
        assertThat(doc.properties("StrCounterparty")).containsKeys("name", "wallet", "vaspId", "selfHosted",
                "ownershipVerified", "vaspDueDiligenceCompleted", "jurisdiction", "offshore");
        assertThat(doc.properties("SuspicionIndicator")).containsKeys("ruleId", "citation", "detectedAt", "facts",
                "transactionIds");
        assertThat(doc.properties("Renderings")).containsKeys("ru", "kk", "en");
        assertThat(doc.properties("StrRendering")).containsKeys("title", "headings", "indicators", "operations",
                "customer", "counterparties", "afsaNotice");
        assertThat(doc.properties("RenderedIndicator")).containsKeys("ruleId", "indicator", "detected",
                "labelledFacts");
        assertThat(doc.properties("AfsaNotice")).containsKeys("to", "basis", "text", "datfOperatorBasis");
        assertThat(doc.properties("NoticeAlert")).containsKeys("alertId", "ruleId", "title", "citation", "severity",
                "firmId", "caseId", "raisedAt", "regulatoryDeadline", "deadlineBasis", "status", "overdue", "sentAt",
                "sentBy", "reference", "links", "labelledFacts");
        assertThat(doc.properties("NoticeSent")).containsKeys("reference");
        assertThat(doc.properties("ThresholdDraft")).containsKeys("firmId", "dueOn", "legalBasis", "filingNotes",
                "reports");
        assertThat(doc.properties("ThresholdOperation")).containsKeys("alertId", "operation", "evidence", "dueBy",
                "deadlineBasis", "causedBy", "labelledFacts");
        assertThat(doc.properties("AnnualReturnDraft")).containsKeys("firmId", "year", "period", "status", "dueBy",
                "dueByBasis", "legalBasis", "rulebookVersion", "figures", "toComplete", "notes");
        assertThat(doc.properties("AnnualFigures")).containsKeys("strsFiled", "eddClients", "totalClients",
                "clientsFromHighRiskJurisdictions");
        assertThat(doc.properties("AnnualFigure")).containsKeys("label", "value", "source", "confidence",
                "derivation", "listConfidence", "byCountry");
        assertThat(doc.properties("ToCompleteItem")).containsKeys("key", "label", "source", "why");
    }
}
