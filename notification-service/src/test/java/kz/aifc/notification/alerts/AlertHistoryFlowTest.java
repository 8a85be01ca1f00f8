package kz.aifc.notification.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kz.aifc.contract.EventTypes;
import kz.aifc.notification.AlertEvents;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.IngestFlow;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

/**
 * History and export (#17.4) on the real broker and database: alerts arrive on Kafka and are worked over REST, then
 * are found again by every filter (resolved ones included), read back as a timeline from the audit log, and exported
 * as CSV; with firm scoping, tipping-off and problem answers for bad parameters.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
class AlertHistoryFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String BOM = "\uFEFF";

    @Test
    void shouldFindResolvedAndAcknowledgedAlertsByFirmRuleDutySeverityStatusAndAstanaDays() {
        String firm = firm();
        String capital = AlertEvents.newAlertId("CAP-001", firm);
        String vacancy = AlertEvents.newAlertId("FP-001", firm);
        String lateEvening = AlertEvents.newAlertId("CAP-002", firm);
        String pastMidnight = AlertEvents.newAlertId("CAP-005", firm);
        raise(capital, firm, "CAPITAL", "HIGH", "2026-01-10T10:00:00+05:00");
        raise(vacancy, firm, "FIT_AND_PROPER", "CRITICAL", "2026-02-01T09:00:00+05:00");
        // 23:30 and 00:30 Astana time: the same UTC day (18:30Z, 19:30Z) but two Astana days.
        raise(lateEvening, firm, "CAPITAL", "MEDIUM", "2026-03-15T23:30:00+05:00");
        raise(pastMidnight, firm, "CAPITAL", "LOW", "2026-03-16T00:30:00+05:00");
        awaitTotal(firm, 4);
        given().header("Authorization", co(firm)).post("/alerts/{id}/acknowledge", vacancy).then().statusCode(200);
        resolve(capital, firm, "Capital injection received");

        assertThat(ids(co(firm), "status", "RESOLVED")).containsExactly(capital);
        assertThat(ids(co(firm), "status", "ACKNOWLEDGED")).containsExactly(vacancy);
        assertThat(ids(co(firm), "status", "OPEN,RESOLVED")).containsExactly(pastMidnight, lateEvening, capital);
        // Without a status filter every status is there, newest detection first.
        assertThat(ids(co(firm))).containsExactly(pastMidnight, lateEvening, vacancy, capital);
        assertThat(ids(co(firm), "ruleId", "cap-001")).containsExactly(capital);
        assertThat(ids(co(firm), "ruleId", "CAP-002,FP-001")).containsExactly(lateEvening, vacancy);
        assertThat(ids(co(firm), "duty", "FIT_AND_PROPER")).containsExactly(vacancy);
        assertThat(ids(co(firm), "severity", "CRITICAL,HIGH")).containsExactly(vacancy, capital);
        assertThat(ids(co(firm), "from", "2026-02-01", "to", "2026-03-15")).containsExactly(lateEvening, vacancy);
        assertThat(ids(co(firm), "from", "2026-03-16")).containsExactly(pastMidnight);
        assertThat(ids(co(firm), "to", "2026-01-10T10:00:00+05:00")).containsExactly(capital);
        assertThat(ids(co(firm), "from", "2026-03-15T18:30:00Z", "to", "2026-03-15T18:30:00Z"))
                .containsExactly(lateEvening);
        assertThat(ids(regulator(), "firmId", firm, "status", "RESOLVED", "duty", "CAPITAL", "severity", "HIGH",
                "ruleId", "CAP-001", "from", "2026-01-10", "to", "2026-01-10")).containsExactly(capital);
        // Paging keeps the order: page by page gives the same sequence as one page.
        assertThat(ids(co(firm), "size", "2", "page", "1")).containsExactly(vacancy, capital);
    }

    @Test
    void shouldTellAnAlertsTimelineWithWhoAndWhyInOrderAcrossReopening() {
        String firm = firm();
        String alertId = AlertEvents.newAlertId("CAP-001", firm);
        AlertEvents.raise(alertId, firm, "CRITICAL");
        // The test profile escalates an unacknowledged CRITICAL after 3 s (ESC-001).
        await().atMost(WAIT).until(() -> "CRITICAL_UNACKNOWLEDGED".equals(alert(alertId).path("escalationReason")));
        given().header("Authorization", co(firm)).post("/alerts/{id}/acknowledge", alertId).then().statusCode(200);
        resolve(alertId, firm, "Shareholder injected USD 50,000; AFSA notified");
        AlertEvents.raise(alertId, firm, "HIGH");
        await().atMost(WAIT).until(() -> "OPEN".equals(alert(alertId).path("status")));
        AlertEvents.send(EventTypes.ALERT_RESOLVED, firm, AlertEvents.resolved(alertId, firm, "Capital restored"));
        await().atMost(WAIT).until(() -> "RESOLVED".equals(alert(alertId).path("status")));

        given().header("Authorization", co(firm)).get("/alerts/{id}/timeline", alertId).then().statusCode(200)
                .body("alert.alertId", equalTo(alertId)).body("alert.status", equalTo("RESOLVED"))
                .body("truncated", equalTo(false))
                .body("steps.event", org.hamcrest.Matchers.contains("RAISED", "ESCALATED", "ACKNOWLEDGED", "RESOLVED",
                        "REOPENED", "RESOLVED"))
                .body("steps.actor", org.hamcrest.Matchers.contains(IngestFlow.SOURCE, "escalation-clock",
                        "compliance-officer@" + firm, "compliance-officer@" + firm, IngestFlow.SOURCE, IngestFlow.SOURCE))
                .body("steps.actorKind", org.hamcrest.Matchers.contains("SOURCE_SERVICE", "ESCALATION_CLOCK", "PERSON",
                        "PERSON", "SOURCE_SERVICE", "SOURCE_SERVICE"))
                .body("steps[0].severity", equalTo("CRITICAL"))
                .body("steps[0].reason", equalTo("Capital resources below requirement"))
                .body("steps[1].escalationReason", equalTo("CRITICAL_UNACKNOWLEDGED"))
                .body("steps[1].reason", containsString("ESC-001"))
                .body("steps[3].reason", equalTo("Shareholder injected USD 50,000; AFSA notified"))
                .body("steps[4].severity", equalTo("HIGH"))
                .body("steps[5].reason", equalTo("Capital restored"))
                .body("steps.reasonWithheld", not(hasItem(true)));
        Response timeline = given().header("Authorization", co(firm)).get("/alerts/{id}/timeline", alertId);
        List<String> times = timeline.jsonPath().getList("steps.at");
        assertThat(times).isSorted().allMatch(t -> t.endsWith("+05:00"));

        // Another firm's alert is as absent as an unknown one; firm-reporter has no access.
        given().header("Authorization", co("F-OTHER")).get("/alerts/{id}/timeline", alertId).then().statusCode(404)
                .contentType("application/problem+json").body("detail", not(containsString(firm)));
        given().header("Authorization", co(firm)).get("/alerts/{id}/timeline", "CAP-001:nobody").then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(Roles.FIRM_REPORTER, firm))
                .get("/alerts/{id}/timeline", alertId).then().statusCode(403);
        given().header("Authorization", regulator()).get("/alerts/{id}/timeline", alertId).then().statusCode(200);
    }

    @Test
    void shouldExportTheViewAsExcelReadyCsvWithFormulasNeutralisedAndOnlyTheCallersFirm() {
        String firm = firm();
        String other = firm();
        String formula = AlertEvents.newAlertId("CAP-001", firm);
        String cyrillic = AlertEvents.newAlertId("CAP-002", firm);
        String elsewhere = AlertEvents.newAlertId("CAP-001", other);
        raise(formula, firm, "CAPITAL", "HIGH", "2026-04-01T09:15:00+05:00",
                "=HYPERLINK(http://evil.example,click)");
        raise(cyrillic, firm, "CAPITAL", "MEDIUM", "2026-04-02T10:00:00+05:00",
                "Капитал ниже требования, \\\"фирма\\\" уведомлена");
        raise(elsewhere, other, "CAPITAL", "HIGH", "2026-04-01T09:15:00+05:00", "other firm");
        awaitTotal(firm, 2);
        awaitTotal(other, 1);
        resolve(formula, firm, "@SUM(A1:A9) -- +cmd|' /C calc'!A0");

        Response csv = given().header("Authorization", co(firm)).queryParam("status", "OPEN,RESOLVED")
                .get("/alerts/export");
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment; filename=\"alerts-"))
                .header("X-Total-Count", "2");
        assertThat(csv.getContentType()).containsIgnoringCase("charset=UTF-8");
        byte[] bytes = csv.asByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith(BOM + "\"alertId\",\"firmId\",\"duty\",\"ruleId\",\"severity\",\"status\",")
                .contains("\"detectedAt (Astana, UTC+05:00)\"").endsWith("\r\n");
        List<String> lines = List.of(text.substring(1).split("\r\n"));
        assertThat(lines).hasSize(3);
        // Newest first, like the list; times in Astana time; every cell quoted.
        assertThat(lines.get(1)).startsWith("\"" + cyrillic + "\",\"" + firm + "\",\"CAPITAL\",\"CAP-002\",\"MEDIUM\","
                + "\"OPEN\",\"Capital resources below requirement\",\"Капитал ниже требования, \"\"фирма\"\" уведомлена\","
                + "\"2026-04-02 10:00:00\"");
        assertThat(lines.get(2)).startsWith("\"" + formula + "\",")
                .contains(",\"'=HYPERLINK(http://evil.example,click)\",\"2026-04-01 09:15:00\",")
                .contains(",\"'@SUM(A1:A9) -- +cmd|' /C calc'!A0\",")
                .contains(",\"RESOLVED\",").contains(",\"compliance-officer@" + firm + "\",");
        assertThat(text).doesNotContain(elsewhere).doesNotContain("other firm");

        // The regulator's view of both firms; a firm-scoped caller cannot widen its own.
        String both = given().header("Authorization", regulator()).queryParam("firmId", firm + "," + other)
                .get("/alerts/export").then().statusCode(200).extract().asString();
        assertThat(both).contains(formula, cyrillic, elsewhere);
        given().header("Authorization", co(firm)).queryParam("firmId", other).get("/alerts/export").then()
                .statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Roles.FIRM_REPORTER, firm)).get("/alerts/export").then()
                .statusCode(403);
        given().get("/alerts/export").then().statusCode(401);
        // The same filters as the list: an empty view is a header alone.
        String none = given().header("Authorization", co(firm)).queryParam("from", "2030-01-01").get("/alerts/export")
                .then().statusCode(200).header("X-Total-Count", "0").extract().asString();
        assertThat(none.split("\r\n")).hasSize(1);
    }

    @Test
    void shouldKeepAnAmlSuspicionFromTheComplianceOfficerInTheTimelineAndTheCsv() {
        String firm = firm();
        String alertId = AlertEvents.newAlertId("AML-005", firm);
        AlertEvents.send(EventTypes.ALERT_RAISED, firm, AlertEvents.raised(alertId, firm, "AML", "HIGH",
                "Structuring by customer C-4242 (urn:tx/T-991)", null, "/cases/CASE-77/str-draft"));
        await().atMost(WAIT).until(() -> "OPEN".equals(alert(alertId).path("status")));
        given().header("Authorization", TestTokens.bearer(Roles.MLRO, firm)).contentType(ContentType.JSON)
                .body("{\"reason\":\"Case CASE-77: STR filed with the FIU on C-4242\"}")
                .post("/alerts/{id}/resolve", alertId).then().statusCode(200);
        List<String> secrets = List.of("C-4242", "CASE-77", "T-991", "STR filed");

        String timeline = given().header("Authorization", co(firm)).get("/alerts/{id}/timeline", alertId).then()
                .statusCode(200).body("steps.event", org.hamcrest.Matchers.contains("RAISED", "RESOLVED"))
                .body("steps[1].actor", equalTo("mlro@" + firm))
                .body("steps[1].reason", equalTo(AlertView.NEUTRAL_RESOLUTION))
                .body("steps[1].reasonWithheld", equalTo(true))
                .body("alert.withheld", containsInAnyOrder("detail", "evidence", "causedBy", "links", "resolutionReason"))
                .extract().asString();
        assertThat(timeline).doesNotContain(secrets);
        String csv = given().header("Authorization", co(firm)).queryParam("ruleId", "AML-005").get("/alerts/export")
                .then().statusCode(200).extract().asString();
        assertThat(csv).contains(alertId, AlertView.NEUTRAL_RESOLUTION, "\"detail evidence causedBy links resolutionReason\"")
                .doesNotContain(secrets);

        for (String full : List.of(TestTokens.bearer(Roles.MLRO, firm), regulator())) {
            given().header("Authorization", full).get("/alerts/{id}/timeline", alertId).then().statusCode(200)
                    .body("steps[1].reason", equalTo("Case CASE-77: STR filed with the FIU on C-4242"))
                    .body("steps[1].reasonWithheld", equalTo(false));
            assertThat(given().header("Authorization", full).queryParam("firmId", firm).get("/alerts/export").then()
                    .statusCode(200).extract().asString()).contains("C-4242", "STR filed");
        }
    }

    @Test
    void shouldAnswerBadHistoryParametersWithAProblemNamingTheParameter() {
        String firm = firm();
        for (String path : List.of("/alerts", "/alerts/export")) {
            badRequest(path, "from", "yesterday");
            badRequest(path, "from", "2026-02-30");
            badRequest(path, "to", "2026-12-05T25:00:00+05:00");
            badRequest(path, "to", "2026-12-05T10:00:00");
            badRequest(path, "from", "0001-01-01");
            badRequest(path, "to", "2026-12-05T10:00:00+05:00".repeat(20));
            badRequest(path, "ruleId", "CAP 001");
            badRequest(path, "ruleId", "<script>");
            badRequest(path, "status", "CLOSED");
            badRequest(path, "duty", "TAX");
            given().header("Authorization", co(firm)).queryParam("from", "2026-03-02").queryParam("to", "2026-03-01")
                    .get(path).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("to"));
        }
    }

    @Test
    void shouldRefuseAnExportLargerThanTheMaximumAndTakeItOnceNarrowed() {
        String firm = firm();
        // The test profile caps an export at 20 alerts (aifc.export.max-rows).
        for (int i = 0; i < 21; i++) {
            raise(AlertEvents.newAlertId("CAP-005", firm), firm, "CAPITAL", "LOW",
                    "2026-05-%02dT12:00:00+05:00".formatted(i + 1));
        }
        awaitTotal(firm, 21);
        given().header("Authorization", co(firm)).get("/alerts/export").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("from"))
                .body("detail", containsString("21")).body("detail", not(containsString("Exception")));
        given().header("Authorization", co(firm)).queryParam("from", "2026-05-02").get("/alerts/export").then()
                .statusCode(200).header("X-Total-Count", "20");
    }

    @Test
    void shouldDescribeTheSearchTheTimelineAndTheExportInTheOpenApiDocument() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertThat(document).contains("\"/alerts/export\"", "\"/alerts/{alertId}/timeline\"", "\"ruleId\"",
                "\"from\"", "\"to\"", "\"text/csv\"", "\"AlertTimeline\"", "\"TimelineStep\"");
    }

    private static void badRequest(String path, String parameter, String value) {
        given().header("Authorization", co("F-BAD")).queryParam(parameter, value).get(path).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(parameter))
                .body("detail", not(containsString("java."))).body("detail", not(containsString("Exception")));
    }

    /** Raises an alert detected at a chosen time (RFC 3339), as a source service would on Kafka. */
    private static void raise(String alertId, String firm, String duty, String severity, String detectedAt) {
        raise(alertId, firm, duty, severity, detectedAt, "detected " + detectedAt);
    }

    private static void raise(String alertId, String firm, String duty, String severity, String detectedAt,
            String detail) {
        String json = AlertEvents.raised(alertId, firm, duty, severity, detail, null, null)
                .replaceFirst("\"detectedAt\":\"[^\"]+\"", "\"detectedAt\":\"" + detectedAt + "\"");
        AlertEvents.send(EventTypes.ALERT_RAISED, firm, json);
    }

    private static void resolve(String alertId, String firm, String reason) {
        given().header("Authorization", co(firm)).contentType(ContentType.JSON)
                .body(java.util.Map.of("reason", reason)).post("/alerts/{id}/resolve", alertId).then().statusCode(200);
    }

    private static void awaitTotal(String firm, int total) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> given()
                .header("Authorization", regulator()).queryParam("firmId", firm).get("/alerts").jsonPath()
                .getInt("total") == total);
    }

    private static List<String> ids(String token, String... parameters) {
        var request = given().header("Authorization", token);
        for (int i = 0; i < parameters.length; i += 2) {
            request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.get("/alerts").then().statusCode(200).extract().jsonPath().getList("items.alertId");
    }

    private static io.restassured.path.json.JsonPath alertPath(String alertId) {
        return given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).get("/alerts/{id}", alertId).jsonPath();
    }

    private static Fields alert(String alertId) {
        io.restassured.path.json.JsonPath json = alertPath(alertId);
        return field -> json.getString(field);
    }

    /** One alert's fields by name. */
    @FunctionalInterface
    private interface Fields {
        String path(String field);
    }

    private static String firm() {
        return "F-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static String co(String firm) {
        return TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm);
    }

    private static String regulator() {
        return TestTokens.bearer(Roles.REGULATOR);
    }
}
