package kz.aifc.aml.api;

import static io.restassured.RestAssured.given;
import static kz.aifc.aml.rules.TxBuilder.tx;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

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
import kz.aifc.aml.alerts.AmlAlerts;
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

/**
 * A case opened by a Kafka event, read and decided over REST by the firm's MLRO; tipping-off scoping enforced, another
 * firm's case answered as an unknown one, bad query parameters refused by name.
 */
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
        String[] caseId = {openCase(customer, b)};
        String mlro = TestTokens.bearer(Roles.MLRO, "F-0001");

        given().header("Authorization", mlro).get("/firms/F-0001/cases").then().statusCode(200)
                .body("caseId", hasItem(caseId[0]));
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).get("/cases/" + caseId[0]).then()
                .statusCode(200).body("ruleIds", hasItem("AML-007")).body("findings[0].ruleId", equalTo("AML-007"))
                .body("transactionIds", hasItem(b.id));
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, "F-0001"))
                .get("/cases/" + caseId[0]).then().statusCode(403);
        given().header("Authorization", mlro).get("/cases/CASE-none").then().statusCode(404);

        given().header("Authorization", mlro).get("/cases/" + caseId[0] + "/str-draft").then().statusCode(200)
                .body("status", equalTo("DRAFT_PENDING_MLRO_DECISION"))
                .body("operations[0].transactionId", equalTo(b.id))
                .body("participants.counterparties[0].vaspId", equalTo("VASP-77"))
                .body("suspicionIndicators[0].ruleId", equalTo("AML-007"))
                .body("renderings.ru.title", equalTo("Сообщение о подозрительной операции"))
                .body("renderings.kk.indicators[0].ruleId", equalTo("AML-007"))
                .body("afsaNotice.basis", org.hamcrest.Matchers.containsString("13.8.1(c)"))
                // Additive: each rendering carries the facts as printed, labelled in its language.
                .body("renderings.ru.operations[0].label", hasItem("Дата и время (по времени Астаны)"))
                .body("renderings.kk.customer.label", hasItem("Фирмадағы клиент сәйкестендіргіші"))
                .body("renderings.en.counterparties[0].label", hasItem("Virtual asset service provider (VASP)"))
                .body("renderings.ru.operations[0].text", not(hasItem("true")))
                .body("renderings.ru.indicators[0].labelledFacts", notNullValue())
                .body("renderings.en.afsaNotice.labelledFacts.label", hasItem("Customer"));
        given().header("Authorization", TestTokens.bearer(Roles.FIRM_REPORTER, "F-0001"))
                .get("/cases/" + caseId[0] + "/str-draft").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, "F-0001"))
                .get("/cases/" + caseId[0] + "/str-draft").then().statusCode(403);

        String decision = "{\"decision\":\"NO_STR\",\"reasons\":\"Mixer exposure explained: exchange hot wallet\"}";
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).contentType(ContentType.JSON)
                .body(decision).post("/cases/" + caseId[0] + "/decision").then().statusCode(403);
        given().header("Authorization", mlro).contentType(ContentType.JSON)
                .body("{\"decision\":\"MAYBE\",\"reasons\":\"x\"}").post("/cases/" + caseId[0] + "/decision")
                .then().statusCode(400).contentType("application/problem+json");
        // Reasons are required and bounded: a 400 problem naming the field, never a 5xx.
        for (String[] bad : new String[][] {{"{\"decision\":\"NO_STR\",\"reasons\":\"  \"}", "reasons"},
                {"{\"decision\":\"NO_STR\"}", "reasons"},
                {"{\"decision\":\"NO_STR\",\"reasons\":\"" + "x".repeat(4001) + "\"}", "reasons"},
                {"{\"reasons\":\"Explained\"}", "decision"}}) {
            given().header("Authorization", mlro).contentType(ContentType.JSON).body(bad[0])
                    .post("/cases/" + caseId[0] + "/decision").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(bad[1]));
        }
        given().header("Authorization", mlro).contentType(ContentType.JSON).body(decision)
                .post("/cases/" + caseId[0] + "/decision").then().statusCode(200).body("status", equalTo("NO_STR"));
        // The decision was the AML-007 alert's deadline (AML 13.8.1): it is over, for the same reason as after an STR.
        Flows.awaitAlert(db, Flows.alertId("AML-007:F-0001:" + b.id), "RESOLVED");
        assertThat(Flows.publishedResolution(Flows.alertId("AML-007:F-0001:" + b.id)).reason())
                .isEqualTo(AmlAlerts.DECIDED_BY_MLRO).doesNotContain(caseId[0]).doesNotContain("STR");
        given().header("Authorization", mlro).contentType(ContentType.JSON).body(decision)
                .post("/cases/" + caseId[0] + "/decision").then().statusCode(409);

        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(
                "select count(*) from audit_log where action = 'case.no_str' and subject = ?")) {
            q.setString(1, caseId[0]);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void shouldAnswerAnotherFirmsCaseExactlyAsAnUnknownOne() throws Exception {
        String customer = "C-" + UUID.randomUUID();
        String[] caseId = {openCase(customer, tx().customer(customer).exposures(Exposure.MIXER))};
        String unknown = "CASE-" + UUID.randomUUID();
        String otherMlro = TestTokens.bearer(Roles.MLRO, "F-0002");
        String decision = "{\"decision\":\"FILE_STR\",\"reasons\":\"probing\"}";

        for (String path : new String[] {"/cases/%s", "/cases/%s/str-draft"}) {
            String foreign = given().header("Authorization", otherMlro).get(path.formatted(caseId[0])).then()
                    .statusCode(404).contentType("application/problem+json").extract().asString();
            String none = given().header("Authorization", otherMlro).get(path.formatted(unknown)).then()
                    .statusCode(404).contentType("application/problem+json").extract().asString();
            assertThat(foreign.replace(caseId[0], "ID")).isEqualTo(none.replace(unknown, "ID")).doesNotContain("F-0001");
        }
        String foreign = given().header("Authorization", otherMlro).contentType(ContentType.JSON).body(decision)
                .post("/cases/{id}/decision", caseId[0]).then().statusCode(404).extract().asString();
        String none = given().header("Authorization", otherMlro).contentType(ContentType.JSON).body(decision)
                .post("/cases/{id}/decision", unknown).then().statusCode(404).extract().asString();
        assertThat(foreign.replace(caseId[0], "ID")).isEqualTo(none.replace(unknown, "ID")).doesNotContain("F-0001");
        // The probe changed nothing: the case is still open for its own MLRO.
        given().header("Authorization", TestTokens.bearer(Roles.MLRO, "F-0001")).get("/cases/{id}", caseId[0]).then()
                .statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void shouldRefuseAStatusOrLimitOutOfRangeWithAProblemNamingIt() {
        String mlro = TestTokens.bearer(Roles.MLRO, "F-0001");
        for (String query : new String[] {"limit=abc", "limit=0", "limit=1001", "limit=-5", "limit=99999999999",
                "limit=1.5", "status=open", "status=MAYBE"}) {
            String name = query.substring(0, query.indexOf('='));
            given().header("Authorization", mlro).get("/firms/F-0001/cases?" + query).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(name))
                    .body(not(containsString("java."))).body(not(containsString("kz.aifc")));
        }
        given().header("Authorization", mlro).get("/firms/F-0001/cases?limit=1000&status=NO_STR").then()
                .statusCode(200);
    }

    /** Sends the firm F-0001's transaction of {@code customer} over Kafka and answers the case it opened. */
    private String openCase(String customer, TxBuilder b) {
        TestKafka.send(LocalStackResource.topic(Topics.TRANSACTIONS_SCREENED), "F-0001",
                CloudEvent.of(IngestFlow.SOURCE, EventTypes.TRANSACTION_SCREENED, "F-0001", b.build()));
        String[] caseId = new String[1];
        await().atMost(Duration.ofSeconds(45)).until(() -> (caseId[0] = caseOf(customer)) != null);
        return caseId[0];
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
