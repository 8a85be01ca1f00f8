package kz.aifc.aml.api;

import static io.restassured.RestAssured.given;
import static kz.aifc.aml.rules.TxBuilder.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kz.aifc.aml.Flows;
import kz.aifc.aml.alerts.AmlAlerts;
import kz.aifc.aml.cases.OverdueDecisions;
import kz.aifc.aml.rules.CustomerHistory;
import kz.aifc.aml.rules.TxBuilder;
import kz.aifc.contract.v1.AlertResolved;
import kz.aifc.contract.v1.Counterparty;
import kz.aifc.contract.v1.Exposure;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

/**
 * The FILE_STR decision end to end on the real broker and database: suspicion → case → the MLRO's decision with
 * reasons → recorded and audited, the case's alerts resolved per contract/README.md, the STR draft ready (JSON and escaped
 * HTML in Russian, Kazakh and English) and counted in the annual AML return.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_aml_test"))
class StrDecisionFlowTest {

    static final String HOSTILE_NAME = "<script>alert('cp')</script> Ltd";

    @Inject
    DataSource db;

    @Inject
    OverdueDecisions overdue;

    @Test
    void shouldDescribeEachOperationFromItsStoredPayloadWhetherInABatchChunkOrInARowStoredBeforeChunks() {
        String firm = "F-STR-" + UUID.randomUUID().toString().substring(0, 8);
        String name = "Steppe Legacy Brokerage LLP";
        TxBuilder b = tx().customer("C-" + UUID.randomUUID()).exposures(Exposure.MIXER)
                .counterparty(new Counterparty(name, "W-7", "VASP-7", false, null, true, "AE", false));
        b.firmId = firm;
        Flows.send(b);
        Flows.awaitAlert(db, Flows.alertId("AML-007:" + firm + ":" + b.id), "OPEN");
        String caseId = (String) Flows.value(db, "select case_id from aml_case where firm_id = ?", firm);
        String mlro = TestTokens.bearer(Roles.MLRO, firm);
        // Stored as a batch's chunk: the row keeps only where its payload lies.
        assertThat(Flows.count(db, "select count(*) from aml_transaction where firm_id = ? and payload is null "
                + "and payload_chunk is not null", firm)).isEqualTo(1);
        given().header("Authorization", mlro).get("/cases/{id}/str-draft", caseId).then().statusCode(200)
                .body("operations[0].counterparty.name", equalTo(name)).body("operations[0].asset", equalTo("USDT"));

        // The same row as one stored before V12 looks: its payload in its own column, no chunk.
        try (Connection c = db.getConnection(); PreparedStatement u = c.prepareStatement("""
                update aml_transaction t
                set payload = convert_from(substring(k.payloads from t.payload_from + 1 for t.payload_length), 'UTF8'),
                    payload_chunk = null, payload_from = null, payload_length = null
                from aml_payload_chunk k where k.chunk_id = t.payload_chunk and t.firm_id = ?""")) {
            u.setString(1, firm);
            assertThat(u.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        given().header("Authorization", mlro).get("/cases/{id}/str-draft", caseId).then().statusCode(200)
                .body("operations[0].counterparty.name", equalTo(name)).body("operations[0].asset", equalTo("USDT"));
    }

    @Test
    void shouldFileAnStrRecordAndAuditItResolveTheCaseAlertsAndCountItInTheAnnualReturn() {
        String firm = "F-STR-" + UUID.randomUUID().toString().substring(0, 8);
        TxBuilder b = tx().customer("C-" + UUID.randomUUID()).exposures(Exposure.MIXER)
                .counterparty(new Counterparty(HOSTILE_NAME, "W<1>", "VASP-9", false, null, true, "AE", false));
        b.firmId = firm;
        Flows.send(b);
        String suspicion = Flows.alertId("AML-007:" + firm + ":" + b.id);
        Flows.awaitAlert(db, suspicion, "OPEN");
        String caseId = (String) Flows.value(db, "select case_id from aml_case where firm_id = ?", firm);
        String mlro = TestTokens.bearer(Roles.MLRO, firm);
        String annualReturn = "/firms/" + firm + "/reports/annual-aml-return?year="
                + Year.now(CustomerHistory.ALMATY).getValue(); // STRs count in the year of the decision
        given().header("Authorization", mlro).get(annualReturn).then().statusCode(200)
                .body("figures.strsFiled.value", equalTo(0));

        // The decision is overdue (AML-012), then taken: FILE_STR with reasons.
        assertThat(overdue.check(Instant.now().plus(Duration.ofHours(25)))).isGreaterThanOrEqualTo(1);
        String overdueAlert = (String) Flows.value(db, "select overdue_alert from aml_case where case_id = ?", caseId);
        assertThat(overdueAlert).isEqualTo(Flows.alertId("AML-012:" + firm + ":" + caseId));
        String reasons = "Mixer exposure unexplained <b>bold</b> & funds traced to a darknet market";
        given().header("Authorization", mlro).contentType(ContentType.JSON)
                .body("{\"decision\":\"FILE_STR\",\"reasons\":\"" + reasons + "\"}")
                .post("/cases/{id}/decision", caseId).then().statusCode(200)
                .body("status", equalTo("FILE_STR")).body("decisionReasons", equalTo(reasons))
                .body("decidedBy", notNullValue());

        // The case desk: the list shows the clock (overdue until decided), the rules and the amount ...
        given().header("Authorization", mlro).get("/firms/{firm}/cases", firm).then().statusCode(200)
                .body("[0].caseId", equalTo(caseId)).body("[0].decisionDueAt", notNullValue())
                .body("[0].overdue", equalTo(false)).body("[0].rules[0].ruleId", equalTo("AML-007"))
                .body("[0].rules[0].citation", notNullValue()).body("[0].amountUsd", notNullValue())
                .body("[0]", not(hasKey("timeline")));
        // ... one case its transactions and its timeline from the audit trail: opened, alerts, the decision with
        // who and why, the AFSA notice due and, once marked, sent.
        given().header("Authorization", mlro).contentType(ContentType.JSON).body("{\"reference\":\"AFSA/2026/17\"}")
                .post("/cases/{id}/afsa-notice/sent", caseId).then().statusCode(200);
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).get("/cases/{id}", caseId).then()
                .statusCode(200).body("transactions[0].transactionId", equalTo(b.id))
                .body("transactions[0].counterparty", equalTo(HOSTILE_NAME))
                .body("timeline.event", hasItems("CASE_OPENED", "ALERT_RAISED", "DECIDED_FILE_STR", "ALERT_RESOLVED",
                        "AFSA_NOTICE_DUE", "AFSA_NOTICE_SENT"))
                .body("timeline.find { it.event == 'DECIDED_FILE_STR' }.reasons", equalTo(reasons))
                .body("timeline.find { it.event == 'DECIDED_FILE_STR' }.actor", notNullValue())
                .body("timeline.find { it.event == 'AFSA_NOTICE_SENT' }.reference", equalTo("AFSA/2026/17"))
                .body("timeline.find { it.event == 'ALERT_RAISED' }.ruleId", equalTo("AML-007"))
                .body("timeline.findAll { it.actor != null }.actor", not(hasItem(startsWith("urn:"))))
                .body("timeline.find { it.event == 'ALERT_RAISED' }.actor", equalTo("aml-service"));
        // The AFSA notice alone, for printing in each language: labelled, no internal ids.
        for (String[] lang : new String[][] {{"ru", "Клиент"}, {"kk", "Клиент"}, {"en", "Customer"}}) {
            given().header("Authorization", mlro).get("/cases/{id}/afsa-notice?lang=" + lang[0], caseId).then()
                    .statusCode(200).body("lang", equalTo(lang[0])).body("labelledFacts.label", hasItem(lang[1]))
                    .body("labelledFacts.text", not(hasItem(caseId)));
            String notice = given().header("Authorization", mlro).accept("text/html")
                    .get("/cases/{id}/afsa-notice?lang=" + lang[0], caseId).then().statusCode(200)
                    .contentType(containsString("text/html")).extract().asString();
            assertThat(notice).contains("<html lang=\"" + lang[0] + "\">", "<th>" + lang[1] + "</th>")
                    .doesNotContain(caseId, ">true<", ">false<", "+05:00");
        }

        // Recorded and audited; the chain still verifies.
        assertThat(Flows.count(db, "select count(*) from audit_log where action = 'case.file_str' and subject = ? "
                + "and detail like ?", caseId, "%FILE_STR%")).isEqualTo(1);
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).get("/audit/verify").then()
                .statusCode(200).body("intact", equalTo(true));

        // The alerts whose deadline was the decision are resolved and the resolutions published; the reason names
        // neither the case nor the decision, and is the one a NO_STR gives (the compliance team reads alerts,
        // contract/README.md §3; CaseResourceTest).
        for (String alertId : new String[] {suspicion, overdueAlert}) {
            Flows.awaitAlert(db, alertId, "RESOLVED");
            AlertResolved resolved = Flows.publishedResolution(alertId);
            assertThat(resolved.firmId()).isEqualTo(firm);
            assertThat(resolved.resolvedAt()).isNotNull();
            assertThat(resolved.reason()).isEqualTo(AmlAlerts.DECIDED_BY_MLRO).doesNotContain(caseId)
                    .doesNotContain("STR").doesNotContain("decision");
        }

        // The STR draft, ready to file: JSON keeps the payload's text as it came ...
        given().header("Authorization", mlro).get("/cases/{id}/str-draft", caseId).then().statusCode(200)
                .contentType(ContentType.JSON).body("status", equalTo("READY_TO_FILE"))
                .body("additionalInformation", equalTo(reasons))
                .body("operations[0].counterparty.name", equalTo(HOSTILE_NAME));
        // ... the printable draft escapes it, in all three renderings and the AFSA notice.
        String html = given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).accept("text/html")
                .get("/cases/{id}/str-draft", caseId).then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        assertThat(html).contains("<section lang=\"ru\">", "Сообщение о подозрительной операции",
                "Признаки подозрительности", "<section lang=\"kk\">", "Күдікті операция туралы хабарлама",
                "Күдіктілік белгілері", "<section lang=\"en\">", "Suspicious transaction report",
                "Notice to AFSA", "13.8.1(c)", "DRAFT — review before submission");
        assertThat(html).doesNotContain(caseId, suspicion, ">true<", ">false<");
        assertThat(html).contains("&lt;script&gt;alert(&#39;cp&#39;)&lt;/script&gt; Ltd", "W&lt;1&gt;",
                "Mixer exposure unexplained &lt;b&gt;bold&lt;/b&gt; &amp; funds");
        assertThat(html).doesNotContain("<script", "<b>bold", "W<1>");
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm)).accept("text/html")
                .get("/cases/{id}/str-draft", caseId).then().statusCode(403).contentType("application/problem+json");

        // The annual return counts the filed STR in the year of the decision, for the MLRO and the regulator ...
        given().header("Authorization", mlro).get(annualReturn).then().statusCode(200)
                .body("figures.strsFiled.value", equalTo(1)).body("figures.strsFiled", not(hasKey("withheld")));
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).get(annualReturn).then().statusCode(200)
                .body("figures.strsFiled.value", equalTo(1));
        given().header("Authorization", mlro).accept("text/html").get(annualReturn).then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("<td>STRs filed</td><td>1</td>"));
        // ... and withholds it from the compliance officer and admin (tipping-off), in JSON and in print alike.
        for (String token : new String[] {TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm),
                TestTokens.bearer(Roles.ADMIN)}) {
            given().header("Authorization", token).get(annualReturn).then().statusCode(200)
                    .body("figures.strsFiled.value", nullValue()).body("figures.strsFiled.withheld", equalTo(true))
                    .body("figures.strsFiled.withheldReason", containsString("MLRO and the regulator only"))
                    .body("figures.totalClients.value", equalTo(1));
            String print = given().header("Authorization", token).accept("text/html").get(annualReturn).then()
                    .statusCode(200).extract().asString();
            assertThat(print).contains("<td>STRs filed</td><td>withheld: shown to the firm&#39;s MLRO and the "
                    + "regulator only (tipping-off)</td>").doesNotContain("<td>STRs filed</td><td>1</td>");
        }
    }
}
