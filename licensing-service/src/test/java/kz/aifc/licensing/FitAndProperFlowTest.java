package kz.aifc.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.AlertResolved;
import kz.aifc.testing.IngestFlow;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestKafka;
import kz.aifc.testing.TestTokens;
import kz.aifc.platform.security.Roles;

/** The fit-and-proper flows of issue 3 on the real broker and database: events in, alerts and drafts out. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_licensing_test"))
class FitAndProperFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(45);

    @Test
    void shouldRaiseVacancyWithDraftWhenMlroDepartsAndResolveItWhenAnApprovedMlroIsAppointed() {
        String firm = firm();
        onboardFullTeam(firm);
        register(firm);
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm))
                .get("/firms/{f}/fit-and-proper", firm).then().statusCode(200)
                .body("mandatoryRoles.find { it.role == 'MLRO' }.vacant", equalTo(false));

        staff(firm, "P-4", "DEPARTED", "MLRO", "APPROVED", null);

        AlertRaised raised = awaitRaised(firm, "FP-001:" + firm + ":MLRO");
        assertThat(raised.severity().name()).isEqualTo("CRITICAL");
        assertThat(raised.citation()).contains("GEN 2.1.1");
        assertThat(raised.evidence()).containsEntry("departedPersonId", "P-4");
        assertThat(raised.regulatoryDeadline()).isNotNull();
        assertThat(raised.deadlineBasis()).contains("UNVERIFIED");
        String report = raised.links().get("report");
        assertThat(report).isEqualTo("/firms/" + firm + "/notifications/FP-001:" + firm + ":MLRO");

        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm)).accept("application/json")
                .get(report).then().statusCode(200)
                .body("kind", equalTo("DEPARTURE"))
                .body("status", equalTo("DRAFT"))
                .body("citation", containsString("GEN 2.1.1"))
                .body("alertStatus", equalTo("OPEN"));
        // Beside the raw facts, the JSON carries them labelled and worded in the language asked for, ids left out.
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm)).accept("application/json")
                .queryParam("lang", "ru").get(report).then().statusCode(200)
                .body("facts.departedPersonId", equalTo("P-4"))
                .body("labelledFacts.label", hasItem("Должность"))
                .body("labelledFacts.text", hasItem("Ответственный сотрудник по ПОД/ФТ (MLRO)"))
                .body("labelledFacts.text", org.hamcrest.Matchers.not(hasItem("P-4")));
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).accept("text/html")
                .get(report).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("DRAFT — review before submission"))
                .body(containsString("GEN 2.1.1"))
                .body(containsString(firm));
        // The printed notice in the language asked for: ?lang, else Accept-Language; another language is a 400.
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).accept("text/html").queryParam("lang", "kk")
                .get(report).then().statusCode(200).body(containsString("ЖОБА — ұсынар алдында тексеріңіз"));
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).accept("text/html")
                .header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5").get(report).then().statusCode(200)
                .body(containsString("ПРОЕКТ — проверить перед представлением"));
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).accept("text/html").queryParam("lang", "de")
                .get(report).then().statusCode(400).contentType("application/problem+json")
                .body(containsString("lang"));
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm))
                .get("/firms/{f}/notifications", firm).then().statusCode(200)
                .body("id", hasItem("FP-001:" + firm + ":MLRO"))
                .body("id", hasItem("GEN-6.2.1:" + firm + ":P-4:DEPARTED:2026-11-20"));
        JsonPath view = given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm))
                .get("/firms/{f}/fit-and-proper", firm).then().statusCode(200).extract().jsonPath();
        assertThat(view.getBoolean("mandatoryRoles.find { it.role == 'MLRO' }.vacant")).isTrue();
        assertThat(view.getString("mandatoryRoles.find { it.role == 'MLRO' }.deadline"))
                .isEqualTo(raised.regulatoryDeadline().toString());

        staff(firm, "P-9", "APPOINTED", "MLRO", "APPROVED", null);

        AlertResolved resolved = awaitResolved(firm, "FP-001:" + firm + ":MLRO");
        assertThat(resolved.reason()).contains("Vacancy filled");
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm)).accept("application/json")
                .get(report).then().statusCode(200).body("alertStatus", equalTo("RESOLVED"));
    }

    @Test
    void shouldRaiseNothingWhileAFirmIsOnboardedBeforeItsLicenceAndEvaluateItWhenTheLicenceIsRegistered() {
        String full = firm();
        onboardFullTeam(full);
        String partial = firm();
        // One role reported at a time, as a firm's HR feed delivers its roster: every other role looks vacant.
        String only = staff(partial, "P-1", "APPOINTED", "SENIOR_EXECUTIVE_OFFICER", "APPROVED", null);
        IngestFlow.awaitApplied(dataSource(), IngestFlow.SOURCE + "/" + only);
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR))
                .get("/firms/{f}/fit-and-proper", partial).then().statusCode(200)
                .body("monitored", equalTo(false))
                .body("mandatoryRoles.find { it.role == 'MLRO' }.vacant", equalTo(true))
                .body("mandatoryRoles.find { it.role == 'MLRO' }.deadline", nullValue())
                .body("openFindings", empty());

        register(full);
        register(partial);

        // Registration evaluates what was recorded: the partial roster's vacancies are raised at once.
        AlertRaised vacancy = awaitRaised(partial, "FP-001:" + partial + ":MLRO");
        assertThat(vacancy.severity().name()).isEqualTo("CRITICAL");
        // The full team's firm gets nothing until something is wrong: its first alert (one partition per firm, in
        // order) is the one this test causes.
        staff(full, "P-4", "DEPARTED", "MLRO", "APPROVED", null);
        List<ConsumerRecord<String, byte[]>> first = TestKafka.await(
                LocalStackResource.topic(Topics.COMPLIANCE_ALERTS), 1, WAIT, r -> full.equals(r.key()));
        assertThat(first).extracting(FitAndProperFlowTest::alertIdOf).containsExactly("FP-001:" + full + ":MLRO");
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR))
                .get("/firms/{f}/notifications", full).then().statusCode(200)
                .body("id", not(hasItem("GEN-6.2.1:" + full + ":P-1:APPOINTED:2026-11-20")))
                .body("id", hasItem("GEN-6.2.1:" + full + ":P-4:DEPARTED:2026-11-20"));
    }

    @Test
    void shouldRaiseCriticalFp004WithSameDayDeadlineWhenAConvictionIsDisclosed() {
        String firm = firm();
        register(firm);
        staff(firm, "P-7", "DISCLOSURE", "MLRO", "APPROVED",
                "{\"kind\":\"SERIOUS_CRIMINAL_CONVICTION\",\"occurredOn\":\"2026-11-18\",\"details\":\"Fraud conviction\"}");

        AlertRaised raised = awaitRaised(firm, "FP-004:" + firm + ":P-7:SERIOUS_CRIMINAL_CONVICTION:2026-11-18");
        assertThat(raised.severity().name()).isEqualTo("CRITICAL");
        assertThat(raised.citation()).contains("FSFR s.43(3)");
        assertThat(raised.regulatoryDeadline().toLocalTime().toString()).isEqualTo("18:00");
        given().header("Authorization", TestTokens.bearer(Roles.MLRO, firm)).accept("application/json")
                .get(raised.links().get("report")).then().statusCode(200)
                .body("kind", equalTo("UNFITNESS_EVENT"))
                .body("facts.individualNoticeDeadline", equalTo("2026-12-09T23:59:59+05:00"));
    }

    @Test
    void shouldRaiseFp008WhenAControllerGoesFrom8To12PercentWithoutApprovalAndResolveOnApproval() {
        String firm = firm();
        register(firm);
        controller(firm, "8.0", "12.5", "NONE");

        AlertRaised raised = awaitRaised(firm, "FP-008:" + firm + ":K-3");
        assertThat(raised.severity().name()).isEqualTo("HIGH");
        assertThat(raised.detail()).contains("became a Controller");
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm)).accept("application/json")
                .get(raised.links().get("report")).then().statusCode(200).body("kind", equalTo("CHANGE_IN_CONTROL"));

        controller(firm, "12.5", "12.5", "APPROVED");
        assertThat(awaitResolved(firm, "FP-008:" + firm + ":K-3").reason()).contains("APPROVED");
    }

    @Test
    @DisplayName("FP-008, GEN 3.3.1 'proposes to decrease … to 50% or less': the proposal raises the notice and changes no holding; its completion raises no second, late notice")
    void shouldRaiseTheDecreaseNoticeOnTheProposalAndNotAgainOnItsCompletion() {
        String firm = firm();
        register(firm);
        controller(firm, "0", "60", "APPROVED", "2026-11-20", null);
        String proposal = controller(firm, "60", "45", "NONE", "2030-01-15", true);

        String noticeId = "FP-008:" + firm + ":K-3:NOTICE:2030-01-15";
        AlertRaised notice = awaitRaised(firm, noticeId);
        assertThat(notice.title()).isEqualTo("Change in control: decrease notice due");
        assertThat(notice.regulatoryDeadline()).isEqualTo(OffsetDateTime.parse("2030-01-15T00:00:00+05:00"));
        assertThat(notice.evidence()).containsEntry("proposed", true);
        IngestFlow.awaitApplied(dataSource(), IngestFlow.SOURCE + "/" + proposal);
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).get("/firms/{f}/fit-and-proper", firm)
                .then().statusCode(200).body("controllers[0].holdingPct", equalTo("60"));

        String completed = controller(firm, "60", "45", "NONE", "2030-01-15", null);
        IngestFlow.awaitApplied(dataSource(), IngestFlow.SOURCE + "/" + completed);
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).get("/firms/{f}/fit-and-proper", firm)
                .then().statusCode(200).body("controllers[0].holdingPct", equalTo("45"));
        assertThat(TestKafka.readToEnd(LocalStackResource.topic(Topics.COMPLIANCE_ALERTS)).stream()
                .filter(r -> noticeId.equals(alertIdOf(r)))).as("the notice, raised once").hasSize(1);
    }

    @Test
    @DisplayName("FP-008 within one poll: a controller over 10% without approval, back under (a late decrease notice), over again and back under again: raised, notice raised, resolved, raised, resolved, in that order on the topic and in the audit log, the notice once, and stored as it ends")
    void shouldRaiseAndResolveAControllerFindingWithinOnePollInTheOrderDecided() {
        String firm = firm();
        register(firm);
        sendControllersTogether(firm, new String[][] {{"8.0", "12.5"}, {"12.5", "8.0"}, {"8.0", "12.5"},
                {"12.5", "8.0"}});

        String finding = "FP-008:" + firm + ":K-3";
        String notice = finding + ":NOTICE:2026-11-20";
        List<String> lifecycle = TestKafka.await(LocalStackResource.topic(Topics.COMPLIANCE_ALERTS), 5, WAIT,
                r -> firm.equals(r.key()) && alertIdOf(r).startsWith("FP-008:")).stream()
                .map(r -> (EventTypes.ALERT_RAISED.equals(TestKafka.header(r, "ce_type")) ? "raised " : "resolved ")
                        + alertIdOf(r)).toList();
        assertThat(lifecycle).containsExactly("raised " + finding, "raised " + notice, "resolved " + finding,
                "raised " + finding, "resolved " + finding);
        assertThat(texts("select action || ' ' || subject from audit_log where firm_id = ? "
                + "and subject like 'FP-008:%' order by seq", firm)).containsExactly("alert.raised " + finding,
                        "alert.raised " + notice, "alert.resolved " + finding, "alert.raised " + finding,
                        "alert.resolved " + finding);
        assertThat(texts("select alert_id || ' ' || status from alert_state where firm_id = ? "
                + "and rule_id = 'FP-008' order by alert_id", firm)).containsExactly(finding + " RESOLVED",
                        notice + " OPEN");
        assertThat(texts("select id from notification_draft where firm_id = ? and rule_id = 'FP-008' order by id",
                firm)).containsExactly(finding, notice);
        assertThat(TestKafka.readToEnd(LocalStackResource.topic(Topics.COMPLIANCE_ALERTS)).stream()
                .filter(r -> notice.equals(alertIdOf(r)))).as("the notice, raised once").hasSize(1);
    }

    @Test
    @DisplayName("FP-008, GEN 3.2.3(1) an approval is valid for one year: crossing 30% on an approval dated more than a year before raises FP-008 naming the expiry, and the date is kept")
    void shouldRaiseFp008WhenTheChangeReliesOnAnApprovalOlderThanAYear() {
        String firm = firm();
        register(firm);
        send(Topics.CONTROLLER_CHANGES, EventTypes.CONTROLLER_CHANGE, firm, """
                {"firmId":"%s","controllerId":"K-3","name":"Steppe Holdings","type":"LEGAL","previousHoldingPct":"20",
                 "newHoldingPct":"35","afsaApproval":"APPROVED","sourceOfWealthEvidence":false,
                 "effectiveDate":"2026-11-20","approvalDate":"2025-06-01"}""".formatted(firm));

        AlertRaised raised = awaitRaised(firm, "FP-008:" + firm + ":K-3");
        assertThat(raised.detail()).contains("crossed 30%")
                .contains("AFSA approval APPROVED of 2025-06-01, which had expired on 2026-06-02");
        assertThat(raised.evidence()).containsEntry("approvalExpiredOn", "2026-06-02");
    }

    @Test
    void shouldShowAVacancyWithNoOpenAlertOnceTheLicenceIsWithdrawn() {
        String firm = firm();
        String only = staff(firm, "P-1", "APPOINTED", "SENIOR_EXECUTIVE_OFFICER", "APPROVED", null);
        IngestFlow.awaitApplied(dataSource(), IngestFlow.SOURCE + "/" + only);
        register(firm, "WITHDRAWN");

        JsonPath view = given().header("Authorization", TestTokens.bearer(Roles.REGULATOR))
                .get("/firms/{f}/fit-and-proper", firm).then().statusCode(200).extract().jsonPath();
        assertThat(view.getBoolean("monitored")).isTrue();
        assertThat(view.getList("openFindings")).isEmpty();
        // A withdrawn licence resolves standing findings: the vacancy shows, with no open alert to date it from.
        Map<String, Object> mlro = view.getMap("mandatoryRoles.find { it.role == 'MLRO' }");
        assertThat(mlro).containsEntry("vacant", true).containsEntry("vacantSince", null)
                .containsEntry("alertId", "FP-001:" + firm + ":MLRO").containsKey("deadline");
        assertThat(view.getMap("mandatoryRoles.find { it.role == 'SENIOR_EXECUTIVE_OFFICER' }"))
                .containsEntry("vacant", false).doesNotContainKeys("alertId", "vacantSince", "deadline", "report");
    }

    @Test
    void shouldRecordADisclosureOnceWhenItsEventIsDeliveredTwice() {
        String firm = firm();
        register(firm);
        String json = staffJson(firm, "P-7", "DISCLOSURE", "MLRO", "APPROVED",
                "{\"kind\":\"OTHER_MATERIAL_CHANGE\",\"occurredOn\":\"2026-11-18\",\"details\":\"Civil judgment\"}");
        String id = UUID.randomUUID().toString();
        send(Topics.STAFF_CHANGES, EventTypes.STAFF_CHANGE, firm, json, id);
        // The same event again (same source and id), then a fresh one behind it on the same partition: once the
        // fresh one is applied, the duplicate has been seen.
        send(Topics.STAFF_CHANGES, EventTypes.STAFF_CHANGE, firm, json, id);
        String next = staff(firm, "P-8", "APPOINTED", "DIRECTOR", "APPROVED", null);
        IngestFlow.awaitApplied(dataSource(), IngestFlow.SOURCE + "/" + next);

        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm))
                .get("/firms/{f}/fit-and-proper", firm).then().statusCode(200)
                .body("disclosures", hasSize(1))
                .body("disclosures[0].kind", equalTo("OTHER_MATERIAL_CHANGE"))
                .body("people.personId", hasItems("P-7", "P-8"))
                .body("openFindings.findAll { it.ruleId == 'FP-005' }", hasSize(1));
    }

    @Test
    void shouldNotLetAFirmScopedCallerReadAnotherFirm() {
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, "F-OTHER"))
                .get("/firms/{f}/fit-and-proper", "F-0001").then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, "F-0001"))
                .get("/firms/{f}/notifications/{id}", "F-0001", "no-such-draft").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, "F-0001")).accept("text/html")
                .get("/firms/{f}/notifications/{id}", "F-0001", "no-such-draft").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR))
                .get("/firms/{f}/fit-and-proper", "F-NOBODY").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static String firm() {
        return "F-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Every mandatory role of a non-DATF firm, held by an approved person; waits until all are applied. */
    private static void onboardFullTeam(String firm) {
        staff(firm, "P-1", "APPOINTED", "SENIOR_EXECUTIVE_OFFICER", "APPROVED", null);
        staff(firm, "P-2", "APPOINTED", "FINANCE_OFFICER", "APPROVED", null);
        staff(firm, "P-3", "APPOINTED", "COMPLIANCE_OFFICER", "APPROVED", null);
        staff(firm, "P-4", "APPOINTED", "MLRO", "APPROVED", null);
        String last = staff(firm, "P-5", "APPOINTED", "DEPUTY_MLRO", "APPROVED", null);
        IngestFlow.awaitApplied(dataSource(), IngestFlow.SOURCE + "/" + last);
    }

    /** Puts the firm on the register (Dealing as Principal): from then on its FP rules run. */
    private static void register(String firm) {
        register(firm, "ACTIVE");
    }

    private static void register(String firm, String status) {
        given().header("Authorization", TestTokens.bearer(Roles.ADMIN)).contentType("application/json")
                .body("""
                        {"firmId":"%s","firmName":"Firm %s","licenceNumber":"AFSA-%s","status":"%s",
                         "activities":["DEALING_AS_PRINCIPAL"],"effectiveFrom":"2026-01-15","conditions":[]}"""
                        .formatted(firm, firm, firm, status))
                .post("/licences").then().statusCode(201);
    }

    private static String staff(String firm, String person, String change, String role, String approval,
            String disclosure) {
        return send(Topics.STAFF_CHANGES, EventTypes.STAFF_CHANGE, firm,
                staffJson(firm, person, change, role, approval, disclosure));
    }

    private static String staffJson(String firm, String person, String change, String role, String approval,
            String disclosure) {
        return """
                {"firmId":"%s","personId":"%s","fullName":"Person %s","change":"%s","roles":["%s"],
                 "afsaApproval":"%s","residentInKazakhstan":true,"seniority":"SENIOR_MANAGER","disclosure":%s,
                 "effectiveDate":"2026-11-20"}""".formatted(firm, person, person, change, role, approval, disclosure);
    }

    private static void controller(String firm, String from, String to, String approval) {
        controller(firm, from, to, approval, "2026-11-20", null);
    }

    private static String controller(String firm, String from, String to, String approval, String effective,
            Boolean proposed) {
        return send(Topics.CONTROLLER_CHANGES, EventTypes.CONTROLLER_CHANGE, firm, """
                {"firmId":"%s","controllerId":"K-3","name":"Steppe Holdings","type":"LEGAL","previousHoldingPct":"%s",
                 "newHoldingPct":"%s","afsaApproval":"%s","sourceOfWealthEvidence":false,"effectiveDate":"%s"%s}"""
                .formatted(firm, from, to, approval, effective, proposed == null ? "" : ",\"proposed\":" + proposed));
    }

    private static String send(String contractTopic, String type, String firm, String json) {
        return send(contractTopic, type, firm, json, UUID.randomUUID().toString());
    }

    private static String send(String contractTopic, String type, String firm, String json, String id) {
        TestKafka.send(LocalStackResource.topic(contractTopic), firm, IngestFlow.binaryHeaders(id, type, firm),
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return id;
    }

    /**
     * K-3's changes of holding (from, to; no approval, effective 2026-11-20) sent in one go: the service reads them in
     * one poll and applies them in one unit of work.
     */
    private static void sendControllersTogether(String firm, String[][] moves) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (String[] move : moves) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                    LocalStackResource.topic(Topics.CONTROLLER_CHANGES), firm, """
                            {"firmId":"%s","controllerId":"K-3","name":"Steppe Holdings","type":"LEGAL",
                             "previousHoldingPct":"%s","newHoldingPct":"%s","afsaApproval":"NONE",
                             "sourceOfWealthEvidence":false,"effectiveDate":"2026-11-20"}"""
                            .formatted(firm, move[0], move[1]).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            IngestFlow.binaryHeaders(UUID.randomUUID().toString(), EventTypes.CONTROLLER_CHANGE, firm)
                    .forEach((name, value) -> record.headers().add(name, value));
            records.add(record);
        }
        TestKafka.sendTogether(records);
    }

    /** The first column of a query (the test's own text) for the firm, as text, in the query's order. */
    @SuppressWarnings("unchecked")
    private static List<String> texts(String sql, String firm) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) Panache.getEntityManager()
                .createNativeQuery(sql, String.class).setParameter(1, firm).getResultList());
    }

    static AlertRaised awaitRaised(String firm, String alertId) {
        ConsumerRecord<String, byte[]> r = awaitAlert(firm, EventTypes.ALERT_RAISED, alertId);
        return (AlertRaised) CloudEventCodec.decode(r.headers(), r.value()).data();
    }

    static AlertResolved awaitResolved(String firm, String alertId) {
        ConsumerRecord<String, byte[]> r = awaitAlert(firm, EventTypes.ALERT_RESOLVED, alertId);
        return (AlertResolved) CloudEventCodec.decode(r.headers(), r.value()).data();
    }

    private static ConsumerRecord<String, byte[]> awaitAlert(String firm, String type, String alertId) {
        List<ConsumerRecord<String, byte[]>> found = TestKafka.await(LocalStackResource.topic(Topics.COMPLIANCE_ALERTS),
                1, WAIT, r -> firm.equals(r.key()) && type.equals(TestKafka.header(r, "ce_type"))
                        && alertId.equals(alertIdOf(r)));
        assertThat(found).as("%s %s on the alerts topic", type, alertId).isNotEmpty();
        return found.get(0);
    }

    private static String alertIdOf(ConsumerRecord<String, byte[]> r) {
        CloudEvent<?> e = CloudEventCodec.decode(r.headers(), r.value());
        return e.data() instanceof AlertRaised a ? a.alertId()
                : e.data() instanceof AlertResolved s ? s.alertId() : null;
    }

    private static javax.sql.DataSource dataSource() {
        return io.quarkus.arc.Arc.container().instance(javax.sql.DataSource.class).get();
    }

}
