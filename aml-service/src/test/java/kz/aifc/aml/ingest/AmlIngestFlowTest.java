package kz.aifc.aml.ingest;

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
        initArgs = @ResourceArg(name = "database", value = "aifc_aml_test"))
class AmlIngestFlowTest {

    private static final String TRANSACTION = """
            {"firmId":"F-0001","transactionId":"T-81723","occurredAt":"2026-11-20T10:15:00+05:00",
             "direction":"DEPOSIT","asset":"USDT","amount":"950.00","amountUsd":"950.00","amountKzt":"488000.00",
             "customer":{"id":"C-42","type":"NATURAL","residency":"KZ","riskRating":"LOW","pep":false,
              "eddCompleted":false,"retailClient":true,"knowledgeTestPassed":false},
             "counterparty":{"name":"Some Exchange Ltd","wallet":"TQ1","vaspId":"VASP-77","selfHosted":false,
              "ownershipVerified":null,"vaspDueDiligenceCompleted":true,"jurisdiction":"AE","offshore":false},
             "travelRule":{"originatorName":"A. Example","originatorWallet":"TQ1","originatorIdentifier":"IIN 900101300123",
              "beneficiaryName":"B. Example","beneficiaryWallet":"TX1"},
             "screening":{"sanctionsHit":false,"sanctionsList":null,"matchScore":"0","walletRiskScore":12,
              "exposures":["GAMBLING"]},
             "channel":{"ip":"203.0.113.7","deviceId":"D-9"}}""";

    @Inject
    DataSource db;

    @Test
    void shouldParkTransactionWithExponentAmountOnDlqAndApplyTheNextOneOnce() {
        IngestFlow.assertMalformedParkedAndNextApplied(db, Topics.TRANSACTIONS_SCREENED,
                EventTypes.TRANSACTION_SCREENED, "F-0001", TRANSACTION.replace("\"amount\":\"950.00\"", "\"amount\":9.5e2"),
                "amount", TRANSACTION);
    }

    @Test
    void shouldServeHealthRulebookOpenApiAndMetrics() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).get("/rulebook").then().statusCode(200).body("service", equalTo("aml-service"));
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
