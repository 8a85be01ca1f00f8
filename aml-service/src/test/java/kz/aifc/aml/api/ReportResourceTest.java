package kz.aifc.aml.api;

import static io.restassured.RestAssured.given;
import static kz.aifc.aml.rules.TxBuilder.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

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
import kz.aifc.contract.v1.Counterparty;
import kz.aifc.contract.v1.ScreenedTransaction;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.IngestFlow;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

/** The drafts that name no suspicion, fed over Kafka: annual AML return figures and the threshold report in print. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_aml_test"))
class ReportResourceTest {

    @Inject
    DataSource db;

    static String firm() {
        return "F-RPT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static TxBuilder of(String firm, String customer) {
        TxBuilder b = tx().customer(customer);
        b.firmId = firm;
        return b;
    }

    void sendAll(TxBuilder... builders) {
        CloudEvent<ScreenedTransaction> last = null;
        for (TxBuilder b : builders) {
            last = Flows.send(b);
        }
        // One firm, one partition: once the last is applied, so are the others.
        IngestFlow.awaitApplied(db, "aml_transaction", last.eventKey());
    }

    @Test
    void shouldCountTheYearsClientsEddClientsAndClientsFromHighRiskJurisdictions() {
        String firm = firm();
        sendAll(of(firm, "A").edd(true).at("2026-03-01T10:00:00+05:00"),
                of(firm, "A").edd(false).at("2026-03-02T10:00:00+05:00"),
                // Iran is on the call-for-action list from 2026-06-19: counted once, though seen twice.
                of(firm, "B").residency("IR").at("2026-11-20T10:00:00+05:00"),
                of(firm, "B").residency("IR").at("2026-11-21T10:00:00+05:00"),
                // The Virgin Islands' list was not in force yet on 2026-06-18.
                of(firm, "C").residency("VG").at("2026-06-18T10:00:00+05:00"),
                // 23:30 on 31 December in Almaty is still 2025; 00:30 on 1 January is 2026.
                of(firm, "D").edd(true).at("2025-12-31T23:30:00+05:00"),
                of(firm, "D").at("2025-12-31T19:30:00Z"));
        String mlro = TestTokens.bearer(Roles.MLRO, firm);
        given().header("Authorization", mlro).get("/firms/{f}/reports/annual-aml-return?year=2026", firm).then()
                .statusCode(200).contentType(ContentType.JSON)
                .body("dueBy", equalTo("2027-02-28"))
                .body("figures.totalClients.value", equalTo(4))
                .body("figures.eddClients.value", equalTo(1))
                .body("figures.clientsFromHighRiskJurisdictions.value", equalTo(1))
                .body("figures.clientsFromHighRiskJurisdictions.byCountry.IR", equalTo(1))
                .body("figures.strsFiled.value", equalTo(0))
                .body("toComplete.key", org.hamcrest.Matchers.hasItem("rejectedProspects"));
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR))
                .get("/firms/{f}/reports/annual-aml-return?year=2025", firm).then().statusCode(200)
                .body("figures.totalClients.value", equalTo(1)).body("figures.eddClients.value", equalTo(1))
                .body("dueBy", equalTo("2026-02-28"));
    }

    @Test
    void shouldLetTheFirmsComplianceOfficerReadTheFiguresButNotAFirmReporterOrAnotherFirm() {
        String firm = firm();
        String path = "/firms/" + firm + "/reports/annual-aml-return";
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm)).get(path + "?year=2026")
                .then().statusCode(200).body("figures.totalClients.value", equalTo(0))
                // Even a nought would tell: the STR count is the MLRO's and the regulator's (StrDecisionFlowTest).
                .body("figures.strsFiled.withheld", equalTo(true)).body("figures.strsFiled.value", nullValue());
        given().header("Authorization", TestTokens.bearer(Roles.FIRM_REPORTER, firm)).get(path + "?year=2026")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.MLRO, "F-0002")).get(path + "?year=2026")
                .then().statusCode(403).contentType("application/problem+json");
        for (String bad : new String[] {"?year=26", "?year=2026-01", "", "?year=99999", "?year=1899", "?year=2200",
                "?year=0000", "?year=-2026", "?year=abcd", "?year="}) {
            given().header("Authorization", TestTokens.bearer(Roles.MLRO, firm)).get(path + bad).then()
                    .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("year"));
        }
    }

    @Test
    void shouldRefuseAThresholdDateThatIsNoDateOrAbsurdWithAProblemNamingIt() {
        String firm = firm();
        String path = "/firms/" + firm + "/reports/threshold";
        String token = TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm);
        for (String bad : new String[] {"", "?date=", "?date=2026-02-30", "?date=2026-13-01", "?date=99999-01-01",
                "?date=%2B99999-01-01", "?date=0001-01-01", "?date=2200-01-01", "?date=20261123", "?date=yesterday"}) {
            given().header("Authorization", token).get(path + bad).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("date"))
                    .body(not(containsString("java."))).body(not(containsString("kz.aifc")));
        }
        given().header("Authorization", token).get(path + "?date=2026-11-23").then().statusCode(200)
                .body("dueOn", equalTo("2026-11-23"));
    }

    @Test
    void shouldPrintInTheLanguageOfLangThenOfAcceptLanguageAndRefuseAnother() {
        String firm = firm();
        String path = "/firms/" + firm + "/reports/annual-aml-return?year=2026";
        String token = TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm);
        given().header("Authorization", token).accept("text/html").get(path).then().statusCode(200)
                .body(containsString("Annual AML return: figures for 2026"));
        given().header("Authorization", token).accept("text/html").get(path + "&lang=kk").then().statusCode(200)
                .body(containsString("<html lang=\"kk\">"), containsString("2026 жылғы көрсеткіштер"));
        given().header("Authorization", token).accept("text/html").header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8")
                .get(path).then().statusCode(200).body(containsString("показатели за 2026 год"));
        given().header("Authorization", token).accept("text/html").header("Accept-Language", "ru")
                .get(path + "&lang=en").then().statusCode(200).body(containsString("Annual AML return"));
        given().header("Authorization", token).accept("text/html").get(path + "&lang=fr").then().statusCode(400)
                .contentType("application/problem+json").body(containsString("lang"));
        // The JSON answer is the same whatever language is asked for.
        given().header("Authorization", token).get(path + "&lang=ru").then().statusCode(200)
                .contentType(ContentType.JSON).body("figures.strsFiled.label", equalTo("STRs filed"));
    }

    @Test
    void shouldPrintTheThresholdReportWithThePayloadsTextEscaped() {
        String firm = firm();
        String name = "<img src=x onerror=alert(1)> Offshore Ltd";
        TxBuilder b = of(firm, "C-" + UUID.randomUUID()).kzt("7000000.00")
                .counterparty(new Counterparty(name, "W9", "V9", false, null, true, "SC", true));
        sendAll(b);
        Flows.awaitAlert(db, Flows.alertId("AML-010:" + firm + ":" + b.id), "OPEN");
        String html = given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm))
                .accept("text/html").get("/firms/{f}/reports/threshold?date=2026-11-23", firm).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertThat(html).contains("Threshold-transaction reports due on 23 November 2026",
                "&lt;img src=x onerror=alert(1)&gt; Offshore Ltd", "Art. 10(2)", "DRAFT — review before submission",
                // The operation itself, from its stored payload, as an officer reads it.
                "<th>Operation reference</th><td>" + b.id + "</td>", "<th>Amount in KZT</th><td>KZT 7,000,000.00</td>",
                "<th>Jurisdiction</th><td>Seychelles (SC)</td>", "<th>Registered in an offshore zone</th><td>yes</td>");
        // No internal ids (the alert's, the events'), no raw flags or instants.
        assertThat(html).doesNotContain("<img", Flows.alertId("AML-010:" + firm + ":" + b.id), ">true<", ">false<",
                "2026-11-23T", "7000000");
        String ru = given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm))
                .accept("text/html").get("/firms/{f}/reports/threshold?date=2026-11-23&lang=ru", firm).then()
                .statusCode(200).extract().asString();
        assertThat(ru).contains("<th>Сумма в тенге</th><td>7\u00a0000\u00a0000,00\u00a0KZT</td>",
                "<th>Юрисдикция</th><td>Сейшельские Острова (SC)</td>").doesNotContain(">true<", ">false<");
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm))
                .get("/firms/{f}/reports/threshold?date=2026-11-23&lang=kk", firm).then().statusCode(200)
                .body("reports[0].labelledFacts.label", org.hamcrest.Matchers.hasItem("Теңгемен сомасы"));
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm))
                .get("/firms/{f}/reports/threshold?date=2026-11-23", firm).then().statusCode(200)
                .contentType(ContentType.JSON).body("reports[0].operation", containsString(name));
    }

    /** Law 191-IV Art. 4(1): an operation from or to an anonymous account from KZT 5,000,000 is a threshold operation. */
    @Test
    void shouldPutAnAnonymousAccountsThresholdOperationIntoTheThresholdReport() {
        String firm = firm();
        TxBuilder b = of(firm, "C-" + UUID.randomUUID()).kzt("5000000.00")
                .counterparty(new Counterparty("Cash desk", "W-ANON", null, false, null, true, "KZ", false, null, true));
        sendAll(b);
        Flows.awaitAlert(db, Flows.alertId("AML-010:" + firm + ":" + b.id), "OPEN");
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm))
                .get("/firms/{f}/reports/threshold?date=2026-11-23", firm).then().statusCode(200)
                .contentType(ContentType.JSON).body("reports", org.hamcrest.Matchers.hasSize(1))
                .body("reports[0].operation", containsString("anonymous account"))
                .body("reports[0].evidence.grounds", equalTo(java.util.List.of("anonymous account")));
    }
}
