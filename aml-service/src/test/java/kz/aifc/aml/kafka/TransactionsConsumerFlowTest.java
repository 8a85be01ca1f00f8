package kz.aifc.aml.kafka;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.contract.EventTypes;
import kz.aifc.aml.Flows;
import kz.aifc.contract.Topics;
import kz.aifc.testing.IngestFlow;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.PlatformEndpointsContract;

@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_aml_test"))
class TransactionsConsumerFlowTest extends PlatformEndpointsContract {

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

    TransactionsConsumerFlowTest() {
        super("aml-service");
    }

    @Test
    void shouldReportTheTransactionsConsumerInReadinessWithItsPartitions() {
        await().atMost(Flows.WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'aml-transactions-consumer' }.status", equalTo("UP"))
                // the shared topic's and the test firm lane's (a lane has as many partitions as its topic)
                .body("checks.find { it.name == 'aml-transactions-consumer' }.data.partitions",
                        equalTo(2 * Topics.partitions(Topics.TRANSACTIONS_SCREENED))));
    }

    @Test
    void shouldParkTransactionWithExponentAmountOnDlqAndApplyTheNextOneOnce() {
        IngestFlow.assertMalformedParkedAndNextApplied(db, "aml_transaction", Topics.TRANSACTIONS_SCREENED,
                EventTypes.TRANSACTION_SCREENED, "F-0001", TRANSACTION.replace("\"amount\":\"950.00\"", "\"amount\":9.5e2"),
                "amount", TRANSACTION);
    }

    @Test
    void shouldApplyTheLaneFirmsTransactionAndParkAnotherFirmsWithFirmMismatch() {
        IngestFlow.assertLaneSpeaksOnlyForItsFirm(db, "aml_transaction", Topics.TRANSACTIONS_SCREENED,
                EventTypes.TRANSACTION_SCREENED, TRANSACTION.replace("\"F-0001\"", "\"" + IngestFlow.LANE_FIRM + "\""));
    }
}
