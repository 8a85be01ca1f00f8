package kz.aifc.capital.flow;

import static io.restassured.RestAssured.given;
import static kz.aifc.capital.flow.CapitalEvents.licence;
import static kz.aifc.capital.flow.CapitalEvents.lifecycle;
import static kz.aifc.capital.flow.CapitalEvents.raised;
import static kz.aifc.capital.flow.CapitalEvents.raisedBefore;
import static kz.aifc.capital.flow.CapitalEvents.resolved;
import static kz.aifc.capital.flow.CapitalEvents.send;
import static kz.aifc.capital.flow.CapitalEvents.sendTogether;
import static kz.aifc.capital.flow.CapitalEvents.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.aifc.capital.alerts.ReportingGapCheck;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.Topics;
import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.Currency;
import kz.aifc.contract.v1.Severity;
import kz.aifc.platform.security.Roles;
import kz.aifc.platform.time.BusinessCalendar;
import kz.aifc.testing.IngestFlow;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestKafka;
import kz.aifc.testing.TestTokens;

/** The capital flows on the real broker and database: snapshot in, alert out on the alerts topic, reports over REST. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_capital_test"))
class CapitalFlowTest {

    private static final String REGULATOR = TestTokens.bearer(Roles.REGULATOR);

    @Inject
    DataSource db;

    @Inject
    ReportingGapCheck gapCheck;

    @Test
    @DisplayName("CAP-001 (GEN 6.2.3 'immediately'): a snapshot below the requirement raises a CRITICAL alert due when detected (the interpretation labelled, in the alert and the notice), keeps its id while the breach lasts, and a curing snapshot resolves it")
    void shouldRaiseCapitalBreachWithItsDeadlineAndResolveItWhenCured() {
        String firm = "F-1001";
        licensed(firm, Activity.DEALING_AS_PRINCIPAL);
        send(snapshot(firm, "2026-11-20T17:00:00+05:00", "240000.00"));

        AlertRaised alert = raised(firm, "CAP-001", 1).get(0);
        assertThat(alert.alertId()).isEqualTo("CAP-001:F-1001:2026-11-20");
        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        // Not configured under PRU(INV) (the default): 6.5's 1 business day is not shown, "immediately" is.
        assertThat(alert.regulatoryDeadline()).isEqualTo(alert.detectedAt());
        assertThat(alert.deadlineBasis()).startsWith("Advise AFSA immediately (GEN 6.2.3")
                .contains("Interpretation, not rule text");
        assertThat(alert.detail()).isEqualTo(
                "Capital resources USD 240,000.00 are below the requirement of USD 250,000.00 (96.0%).");
        assertThat(alert.citation()).contains("GEN 6.2.3");
        assertThat(alert.rulebookVersion()).isEqualTo("2026.1");
        assertThat(alert.links()).containsEntry("report",
                "/firms/F-1001/reports/capital-breach-notice/CAP-001:F-1001:2026-11-20");

        given().header("Authorization", REGULATOR).get(alert.links().get("report")).then().statusCode(200)
                .body("draft", equalTo(true)).body("alertId", equalTo(alert.alertId()))
                .body("deadlineBasis", equalTo(alert.deadlineBasis())).body("pruInvFirm", equalTo(false))
                .body("statement", hasItem(containsString("this draft's interpretation of 'immediately'")))
                .body("firm.licenceNumber", equalTo("AFSA-A-LA-2026-F-1001"))
                .body("evidence.find { it.name == 'requirement' }.value", equalTo("250000"))
                .body("evidence.find { it.name == 'requirement' }.text", equalTo("USD 250,000.00"));
        given().header("Authorization", REGULATOR).queryParam("lang", "ru").get(alert.links().get("report")).then()
                .statusCode(200).body("evidence.find { it.name == 'requirement' }.label", equalTo("Требование"))
                .body("evidence.find { it.name == 'requirement' }.text", equalTo("250\u00a0000,00\u00a0USD"));
        given().header("Authorization", REGULATOR).accept("text/html").get(alert.links().get("report")).then()
                .statusCode(200).contentType(containsString("text/html"))
                .body(containsString("DRAFT — review before submission")).body(containsString("GEN 6.2.3"))
                .body(containsString("Steppe Digital Ltd")).body(containsString("Interpretation, not rule text"));
        // The English print words what the JSON says.
        JsonPath notice = given().header("Authorization", REGULATOR).get(alert.links().get("report")).then()
                .statusCode(200).extract().jsonPath();
        String printed = given().header("Authorization", REGULATOR).accept("text/html").get(alert.links().get("report"))
                .then().statusCode(200).extract().asString();
        assertThat(printed).contains(escaped(notice.getString("title")), escaped(notice.getString("addressee")));
        notice.getList("statement", String.class).forEach(p -> assertThat(printed).contains(escaped(p)));
        notice.getList("toComplete", String.class).forEach(t -> assertThat(printed).contains(escaped(t)));

        // Still in breach the next day: the same alert is updated, its id, detection time and deadline unchanged.
        send(snapshot(firm, "2026-11-21T17:00:00+05:00", "230000.00"));
        AlertRaised update = raised(firm, "CAP-001", 2).get(1);
        assertThat(update.alertId()).isEqualTo(alert.alertId());
        assertThat(update.regulatoryDeadline()).isEqualTo(alert.regulatoryDeadline());
        assertThat(update.detectedAt()).as("first detected, when 'immediately' fell due").isEqualTo(alert.detectedAt());
        assertThat(update.detail()).contains("USD 230,000.00");

        send(snapshot(firm, "2026-11-23T10:00:00+05:00", "260000.00"));
        assertThat(resolved(alert.alertId())).hasSize(1);
        given().header("Authorization", REGULATOR).get("/firms/" + firm + "/capital").then().statusCode(200)
                .body("current.capitalResourcesUsd", equalTo("260000.00"))
                .body("current.requirement.amountUsd", equalTo("250000"))
                .body("current.headroomPercent", equalTo("4.00"));
        given().header("Authorization", REGULATOR).accept("text/html").get("/firms/" + firm + "/capital").then()
                .statusCode(200).contentType(containsString("text/html")).body(containsString("260,000.00"))
                .body(containsString("DAA 3.2(1)(b) and Table 2"));
    }

    @Test
    @DisplayName("CAP-001 breached, cured and breached again within one poll: the alert is raised then resolved and the second breach raised under a new id, in that order on the topic and in the audit log, and stored as it ends")
    void shouldRaiseAndResolveABreachCuredWithinOnePoll() {
        String firm = "F-1012";
        licensed(firm, Activity.DEALING_AS_PRINCIPAL);
        sendTogether(snapshot(firm, "2026-11-20T10:00:00+05:00", "240000.00"),
                snapshot(firm, "2026-11-20T12:00:00+05:00", "400000.00"),
                snapshot(firm, "2026-11-20T15:00:00+05:00", "240000.00"));

        String first = "CAP-001:F-1012:2026-11-20";
        String second = first + "-2";
        assertThat(lifecycle(firm, "CAP-001:", 3)).containsExactly("raised " + first, "resolved " + first,
                "raised " + second);
        assertThat(texts("select action || ' ' || subject from audit_log where firm_id = ? "
                + "and subject like 'CAP-001:%' order by seq", firm))
                .containsExactly("alert.raised " + first, "alert.resolved " + first, "alert.raised " + second);
        assertThat(texts("select alert_id || ' ' || status from alert_state where firm_id = ? "
                + "and rule_id = 'CAP-001' order by alert_id", firm))
                .containsExactly(first + " RESOLVED", second + " OPEN");
    }

    @Test
    @DisplayName("CAP-007 (internal): a business-day deadline in a year the calendar does not cover (2028) raises a configuration alert citing 'internal' beside the breach, whose basis says weekends only were counted")
    void shouldRaiseAConfigurationAlertWhenADeadlineFallsInAnUncoveredYear() {
        String firm = "F-1010";
        licensed(firm, Activity.DEALING_AS_PRINCIPAL);
        send(snapshot(firm, "2028-06-01T17:00:00+05:00", "400000.00"));
        // CAP-004 (PRU(INV) 6.4, 1 business day): paid-up capital falls without an approval reference.
        send(snapshot(firm, "2028-06-02T17:00:00+05:00", "350000.00"));

        AlertRaised reduction = raised(firm, "CAP-004", 1).get(0);
        assertThat(reduction.regulatoryDeadline().getYear()).isEqualTo(2028);
        assertThat(reduction.deadlineBasis()).contains("no Kazakhstan days off are configured for 2028, so only weekends were skipped");
        AlertRaised gap = raised(firm, "CAP-007", 1).get(0);
        assertThat(gap.alertId()).isEqualTo("CAP-007:F-1010:2028");
        assertThat(gap.citation()).isEqualTo("internal");
        assertThat(gap.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(gap.detail()).contains("no days off for 2028").contains(reduction.alertId())
                .contains("aifc.calendar.location");
        assertThat(gap.evidence()).containsEntry("year", 2028).containsEntry("affectedAlertId", reduction.alertId());
        assertThat(gap.regulatoryDeadline()).isNull();
    }

    @Test
    @DisplayName("the same snapshot event delivered twice has its effect once: one history row, one alert, nothing parked")
    void shouldRaiseOneAlertWhenTheSameSnapshotIsDeliveredTwice() {
        String firm = "F-1002";
        String marker = TestKafka.samePartitionAs(firm, Topics.partitions(Topics.COMPLIANCE_ALERTS));
        licensed(firm, Activity.DEALING_AS_PRINCIPAL);
        licensed(marker, Activity.DEALING_AS_PRINCIPAL);
        CapitalSnapshot below = snapshot(firm, "2026-11-20T17:00:00+05:00", "200000.00");
        CloudEvent<CapitalSnapshot> event = send(below);
        send(event);
        // The marker firm shares the firm's partitions: its breach comes out after everything the duplicate caused.
        send(snapshot(marker, "2026-11-20T17:00:00+05:00", "100000.00"));

        assertThat(raisedBefore(firm, "CAP-001", marker, "CAP-001")).as("one CAP-001 alert, not refreshed")
                .hasSize(1).first().extracting(AlertRaised::alertId).isEqualTo("CAP-001:F-1002:2026-11-20");
        given().header("Authorization", REGULATOR).get("/firms/" + firm + "/capital").then().statusCode(200)
                .body("history.size()", equalTo(1));
        assertThat(TestKafka.readToEnd(Topics.dlq(LocalStackResource.topic(Topics.CAPITAL_SNAPSHOTS))))
                .as("the duplicate is not an error").noneMatch(r -> event.id().equals(TestKafka.header(r, "ce_id")));
    }

    @Test
    @DisplayName("a licence varied after a snapshot re-evaluates it: adding DATF operation (USD 300,000, unverified) breaches USD 280,000")
    void shouldReEvaluateTheLatestSnapshotWhenTheLicenceIsVaried() {
        String firm = "F-1003";
        licensed(firm, Activity.DEALING_AS_PRINCIPAL);
        CloudEvent<CapitalSnapshot> snap = send(snapshot(firm, "2026-11-20T17:00:00+05:00", "280000.00"));
        IngestFlow.awaitApplied(db, snap.eventKey());

        licensed(firm, Activity.DEALING_AS_PRINCIPAL, Activity.DATF_OPERATOR);

        AlertRaised alert = raised(firm, "CAP-001", 1).get(0);
        assertThat(alert.evidence()).containsEntry("requirement", "300000").containsEntry("requirementBasis", "DATF_OPERATOR")
                .containsEntry("requirementConfidence", "unverified")
                .containsEntry("requirementSetting",
                        "aifc.rulebook.location: rulebook.json tables.baseCapital[activity=DATF_OPERATOR].amountUsd");
        assertThat(alert.causedBy()).contains(snap.eventKey());
        // Domain-facts H14: the desk (through the alert) and the notice say the amount is unverified and where it is set.
        assertThat(alert.title()).isEqualTo("Capital resources below the base capital requirement (unverified amount)");
        assertThat(alert.detail()).contains("rests on an unverified amount, USD 300,000.00 for DATF_OPERATOR")
                .contains("tables.baseCapital[activity=DATF_OPERATOR].amountUsd");
        JsonPath notice = given().header("Authorization", REGULATOR).get(alert.links().get("report")).then()
                .statusCode(200).body("unverifiedAmount.activity", equalTo("DATF_OPERATOR"))
                .body("unverifiedAmount.amountUsd", equalTo("300000")).extract().jsonPath();
        assertThat(notice.getList("statement", String.class)).anySatisfy(p -> assertThat(p).startsWith(
                "The base capital amount this notice rests on, USD 300,000.00 for Operating a Digital Asset Trading")
                .contains("is unverified").contains("tables.baseCapital[activity=DATF_OPERATOR].amountUsd"));
        String printed = given().header("Authorization", REGULATOR).accept("text/html").get(alert.links().get("report"))
                .then().statusCode(200).extract().asString();
        notice.getList("statement", String.class).forEach(p -> assertThat(printed).contains(escaped(p)));
        String russian = given().header("Authorization", REGULATOR).accept("text/html").queryParam("lang", "ru")
                .get(alert.links().get("report")).then().statusCode(200).extract().asString();
        assertThat(russian).contains("не подтверждено").contains("tables.baseCapital[activity=DATF_OPERATOR].amountUsd");
    }

    @Test
    @DisplayName("a late snapshot (older asOf) is kept in the history but does not change the position or raise alerts")
    void shouldRecordALateSnapshotWithoutOverridingThePosition() {
        String firm = "F-1004";
        String marker = TestKafka.samePartitionAs(firm, Topics.partitions(Topics.COMPLIANCE_ALERTS));
        licensed(firm, Activity.DEALING_AS_PRINCIPAL);
        licensed(marker, Activity.DEALING_AS_PRINCIPAL);
        send(snapshot(firm, "2026-11-20T17:00:00+05:00", "400000.00"));
        CloudEvent<CapitalSnapshot> late = send(snapshot(firm, "2026-11-19T17:00:00+05:00", "100000.00"));
        IngestFlow.awaitApplied(db, late.eventKey());

        given().header("Authorization", REGULATOR).get("/firms/" + firm + "/capital").then().statusCode(200)
                .body("current.capitalResourcesUsd", equalTo("400000.00"))
                .body("history.size()", equalTo(2))
                .body("history[0].late", equalTo(true)).body("history[0].capitalResourcesUsd", equalTo("100000.00"))
                .body("openAlerts.size()", equalTo(0));
        send(snapshot(marker, "2026-11-20T17:00:00+05:00", "100000.00"));
        assertThat(raisedBefore(firm, "CAP-001", marker, "CAP-001")).isEmpty();
    }

    @Test
    @DisplayName("KZT snapshot converted at the event's usdRate: KZT 115,000,000 at 500 = USD 230,000 < 250,000")
    void shouldConvertKztSnapshotsWithTheEventsRate() {
        String firm = "F-1005";
        licensed(firm, Activity.DEALING_AS_PRINCIPAL);
        send(snapshot(firm, "2026-11-20T17:00:00+05:00", Currency.KZT, "500", "115000000"));

        AlertRaised alert = raised(firm, "CAP-001", 1).get(0);
        assertThat(alert.evidence()).containsEntry("capitalResources", "230000.00").containsEntry("usdRate", "500")
                .containsEntry("capitalResourcesInCurrency", "115000000");
    }

    @Test
    @DisplayName("CAP-006: a firm whose licence is unknown, or whose activity has no configured amount, gets a MEDIUM alert")
    void shouldRaiseRequirementUnknownForAnUnlicensedFirmOrAnUnconfiguredActivity() {
        send(snapshot("F-1006", "2026-11-20T17:00:00+05:00", "400000.00"));
        assertThat(raised("F-1006", "CAP-006", 1).get(0).detail()).contains("No licence is on record");

        licensed("F-1007", Activity.ADVISING);
        send(snapshot("F-1007", "2026-11-20T17:00:00+05:00", "400000.00"));
        AlertRaised alert = raised("F-1007", "CAP-006", 1).get(0);
        assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(alert.detail()).contains("ADVISING");
    }

    @Test
    @DisplayName("CAP-005: the scheduled check raises after the interval without a snapshot; the next fresh snapshot resolves it")
    void shouldRaiseAReportingGapAndResolveItWithTheNextSnapshot() {
        String firm = "F-1008";
        licensed(firm, Activity.DEALING_AS_PRINCIPAL);
        OffsetDateTime asOf = OffsetDateTime.now(BusinessCalendar.ALMATY).minusDays(3).truncatedTo(ChronoUnit.SECONDS);
        CloudEvent<CapitalSnapshot> old = send(snapshot(firm, asOf.toString(), "400000.00"));
        IngestFlow.awaitApplied(db, old.eventKey());

        assertThat(gapCheck.checkFirm(firm, Instant.now()).breached()).isTrue();
        AlertRaised gap = raised(firm, "CAP-005", 1).get(0);
        assertThat(gap.severity()).isEqualTo(Severity.MEDIUM);

        send(snapshot(firm, OffsetDateTime.now(BusinessCalendar.ALMATY).truncatedTo(ChronoUnit.SECONDS).toString(),
                "400000.00"));
        assertThat(resolved(gap.alertId())).hasSize(1);
    }

    @Test
    @DisplayName("CAP-004 (PRU(INV) 6.4): paid-up capital cut without approval raises HIGH; a later snapshot citing AFSA's approval resolves it")
    void shouldRaiseUnapprovedCapitalReductionAndResolveItOnApproval() {
        String firm = "F-1011";
        licensed(firm, Activity.DEALING_AS_PRINCIPAL);
        send(snapshot(firm, "2026-11-20T17:00:00+05:00", "400000.00"));
        send(snapshot(firm, "2026-11-21T17:00:00+05:00", "350000.00"));

        AlertRaised alert = raised(firm, "CAP-004", 1).get(0);
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.evidence()).containsEntry("paidUpShareCapitalBefore", "400000.00");

        send(snapshot(firm, "2026-11-22T17:00:00+05:00", Currency.USD, "1", "350000.00", "AFSA/PRU/2026/17"));
        assertThat(resolved(alert.alertId())).hasSize(1);
    }

    @Test
    @DisplayName("quarterly return: capital resources calculation and statement of compliance, JSON and printable HTML")
    void shouldDraftTheQuarterlyReturn() {
        String firm = "F-1009";
        licensed(firm, Activity.DEALING_AS_PRINCIPAL);
        send(snapshot(firm, "2026-08-20T17:00:00+05:00", "400000.00"));
        CloudEvent<CapitalSnapshot> last = send(snapshot(firm, "2026-09-30T17:00:00+05:00", "240000.00"));
        IngestFlow.awaitApplied(db, last.eventKey());

        given().header("Authorization", TestTokens.bearer(Roles.COMPLIANCE_OFFICER, firm))
                .get("/firms/" + firm + "/reports/quarterly?quarter=2026-Q3").then().statusCode(200)
                .body("quarter", equalTo("2026-Q3")).body("periodEnd", equalTo("2026-09-30"))
                .body("calculation.capitalResourcesUsd", equalTo("240000.00"))
                .body("snapshots", equalTo(2)).body("snapshotsBelowRequirement", equalTo(1))
                .body("complianceStatus", equalTo("NON_COMPLIANT"))
                .body("alerts.ruleId", hasItem("CAP-001"));
        given().header("Authorization", REGULATOR).accept("text/html")
                .get("/firms/" + firm + "/reports/quarterly?quarter=2026-Q3").then().statusCode(200)
                .body(containsString("DRAFT — review before submission")).body(containsString("DAA 2.13.11(1)"))
                .body(containsString("240,000.00"));
        String path = "/firms/" + firm + "/reports/quarterly?quarter=2026-Q3";
        JsonPath json = given().header("Authorization", REGULATOR).get(path).then().statusCode(200).extract().jsonPath();
        String printed = given().header("Authorization", REGULATOR).accept("text/html").get(path).then()
                .statusCode(200).extract().asString();
        assertThat(printed).contains(escaped(json.getString("title")), escaped(json.getString("complianceStatement")),
                escaped(json.getString("dueByBasis")));
        // In the language asked for: ?lang, else Accept-Language; another language is a 400 naming lang.
        given().header("Authorization", REGULATOR).accept("text/html").get(path + "&lang=ru").then().statusCode(200)
                .body(containsString("Квартальный отчёт"), containsString("240\u00a0000,00"));
        given().header("Authorization", REGULATOR).accept("text/html").header("Accept-Language", "kk-KZ, ru;q=0.8")
                .get(path).then().statusCode(200).body(containsString("Тоқсандық есеп"));
        given().header("Authorization", REGULATOR).accept("text/html").get(path + "&lang=xx").then().statusCode(400)
                .contentType("application/problem+json").body(containsString("lang"));
    }

    @Test
    @DisplayName("REST answers problem+json: 404 for an unknown firm, 400 naming quarter, 403 for another firm's token")
    void shouldAnswerProblemsForBadRequests() {
        licensed("F-1010", Activity.DEALING_AS_PRINCIPAL);
        CloudEvent<CapitalSnapshot> snap = send(snapshot("F-1010", "2026-11-20T17:00:00+05:00", "400000.00"));
        IngestFlow.awaitApplied(db, snap.eventKey());

        given().header("Authorization", REGULATOR).get("/firms/F-9999/capital").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", REGULATOR).get("/firms/F-9999/reports/quarterly?quarter=2026-Q3").then()
                .statusCode(404).contentType("application/problem+json");
        given().header("Authorization", REGULATOR).get("/firms/F-1010/reports/capital-breach-notice/CAP-001:F-1010:2026-01-01")
                .then().statusCode(404).contentType("application/problem+json");
        for (String bad : List.of("2026-Q5", "2026Q3", "Q3-2026", "")) {
            given().header("Authorization", REGULATOR).queryParam("quarter", bad)
                    .get("/firms/F-1010/reports/quarterly").then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("quarter"));
        }
        given().header("Authorization", TestTokens.bearer(Roles.FIRM_REPORTER, "F-0002"))
                .get("/firms/F-1010/capital").then().statusCode(403).contentType("application/problem+json");
    }

    /** The licence applied before anything that depends on it: licences and snapshots arrive on different topics. */
    private void licensed(String firmId, Activity... activities) {
        IngestFlow.awaitApplied(db, licence(firmId, activities).eventKey());
    }

    /** The first column of a query (the test's own text) for the firm, as text, in the query's order. */
    private List<String> texts(String sql, String firmId) {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, firmId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
