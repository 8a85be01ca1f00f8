package kz.aifc.aml.api;

import static io.restassured.RestAssured.given;
import static kz.aifc.aml.rules.TxBuilder.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kz.aifc.aml.Flows;
import kz.aifc.aml.rules.TxBuilder;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.Exposure;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.contract.v1.LicenceStatus;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.IngestFlow;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestKafka;
import kz.aifc.testing.TestTokens;

/**
 * The AFSA notices a filed STR makes due, end to end on the real broker and database: a DATF operator's licence from
 * aifc.licences, a case decided FILE_STR, AML-013 (DAA 2.13.1(b), immediately, in writing) and AML-014 (AML 13.8.1(c),
 * promptly) open for the MLRO and the regulator only and never on the alert desk (tipping-off), the drafted notice in
 * the STR draft, and the MLRO marking it sent, once.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_aml_test"))
class AfsaNoticeFlowTest {

    @Inject
    DataSource db;

    @Test
    void shouldRaiseBothNoticesForADatfOperatorsStrShowThemToTheMlroOnlyAndEndThemWhenMarkedSent() {
        String firm = "F-DATF-" + UUID.randomUUID().toString().substring(0, 8);
        licence(firm, List.of(Activity.DATF_OPERATOR, Activity.PROVIDING_CUSTODY));
        await().atMost(Flows.WAIT).untilAsserted(() -> assertThat(
                Flows.count(db, "select count(*) from aml_firm_licence where firm_id = ?", firm)).isEqualTo(1));
        String caseId = caseOf(firm);
        String mlro = TestTokens.bearer(Roles.MLRO, firm);
        String notices = "/firms/" + firm + "/afsa-notices";
        given().header("Authorization", mlro).get(notices).then().statusCode(200).body("", hasSize(0));

        String decidedAt = decide(mlro, caseId, "FILE_STR");
        given().header("Authorization", mlro).get(notices + "?status=OPEN").then().statusCode(200)
                .body("", hasSize(2))
                .body("ruleId", equalTo(List.of("AML-013", "AML-014")))
                .body("[0].citation", equalTo("AIFC DAA 2.13.1(b)"))
                .body("[0].deadlineBasis", containsString("interpretation"))
                .body("[1].citation", equalTo("AIFC AML 13.8.1(c)"))
                .body("[1].deadlineBasis", containsString("promptly"))
                .body("[0].alertId", not(containsString(caseId)))
                .body("[0].links.strDraft", equalTo("/cases/" + caseId + "/str-draft"))
                .body("[0].links.afsaNotice", equalTo("/cases/" + caseId + "/afsa-notice"));
        // Each notice as an officer reads it, in the language asked for: labelled, worded, no ids.
        given().header("Authorization", mlro).get(notices + (notices.contains("?") ? "&" : "?") + "lang=ru").then()
                .statusCode(200).body("[0].labelledFacts.label", hasItem("Срок (по времени Астаны)"))
                .body("[0].labelledFacts.text", hasItem("подлежит направлению"))
                .body("[0].labelledFacts.text", not(hasItem("false")));
        List<String> deadlines = given().header("Authorization", mlro).get(notices).then().extract()
                .path("regulatoryDeadline");
        // DAA 2.13.1(b) "immediately": due at the decision; AML 13.8.1(c) "promptly": afsaNoticeTime (PT24H) later.
        assertThat(OffsetDateTime.parse(deadlines.get(0))).isEqualTo(OffsetDateTime.parse(decidedAt));
        assertThat(OffsetDateTime.parse(deadlines.get(1))).isEqualTo(OffsetDateTime.parse(decidedAt).plusHours(24));
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR, null)).get(notices).then().statusCode(200)
                .body("", hasSize(2));
        // Tipping-off: not for the compliance officer, and nothing on the alert desk or in the outbox.
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm)).get(notices).then()
                .statusCode(403);
        assertThat(Flows.count(db, "select count(*) from alert_state where firm_id = ? and rule_id in "
                + "('AML-013', 'AML-014')", firm)).isZero();
        assertThat(Flows.count(db, "select count(*) from outbox where convert_from(payload, 'UTF8') like '%AML-013%' "
                + "or convert_from(payload, 'UTF8') like '%AML-014%'")).isZero();

        // The drafted notice: the STR draft's AFSA notice, with the DATF operator's written report.
        given().header("Authorization", mlro).get("/cases/{id}/str-draft", caseId).then().statusCode(200)
                .body("afsaNotice.datfOperatorBasis", containsString("2.13.1(b)"));
        String ru = given().header("Authorization", mlro).accept(ContentType.HTML)
                .get("/cases/{id}/str-draft?lang=ru", caseId).then().statusCode(200).extract().asString();
        assertThat(ru).contains("оператор DATF незамедлительно сообщает AFSA в письменной форме");
        String kk = given().header("Authorization", mlro).accept(ContentType.HTML)
                .get("/cases/{id}/str-draft?lang=kk", caseId).then().statusCode(200).extract().asString();
        assertThat(kk).contains("DATF операторы");

        // Marked sent by the MLRO, once; not by the regulator or the compliance officer.
        String sent = "/cases/" + caseId + "/afsa-notice/sent";
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR, null)).contentType(ContentType.JSON)
                .body("{}").post(sent).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm))
                .contentType(ContentType.JSON).body("{}").post(sent).then().statusCode(403);
        given().header("Authorization", mlro).contentType(ContentType.JSON)
                .body("{\"reference\":\"" + "x".repeat(201) + "\"}").post(sent).then().statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", mlro).contentType(ContentType.JSON).body("{\"reference\":\"AFSA-L-17\"}")
                .post(sent).then().statusCode(200).body("status", equalTo(List.of("SENT", "SENT")))
                .body("reference", equalTo(List.of("AFSA-L-17", "AFSA-L-17")));
        given().header("Authorization", mlro).contentType(ContentType.JSON).body("{}").post(sent).then()
                .statusCode(409).contentType("application/problem+json");
        given().header("Authorization", mlro).get(notices + "?status=OPEN").then().statusCode(200)
                .body("", hasSize(0));
        given().header("Authorization", mlro).get(notices + "?status=SENT").then().statusCode(200)
                .body("", hasSize(2)).body("[0].overdue", equalTo(false));
        assertThat(Flows.count(db, "select count(*) from audit_log where subject = ? and action = 'afsa-notice.sent'",
                caseId)).isEqualTo(1);
        given().header("Authorization", mlro).get(notices + "?status=LATE").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("status"));
    }

    @Test
    void shouldRaiseOnlyTheAml13_8_1cNoticeForAFirmThatIsNoDatfOperatorAndNoneForNoStr() {
        String firm = "F-CUST-" + UUID.randomUUID().toString().substring(0, 8);
        licence(firm, List.of(Activity.PROVIDING_CUSTODY));
        await().atMost(Flows.WAIT).untilAsserted(() -> assertThat(
                Flows.count(db, "select count(*) from aml_firm_licence where firm_id = ?", firm)).isEqualTo(1));
        String mlro = TestTokens.bearer(Roles.MLRO, firm);
        String filed = caseOf(firm);
        decide(mlro, filed, "FILE_STR");
        given().header("Authorization", mlro).get("/firms/" + firm + "/afsa-notices").then().statusCode(200)
                .body("ruleId", equalTo(List.of("AML-014")));
        given().header("Authorization", mlro).get("/cases/{id}/str-draft", filed).then().statusCode(200)
                .body("afsaNotice.datfOperatorBasis", nullValue());

        String firm2 = "F-NOSTR-" + UUID.randomUUID().toString().substring(0, 8);
        String mlro2 = TestTokens.bearer(Roles.MLRO, firm2);
        String notFiled = caseOf(firm2);
        decide(mlro2, notFiled, "NO_STR");
        given().header("Authorization", mlro2).get("/firms/" + firm2 + "/afsa-notices").then().statusCode(200)
                .body("", hasSize(0));
        given().header("Authorization", mlro2).contentType(ContentType.JSON).body("{}")
                .post("/cases/" + notFiled + "/afsa-notice/sent").then().statusCode(409)
                .contentType("application/problem+json");
        // Another firm's case answers as an unknown one.
        given().header("Authorization", mlro2).contentType(ContentType.JSON).body("{}")
                .post("/cases/" + filed + "/afsa-notice/sent").then().statusCode(404);
    }

    private static void licence(String firm, List<Activity> activities) {
        LicenceChanged l = new LicenceChanged(firm, "Firm " + firm, "AFSA-" + firm, LicenceStatus.ACTIVE, activities,
                LocalDate.of(2024, 1, 1), List.of());
        TestKafka.send(LocalStackResource.topic(Topics.LICENCES), firm,
                CloudEvent.of(IngestFlow.SOURCE, EventTypes.LICENCE_CHANGED, firm, l));
    }

    /** Opens a case of the firm (a mixer exposure, AML-007) and answers its id. */
    private String caseOf(String firm) {
        TxBuilder b = tx().customer("C-" + UUID.randomUUID()).exposures(Exposure.MIXER);
        b.firmId = firm;
        Flows.send(b);
        Flows.awaitAlert(db, Flows.alertId("AML-007:" + firm + ":" + b.id), "OPEN");
        return (String) Flows.value(db, "select case_id from aml_case where firm_id = ?", firm);
    }

    /** The MLRO's decision; answers its time as the case shows it. */
    private static String decide(String mlro, String caseId, String decision) {
        return given().header("Authorization", mlro).contentType(ContentType.JSON)
                .body("{\"decision\":\"" + decision + "\",\"reasons\":\"Funds traced to a mixer\"}")
                .post("/cases/{id}/decision", caseId).then().statusCode(200).extract().path("decidedAt");
    }
}
