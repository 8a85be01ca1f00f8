package kz.aifc.aml.api;

import static io.restassured.RestAssured.given;
import static kz.aifc.aml.rules.TxBuilder.tx;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kz.aifc.aml.rules.TxBuilder;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.contract.v1.Exposure;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.IngestFlow;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestKafka;
import kz.aifc.testing.TestTokens;
import kz.aifc.aml.Flows;

/** A case opened by a Kafka event, read and decided over REST by the firm's MLRO; tipping-off scoping enforced. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_aml_test"))
class CaseResourceTest {

    @Inject
    DataSource db;

    @Test
    void shouldLetTheFirmsMlroReadAndDecideACaseOnceAndAuditIt() throws Exception {
        String customer = "C-" + UUID.randomUUID();
        TxBuilder b = tx().customer(customer).exposures(Exposure.MIXER);
        TestKafka.send(LocalStackResource.topic(Topics.TRANSACTIONS_SCREENED), "F-0001",
                CloudEvent.of(IngestFlow.SOURCE, EventTypes.TRANSACTION_SCREENED, "F-0001", b.build()));
        String[] caseId = new String[1];
        await().atMost(Duration.ofSeconds(45)).until(() -> (caseId[0] = caseOf(customer)) != null);
        String mlro = TestTokens.bearer(Roles.MLRO, "F-0001");

        given().header("Authorization", mlro).get("/firms/F-0001/cases").then().statusCode(200)
                .body("caseId", hasItem(caseId[0]));
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).get("/cases/" + caseId[0]).then()
                .statusCode(200).body("ruleIds", hasItem("AML-007")).body("findings[0].ruleId", equalTo("AML-007"))
                .body("transactionIds", hasItem(b.id));
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, "F-0001"))
                .get("/cases/" + caseId[0]).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.MLRO, "F-0002"))
                .get("/cases/" + caseId[0]).then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", mlro).get("/cases/CASE-none").then().statusCode(404);

        given().header("Authorization", mlro).get("/cases/" + caseId[0] + "/str-draft").then().statusCode(200)
                .body("status", equalTo("DRAFT_PENDING_MLRO_DECISION"))
                .body("operations[0].transactionId", equalTo(b.id))
                .body("participants.counterparties[0].vaspId", equalTo("VASP-77"))
                .body("suspicionIndicators[0].ruleId", equalTo("AML-007"))
                .body("renderings.ru.title", equalTo("Сообщение о подозрительной операции"))
                .body("renderings.kk.indicators[0].ruleId", equalTo("AML-007"))
                .body("afsaNotice.basis", org.hamcrest.Matchers.containsString("13.8.1(c)"));
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, "F-0001"))
                .get("/cases/" + caseId[0] + "/str-draft").then().statusCode(403);

        String decision = "{\"decision\":\"NO_STR\",\"reasons\":\"Mixer exposure explained: exchange hot wallet\"}";
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).contentType(ContentType.JSON)
                .body(decision).post("/cases/" + caseId[0] + "/decision").then().statusCode(403);
        given().header("Authorization", mlro).contentType(ContentType.JSON)
                .body("{\"decision\":\"MAYBE\",\"reasons\":\"x\"}").post("/cases/" + caseId[0] + "/decision")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", mlro).contentType(ContentType.JSON).body(decision)
                .post("/cases/" + caseId[0] + "/decision").then().statusCode(200).body("status", equalTo("NO_STR"));
        // The decision was the AML-007 alert's deadline (AML 13.8.1): it is over.
        Flows.awaitAlert(db, "AML-007:F-0001:" + b.id, "RESOLVED");
        given().header("Authorization", mlro).contentType(ContentType.JSON).body(decision)
                .post("/cases/" + caseId[0] + "/decision").then().statusCode(409);

        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(
                "select count(*) from audit_log where action = 'case.no_str' and subject = ?")) {
            q.setString(1, caseId[0]);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                org.assertj.core.api.Assertions.assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    private String caseOf(String customer) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement("select case_id from aml_case where customer_id = ?")) {
            q.setString(1, customer);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
