package kz.aifc.notification.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kz.aifc.contract.EventTypes;
import jakarta.inject.Inject;
import kz.aifc.notification.AlertEvents;
import kz.aifc.notification.alerts.AlertChanged;
import kz.aifc.notification.alerts.AlertChanges;
import kz.aifc.notification.alerts.Change;
import kz.aifc.notification.store.AlertStore;
import kz.aifc.notification.store.StoredAlert;
import kz.aifc.platform.security.Roles;
import kz.aifc.platform.store.RoundTrip;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestTokens;

/**
 * Alert mail through the real SMTP server (GreenMail, started by deploy/local/mail.sh) and read back from it: who gets
 * what (tipping-off on AML alerts), escalations, a server that is down for a while, one mail per event and address.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_notification_test"))
@WithTestResource(MailServerResource.class)
class MailFlowTest {

    @Inject
    MailQueue queue;
    @Inject
    AlertStore store;

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUSPICION = "Customer C-77 split 2,950 USD into three deposits under the threshold";

    @Test
    void shouldMailACriticalAmlAlertInFullOnlyToTheMlroAndInTheRestrictedViewToTheComplianceOfficer() throws Exception {
        String firm = newFirm();
        String co = address("co", firm);
        String mlro = address("mlro", firm);
        setRecipients(firm, List.of(co), List.of(mlro));

        String alertId = AlertEvents.newAlertId("AML-001", firm);
        AlertEvents.send(EventTypes.ALERT_RAISED, firm,
                AlertEvents.raised(alertId, firm, "AML", "CRITICAL", SUSPICION, null, "/cases/CASE-123"));
        String quiet = AlertEvents.newAlertId("AML-004", firm);
        AlertEvents.send(EventTypes.ALERT_RAISED, firm,
                AlertEvents.raised(quiet, firm, "AML", "MEDIUM", "not worth a mail", null, null));

        Mailbox.Message toMlro = awaitMail(mlro, "CRITICAL alert");
        Mailbox.Message toCo = awaitMail(co, "CRITICAL alert");

        assertThat(toMlro.subject()).isEqualTo("[AIFC] CRITICAL alert: AML-001 at " + firm
                + " - Capital resources below requirement");
        assertThat(toMlro.to()).containsExactly(mlro);
        assertThat(toMlro.from()).contains("alerts@aifc-compliance.local");
        assertThat(toMlro.text()).contains(SUSPICION, alertId, "http://desk.example/", "Астаны", "критическое оповещение")
                .doesNotContain("CASE-123", "urn:firm/1", "capitalResources");

        assertThat(toCo.to()).containsExactly(co);
        assertThat(toCo.text()).contains(alertId, "for the firm's MLRO only", "http://desk.example/")
                .doesNotContain(SUSPICION, "C-77", "CASE-123");

        // The test profile escalates an unacknowledged CRITICAL alert after 3 s (ESC-001): a second mail each.
        assertThat(awaitMail(co, "Not acknowledged").text()).doesNotContain(SUSPICION);
        assertThat(awaitMail(mlro, "Not acknowledged").text()).contains(SUSPICION);

        JsonNode log = mailLog(firm);
        assertThat(log.findValuesAsText("alertId")).doesNotContain(quiet);
        assertThat(log.findValuesAsText("status")).containsOnly("SENT");
        assertThat(Mailbox.inbox(co)).noneMatch(m -> m.text().contains(quiet));
    }

    @Test
    void shouldKeepMailWhileTheServerIsDownAndSendItOnceWhenItIsBack() throws Exception {
        String firm = newFirm();
        String mlro = address("mlro", firm);
        setRecipients(firm, List.of(), List.of(mlro));

        MailServerResource.RELAY.down();
        String alertId = AlertEvents.newAlertId("CAP-001", firm);
        String eventId = UUID.randomUUID().toString();
        String raised = AlertEvents.raised(alertId, firm, "CAPITAL", "CRITICAL", "Capital below requirement", null, null);
        try {
            AlertEvents.send(eventId, EventTypes.ALERT_RAISED, firm, raised);
            await().atMost(WAIT).until(() -> {
                JsonNode raisedMail = find(mailLog(firm), "RAISED");
                return raisedMail != null && raisedMail.path("attempts").asInt() >= 2;
            });
            JsonNode pending = find(mailLog(firm), "RAISED");
            assertThat(pending.path("status").asText()).isEqualTo("PENDING");
            assertThat(pending.path("lastOutcome").asText()).isEqualTo("SMTP_UNAVAILABLE");
            assertThat(Mailbox.inbox(mlro)).isEmpty();
            // The same event delivered again (a rebalance, a replica) queues nothing more.
            AlertEvents.send(eventId, EventTypes.ALERT_RAISED, firm, raised);
        } finally {
            MailServerResource.RELAY.up();
        }

        Mailbox.Message mail = awaitMail(mlro, "CRITICAL alert");
        assertThat(mail.text()).contains(alertId);
        await().atMost(WAIT).until(() -> "SENT".equals(find(mailLog(firm), "RAISED").path("status").asText()));
        JsonNode raisedMail = find(mailLog(firm), "RAISED");
        assertThat(mailLog(firm).findValuesAsText("event").stream().filter("RAISED"::equals)).hasSize(1);
        assertThat(raisedMail.path("attempts").asInt()).isGreaterThanOrEqualTo(3);
        Thread.sleep(2000);
        assertThat(Mailbox.inbox(mlro).stream().filter(m -> m.subject().contains("CRITICAL alert"))).hasSize(1);
    }

    @Test
    void shouldQueueOneMailPerAlertEventAndAddressWhicheverReplicaQueuesIt() throws Exception {
        String firm = newFirm();
        String mlro = address("mlro", firm);
        // The same address under both roles gets one mail, in the MLRO's (full) view.
        setRecipients(firm, List.of(mlro), List.of(mlro));
        String alertId = AlertEvents.newAlertId("FP-001", firm);
        AlertEvents.send(EventTypes.ALERT_RAISED, firm,
                AlertEvents.raised(alertId, firm, "FIT_AND_PROPER", "CRITICAL", "MLRO post vacant", null, null));
        awaitMail(mlro, "CRITICAL alert");

        // Another replica (or a retried transaction) queuing the same change finds it queued already.
        StoredAlert stored = store.find(alertId, false).orElseThrow();
        AlertChanges again = AlertChanges.of(
                new AlertChanged(Change.RAISED, stored, OffsetDateTime.now(ZoneId.of("Asia/Almaty"))),
                new RoundTrip());
        QuarkusTransaction.requiringNew().run(() -> queue.enqueue(again));
        QuarkusTransaction.requiringNew().run(() -> queue.enqueue(again));

        assertThat(mailLog(firm).findValuesAsText("event").stream().filter("RAISED"::equals)).hasSize(1);
        Thread.sleep(2_000);
        assertThat(Mailbox.inbox(mlro).stream().filter(m -> m.subject().contains("CRITICAL alert"))).hasSize(1);
        assertThat(find(mailLog(firm), "RAISED").path("amlView").asText()).isEqualTo("FULL");
    }

    @Test
    void shouldMailAnApproachingDeadlineToBothRolesOfANonAmlAlert() throws Exception {
        String firm = newFirm();
        String co = address("co", firm);
        String mlro = address("mlro", firm);
        setRecipients(firm, List.of(co), List.of(mlro));

        String alertId = AlertEvents.newAlertId("FP-002", firm);
        OffsetDateTime deadline = OffsetDateTime.now(ZoneId.of("Asia/Almaty")).plusHours(5).withNano(0);
        AlertEvents.send(EventTypes.ALERT_RAISED, firm,
                AlertEvents.raised(alertId, firm, "FIT_AND_PROPER", "HIGH", "Director without AFSA approval", deadline, null));

        Mailbox.Message toCo = awaitMail(co, "Deadline approaching");
        assertThat(toCo.subject()).isEqualTo("[AIFC] Deadline approaching: FP-002 at " + firm
                + " - Capital resources below requirement");
        assertThat(toCo.text()).contains("The regulatory deadline of this alert is approaching.",
                "Director without AFSA approval", "(Astana time)", "Приближается регуляторный срок");
        assertThat(awaitMail(mlro, "Deadline approaching").text()).contains("Director without AFSA approval");
        assertThat(Mailbox.inbox(co)).noneMatch(m -> m.subject().contains("CRITICAL"));
    }

    @Test
    void shouldLetOnlyTheAdminSetRecipientsAndRefuseBadAddressesNamingTheField() {
        String firm = newFirm();
        String admin = TestTokens.bearer(Roles.ADMIN);
        given().header("Authorization", admin).get("/firms/{firm}/mail-recipients", firm).then().statusCode(200)
                .body("complianceOfficer", empty()).body("mlro", empty());
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("mlro", List.of(" mlro@" + firm.toLowerCase() + ".example ")))
                .put("/firms/{firm}/mail-recipients", firm).then().statusCode(200)
                .body("mlro", contains("mlro@" + firm.toLowerCase() + ".example")).body("complianceOfficer", empty());

        for (Object bad : List.of(List.of("not-an-address"), List.of("a@b.example\r\nBcc: x@evil.example"),
                List.of("Name <a@b.example>"), List.of("a@b.example", "A@B.example"))) {
            given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("complianceOfficer", bad))
                    .put("/firms/{firm}/mail-recipients", firm).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("complianceOfficer"));
        }
        given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of())
                .put("/firms/{firm}/mail-recipients", "bad firm!").then().statusCode(400)
                .body("errors.field", hasItem("firmId"));
        for (String role : List.of(Roles.COMPLIANCE_OFFICER, Roles.MLRO)) {
            given().header("Authorization", TestTokens.bearer(role, firm)).get("/firms/{firm}/mail-recipients", firm)
                    .then().statusCode(403);
            given().header("Authorization", TestTokens.bearer(role, firm)).contentType(ContentType.JSON)
                    .body(Map.of("mlro", List.of("me@evil.example"))).put("/firms/{firm}/mail-recipients", firm)
                    .then().statusCode(403);
        }
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).get("/firms/{firm}/mail-deliveries", firm)
                .then().statusCode(403);
        given().header("Authorization", admin).get("/firms/{firm}/mail-recipients", firm).then().statusCode(200)
                .body("mlro", contains("mlro@" + firm.toLowerCase() + ".example"));
    }

    private static Mailbox.Message awaitMail(String address, String subjectPart) {
        return await().atMost(WAIT).until(() -> Mailbox.inbox(address).stream()
                .filter(m -> m.subject().contains(subjectPart)).findFirst().orElse(null), m -> m != null);
    }

    private static JsonNode find(JsonNode log, String event) {
        for (JsonNode d : log) {
            if (d.path("event").asText().equals(event)) {
                return d;
            }
        }
        return null;
    }

    private static void setRecipients(String firm, List<String> co, List<String> mlro) {
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("complianceOfficer", co, "mlro", mlro)).put("/firms/{firm}/mail-recipients", firm)
                .then().statusCode(200);
    }

    private static JsonNode mailLog(String firm) throws IOException {
        return JSON.readTree(given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .get("/firms/{firm}/mail-deliveries", firm).then().statusCode(200).extract().asString());
    }

    private static String newFirm() {
        return "F-M" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private static String address(String who, String firm) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 6) + "@" + firm.toLowerCase() + ".example";
    }
}
