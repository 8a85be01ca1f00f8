package kz.aifc.notification.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kz.aifc.contract.EventTypes;
import kz.aifc.notification.AlertEvents;
import kz.aifc.notification.escalation.EscalationPolicy;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;
import kz.aifc.testing.IngestFlow;

/** Intake, idempotency, lifecycle, roles, paging and escalation on the real broker and database. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
class AlertDeskFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource db;

    @Inject
    AlertDesk desk;

    private static String co(String firm) {
        return TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm);
    }

    private static String regulator() {
        return TestTokens.bearer(Roles.REGULATOR);
    }

    @Test
    void shouldStoreEachAlertIdOnceRefreshItOnUpdateAndIgnoreRedelivery() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String alertId = AlertEvents.newAlertId("CAP-001", firm);
        String first = AlertEvents.raised(alertId, firm, "CAPITAL", "HIGH", "first look", null, null);
        String eventId = UUID.randomUUID().toString();
        AlertEvents.send(eventId, EventTypes.ALERT_RAISED, firm, first);
        awaitField(alertId, "detail", "first look");

        AlertEvents.send(EventTypes.ALERT_RAISED, firm,
                AlertEvents.raised(alertId, firm, "CAPITAL", "CRITICAL", "worse now", null, null));
        awaitField(alertId, "detail", "worse now");
        // The first event again: redelivery must not turn the alert back.
        AlertEvents.send(eventId, EventTypes.ALERT_RAISED, firm, first);
        AlertEvents.raise(AlertEvents.newAlertId("CAP-002", firm), firm, "LOW");
        await().atMost(WAIT).until(() -> count("select count(*) from alert where firm_id = ?", firm) == 2);

        assertThat(count("select count(*) from alert where alert_id = ?", alertId)).isEqualTo(1);
        given().header("Authorization", co(firm)).get("/alerts/{id}", alertId).then().statusCode(200)
                .body("detail", equalTo("worse now")).body("severity", equalTo("CRITICAL"))
                .body("status", equalTo("OPEN")).body("version", equalTo(2));
    }

    @Test
    void shouldMarkAnAlertResolvedWhenTheSourceServiceResolvesIt() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String alertId = AlertEvents.newAlertId("FP-001", firm);
        AlertEvents.raise(alertId, firm, "HIGH");
        awaitField(alertId, "status", "OPEN");
        AlertEvents.send(EventTypes.ALERT_RESOLVED, firm, AlertEvents.resolved(alertId, firm, "Role filled"));
        awaitField(alertId, "status", "RESOLVED");
        given().header("Authorization", co(firm)).get("/alerts/{id}", alertId).then()
                .body("resolvedBy", equalTo(IngestFlow.SOURCE))
                .body("resolutionReason", equalTo("Role filled"));

        // The same breach seen again reopens the alert with a fresh lifecycle.
        AlertEvents.raise(alertId, firm, "HIGH");
        awaitField(alertId, "status", "OPEN");
        given().header("Authorization", co(firm)).get("/alerts/{id}", alertId).then()
                .body("resolvedBy", equalTo(null)).body("resolutionReason", equalTo(null));
    }

    @Test
    void shouldAcknowledgeThenResolveWithAReasonAndAuditEachChange() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String alertId = AlertEvents.newAlertId("CAP-003", firm);
        AlertEvents.raise(alertId, firm, "HIGH");
        awaitField(alertId, "status", "OPEN");

        given().header("Authorization", co(firm)).post("/alerts/{id}/acknowledge", alertId).then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo("compliance-officer@" + firm))
                .body("acknowledgedAt", notNullValue());
        given().header("Authorization", TestTokens.bearer(Roles.MLRO, firm)).post("/alerts/{id}/acknowledge", alertId)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("compliance-officer@" + firm));

        given().header("Authorization", co(firm)).contentType(ContentType.JSON).body("{\"reason\":\"  \"}")
                .post("/alerts/{id}/resolve", alertId).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("reason"));
        given().header("Authorization", co(firm)).contentType(ContentType.JSON).body("{}")
                .post("/alerts/{id}/resolve", alertId).then().statusCode(400).body("errors.field", hasItem("reason"));
        given().header("Authorization", co(firm)).contentType(ContentType.JSON)
                .body("{\"reason\":\"Capital injection received; AFSA notified\"}")
                .post("/alerts/{id}/resolve", alertId).then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("resolvedBy", equalTo("compliance-officer@" + firm))
                .body("resolutionReason", equalTo("Capital injection received; AFSA notified"));
        given().header("Authorization", co(firm)).contentType(ContentType.JSON).body("{\"reason\":\"again\"}")
                .post("/alerts/{id}/resolve", alertId).then().statusCode(409);

        assertThat(count("select count(*) from audit_log where subject = ? and action in"
                + " ('alert.raised', 'alert.acknowledged', 'alert.resolved')", alertId)).isEqualTo(3);
        given().header("Authorization", regulator()).get("/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void shouldLetOnlyTheFirmsOfficersAndAdminChangeAnAlertAndTheRegulatorReadEveryFirm() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String alertId = AlertEvents.newAlertId("CAP-001", firm);
        AlertEvents.raise(alertId, firm, "MEDIUM");
        awaitField(alertId, "status", "OPEN");

        // Another firm's alert is as absent as an unknown one (api/NoExistenceOracleTest compares the bodies).
        given().header("Authorization", co("F-OTHER")).get("/alerts/{id}", alertId).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", co("F-OTHER")).post("/alerts/{id}/acknowledge", alertId).then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(Roles.FIRM_REPORTER, firm)).get("/alerts/{id}", alertId)
                .then().statusCode(403);
        given().header("Authorization", regulator()).get("/alerts/{id}", alertId).then().statusCode(200);
        given().header("Authorization", regulator()).post("/alerts/{id}/acknowledge", alertId).then().statusCode(403);
        given().get("/alerts").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", regulator()).get("/alerts/{id}", "CAP-001:nobody").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).post("/alerts/{id}/acknowledge", alertId)
                .then().statusCode(200).body("acknowledgedBy", equalTo("admin"));
    }

    @Test
    void shouldListAlertsNewestFirstFilteredAndPagedWithATotal() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String older = AlertEvents.newAlertId("CAP-001", firm);
        String newer = AlertEvents.newAlertId("CAP-002", firm);
        String low = AlertEvents.newAlertId("CAP-005", firm);
        AlertEvents.raise(older, firm, "HIGH");
        AlertEvents.raise(newer, firm, "HIGH");
        AlertEvents.raise(low, firm, "LOW");
        await().atMost(WAIT).until(() -> count("select count(*) from alert where firm_id = ?", firm) == 3);

        given().header("Authorization", co(firm)).queryParam("severity", "HIGH").queryParam("size", 1)
                .get("/alerts").then().statusCode(200)
                .body("total", equalTo(2)).body("size", equalTo(1)).body("items[0].alertId", equalTo(newer));
        given().header("Authorization", co(firm)).queryParam("severity", "HIGH").queryParam("size", 1)
                .queryParam("page", 1).get("/alerts").then().body("items[0].alertId", equalTo(older));
        given().header("Authorization", regulator()).queryParam("firmId", firm).queryParam("status", "OPEN,ACKNOWLEDGED")
                .queryParam("duty", "CAPITAL").get("/alerts").then().statusCode(200).body("total", equalTo(3));
        // A firm-scoped caller sees its own firm whatever it leaves out, and never another firm.
        given().header("Authorization", co(firm)).get("/alerts").then().body("total", equalTo(3));
        given().header("Authorization", co(firm)).queryParam("firmId", "F-OTHER").get("/alerts").then().statusCode(403);

        given().header("Authorization", co(firm)).queryParam("severity", "APOCALYPTIC").get("/alerts").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("severity"));
        given().header("Authorization", co(firm)).queryParam("size", 0).get("/alerts").then().statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", co(firm)).queryParam("page", "x").get("/alerts").then().statusCode(400)
                .body("errors.field", hasItem("page"));
    }

    @Test
    void shouldShowAmlAlertsToTheComplianceOfficerButTheirCaseLinksOnlyToTheMlroAndRegulator() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String alertId = AlertEvents.newAlertId("AML-005", firm);
        AlertEvents.send(EventTypes.ALERT_RAISED, firm, AlertEvents.raised(alertId, firm, "AML", "HIGH",
                "Structuring by customer C-42", null, "/cases/CASE-1/str-draft"));
        awaitField(alertId, "status", "OPEN");

        given().header("Authorization", co(firm)).get("/alerts/{id}", alertId).then().statusCode(200)
                .body("links.report", equalTo(null)).body("linksWithheld", equalTo(true));
        given().header("Authorization", TestTokens.bearer(Roles.MLRO, firm)).get("/alerts/{id}", alertId).then()
                .body("links.report", equalTo("/cases/CASE-1/str-draft")).body("linksWithheld", equalTo(false));
        given().header("Authorization", regulator()).get("/alerts/{id}", alertId).then()
                .body("links.report", equalTo("/cases/CASE-1/str-draft"));
    }

    @Test
    void shouldEscalateAnUnacknowledgedCriticalAndAnyAlertWhoseDeadlineIsNearOrPast() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        String critical = AlertEvents.newAlertId("CAP-001", firm);
        String acknowledged = AlertEvents.newAlertId("FP-001", firm);
        String near = AlertEvents.newAlertId("FP-004", firm);
        String past = AlertEvents.newAlertId("AML-010", firm);
        String far = AlertEvents.newAlertId("FP-005", firm);
        OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Asia/Almaty"));
        AlertEvents.raise(critical, firm, "CRITICAL");
        AlertEvents.raise(acknowledged, firm, "CRITICAL");
        AlertEvents.send(EventTypes.ALERT_RAISED, firm, AlertEvents.raised(near, firm, "FIT_AND_PROPER", "MEDIUM", "d",
                now.plusHours(2), null));
        AlertEvents.send(EventTypes.ALERT_RAISED, firm, AlertEvents.raised(past, firm, "AML", "LOW", "d",
                now.minusHours(1), null));
        AlertEvents.send(EventTypes.ALERT_RAISED, firm, AlertEvents.raised(far, firm, "FIT_AND_PROPER", "MEDIUM", "d",
                now.plusDays(20), null));
        awaitField(acknowledged, "status", "OPEN");
        given().header("Authorization", co(firm)).post("/alerts/{id}/acknowledge", acknowledged).then().statusCode(200);

        awaitField(critical, "escalationReason", "CRITICAL_UNACKNOWLEDGED");
        awaitField(near, "escalationReason", "DEADLINE_NEAR");
        awaitField(past, "escalationReason", "DEADLINE_PASSED");
        given().header("Authorization", co(firm)).get("/alerts/{id}", critical).then().body("escalatedAt", notNullValue())
                .body("status", equalTo("OPEN"));
        given().header("Authorization", co(firm)).get("/alerts/{id}", acknowledged).then()
                .body("escalationReason", equalTo(null));
        given().header("Authorization", co(firm)).get("/alerts/{id}", far).then().body("escalationReason", equalTo(null));
        assertThat(count("select count(*) from alert_escalation where alert_id = ?", critical)).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where subject = ? and action = 'alert.escalated'", past))
                .isEqualTo(1);
        // Each alert carries the reasons it was escalated for, which keeps it out of those reasons' scans.
        assertThat(count("select count(*) from alert where alert_id = ? and escalated_for = '{DEADLINE_PASSED}'",
                past)).isEqualTo(1);
        assertThat(count("select count(*) from alert where alert_id = ?"
                + " and escalated_for = '{CRITICAL_UNACKNOWLEDGED}'", critical)).isEqualTo(1);

        // Resolved and seen again (its deadline now far off): reopened with its escalations forgotten.
        AlertEvents.send(EventTypes.ALERT_RESOLVED, firm, AlertEvents.resolved(past, firm, "Filed"));
        awaitField(past, "status", "RESOLVED");
        AlertEvents.send(EventTypes.ALERT_RAISED, firm, AlertEvents.raised(past, firm, "AML", "LOW", "d",
                now.plusDays(20), null));
        awaitField(past, "status", "OPEN");
        given().header("Authorization", co(firm)).get("/alerts/{id}", past).then()
                .body("escalationReason", equalTo(null)).body("escalatedAt", equalTo(null))
                .body("resolvedBy", equalTo(null));
        assertThat(count("select count(*) from alert_escalation where alert_id = ?", past)).isZero();
        assertThat(count("select count(*) from alert where alert_id = ? and escalated_for = '{}'", past)).isEqualTo(1);
    }

    @Test
    void shouldEscalateARoundOfAlertsOnceEachInOneUnitOfWorkWhenTwoClocksRunItAtOnce() throws Exception {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 6);
        // Deadlines far off: the scheduled clock leaves these alone, so only the two rounds below escalate them.
        OffsetDateTime far = OffsetDateTime.now(ZoneId.of("Asia/Almaty")).plusDays(20);
        List<String> ids = IntStream.range(0, 5).mapToObj(i -> AlertEvents.newAlertId("FP-005", firm)).toList();
        for (String id : ids) {
            AlertEvents.send(EventTypes.ALERT_RAISED, firm, AlertEvents.raised(id, firm, "FIT_AND_PROPER", "MEDIUM",
                    "d", far, null));
        }
        ids.forEach(id -> awaitField(id, "status", "OPEN"));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clocks = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> rounds = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                rounds.add(clocks.submit(() -> {
                    start.await();
                    return desk.escalateAll(ids, EscalationPolicy.DEADLINE_NEAR, "deadline within a drill");
                }));
            }
            start.countDown();
            assertThat(rounds.get(0).get(30, TimeUnit.SECONDS) + rounds.get(1).get(30, TimeUnit.SECONDS))
                    .as("alerts escalated by the two rounds together").isEqualTo(5);
        } finally {
            clocks.shutdownNow();
        }

        assertThat(count("select count(*) from alert_escalation where alert_id = any(?)", ids)).isEqualTo(5);
        assertThat(count("select count(*) from audit_log where subject = any(?) and action = 'alert.escalated'", ids))
                .isEqualTo(5);
        // One round took them all, in one transaction: one escalation time, one version more each.
        assertThat(count("select count(distinct escalated_at) from alert where alert_id = any(?)", ids)).isEqualTo(1);
        assertThat(count("select count(*) from alert where alert_id = any(?) and version = 2", ids)).isEqualTo(5);
        assertThat(count("select count(*) from alert where alert_id = any(?) and escalated_for = '{DEADLINE_NEAR}'",
                ids)).isEqualTo(5);
        for (String id : ids) {
            given().header("Authorization", co(firm)).get("/alerts/{id}", id).then()
                    .body("escalationReason", equalTo("DEADLINE_NEAR")).body("status", equalTo("OPEN"));
        }
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).get("/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true));
    }

    private static void awaitField(String alertId, String field, String value) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).get("/alerts/{id}", alertId);
            return response.statusCode() == 200 && value.equals(response.jsonPath().getString(field));
        });
    }

    private int count(String sql, Object arg) {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            if (arg instanceof List<?> list) {
                q.setArray(1, c.createArrayOf("text", list.toArray()));
            } else {
                q.setString(1, (String) arg);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
