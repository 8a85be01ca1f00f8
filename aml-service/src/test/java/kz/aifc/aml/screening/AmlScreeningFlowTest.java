package kz.aifc.aml.screening;

import static kz.aifc.aml.rules.TxBuilder.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.aml.Flows;
import kz.aifc.aml.cases.OverdueDecisions;
import kz.aifc.aml.rules.TxBuilder;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.Counterparty;
import kz.aifc.contract.v1.Direction;
import kz.aifc.testing.IngestFlow;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestKafka;
import kz.aifc.contract.v1.ScreenedTransaction;
import kz.aifc.platform.security.Roles;
import kz.aifc.testing.TestTokens;

/** Rule families end to end on the real broker and database: batch ingest, alerts out, cases, redelivery, DLQ. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_aml_test"))
class AmlScreeningFlowTest {

    static final Duration WAIT = Duration.ofSeconds(45);
    static final String TOPIC = LocalStackResource.topic(Topics.TRANSACTIONS_SCREENED);

    @Inject
    DataSource db;

    @Inject
    HistoryCache cache;

    @Inject
    OverdueDecisions overdue;

    static CloudEvent<?> event(TxBuilder b) {
        return CloudEvent.of(IngestFlow.SOURCE, EventTypes.TRANSACTION_SCREENED, b.firmId, b.build());
    }

    static void send(CloudEvent<?> e) {
        TestKafka.send(TOPIC, "F-0001", e);
    }

    @Test
    void shouldRaiseStructuringAlertOpenACaseAndPublishTheAlert() {
        String customer = "C-" + UUID.randomUUID();
        List<CloudEvent<?>> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(event(tx().customer(customer).usd("9" + i + "0.00").at("2026-11-20T1" + i + ":00:00+05:00")));
        }
        events.forEach(AmlScreeningFlowTest::send);
        String alertId = Flows.alertId("AML-005:F-0001:" + customer + ":USD:" + ((ScreenedTransaction) events.get(0).data()).transactionId());
        awaitOpenAlert(alertId);
        assertThat(count("select count(*) from aml_case where customer_id = ? and status = 'OPEN' "
                + "and cardinality(transaction_ids) = 3 and 'AML-005' = any(rule_ids)", customer)).isEqualTo(1);

        List<ConsumerRecord<String, byte[]>> published = TestKafka.await(
                LocalStackResource.topic(Topics.COMPLIANCE_ALERTS), 1, WAIT,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(alertId));
        assertThat(published).isNotEmpty();
        AlertRaised alert = CloudEventCodec.readPayload(published.get(0).value(), AlertRaised.class);
        assertThat(alert.ruleId()).isEqualTo("AML-005");
        assertThat(alert.rulebookVersion()).isEqualTo("2026.1");
        assertThat(alert.links()).containsKey("case");
        assertThat(alert.causedBy()).hasSize(3);

        // AML-012: the case is overdue once the configured decision time has passed.
        assertThat(overdue.check(Instant.now().plus(Duration.ofHours(25)))).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from alert_state a join aml_case c on a.alert_id = c.overdue_alert "
                + "where c.customer_id = ? and a.rule_id = 'AML-012' and a.status = 'OPEN'", customer)).isEqualTo(1);
    }

    @Test
    @DisplayName("AML-012 on its schedule: a case without an MLRO decision past the decision time is alerted by the clock")
    void shouldRaiseTheOverdueDecisionAlertOnTheClocksOwnTick() throws SQLException {
        String customer = "C-" + UUID.randomUUID();
        List<CloudEvent<?>> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(event(tx().customer(customer).usd("9" + i + "0.00").at("2026-11-20T1" + i + ":00:00+05:00")));
        }
        events.forEach(AmlScreeningFlowTest::send);
        awaitOpenAlert(Flows.alertId("AML-005:F-0001:" + customer + ":USD:" + ((ScreenedTransaction) events.get(0).data()).transactionId()));
        assertThat(count("select count(*) from aml_case where customer_id = ? and overdue_alert is not null", customer))
                .as("not overdue while within the decision time").isZero();

        // What the decision time passing leaves behind: the case was opened 25 hours ago (the rulebook says 24).
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(
                "update aml_case set opened_at = now() - interval '25 hours' where customer_id = ? and status = 'OPEN'")) {
            q.setString(1, customer);
            assertThat(q.executeUpdate()).isEqualTo(1);
        }

        // No call to the check: the scheduled tick (aifc.aml.case-check-interval, 1 s under test) raises it.
        await().atMost(WAIT).until(() -> count("select count(*) from alert_state a join aml_case c on "
                + "a.alert_id = c.overdue_alert where c.customer_id = ? and a.rule_id = 'AML-012' and a.status = 'OPEN'",
                customer) == 1);
    }

    @Test
    void shouldRaiseCriticalSanctionsAlertDueAtDetection() {
        String customer = "C-" + UUID.randomUUID();
        TxBuilder b = tx().customer(customer).sanctions("UN SC 1718").direction(Direction.WITHDRAWAL);
        send(event(b));
        String alertId = Flows.alertId("AML-001:F-0001:" + b.id);
        awaitOpenAlert(alertId);
        assertThat(count("select count(*) from alert_state where alert_id = ? and severity = 'CRITICAL' "
                + "and payload->>'regulatoryDeadline' = payload->>'detectedAt'", alertId)).isEqualTo(1);
    }

    /** #16.6: a threshold-report deadline in a year the calendar does not cover raises AML-015 on the desk. */
    @Test
    void shouldRaiseACalendarConfigurationAlertForAThresholdReportDueInAnUncoveredYear() {
        String firm = "F-CAL-" + UUID.randomUUID().toString().substring(0, 8);
        TxBuilder b = tx().customer("C-" + UUID.randomUUID()).kzt("5000000.00").at("2031-06-02T10:00:00+05:00")
                .counterparty(new Counterparty("Offshore Ltd", "W9", "V9", false, null, true, "SC", true));
        b.firmId = firm;
        send(event(b));
        awaitOpenAlert(Flows.alertId("AML-010:" + firm + ":" + b.id));
        awaitOpenAlert(Flows.alertId("AML-015:" + firm + ":2031"));
    }

    @Test
    void shouldRaiseOffshoreThresholdAlertWithNextBusinessDayDeadline() {
        String customer = "C-" + UUID.randomUUID();
        TxBuilder b = tx().customer(customer).kzt("5000000.00")
                .counterparty(new Counterparty("Offshore Ltd", "W9", "V9", false, null, true, "SC", true));
        send(event(b));
        String alertId = Flows.alertId("AML-010:F-0001:" + b.id);
        awaitOpenAlert(alertId);
        assertThat(count("select count(*) from alert_state where alert_id = ? "
                + "and payload->>'regulatoryDeadline' = '2026-11-23T18:00:00+05:00'", alertId)).isEqualTo(1);
        io.restassured.RestAssured.given()
                .header("Authorization", TestTokens.bearer(Roles.MLRO, "F-0001"))
                .get("/firms/F-0001/reports/threshold?date=2026-11-23").then().statusCode(200)
                .body("reports.alertId", org.hamcrest.Matchers.hasItem(alertId));
        io.restassured.RestAssured.given()
                .header("Authorization", TestTokens.bearer(Roles.MLRO, "F-0001"))
                .get("/firms/F-0001/reports/threshold?date=23.11.2026").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void shouldApplyARedeliveredEventOnceAndNotCountItTwiceInAWindow() {
        String customer = "C-" + UUID.randomUUID();
        CloudEvent<?> first = event(tx().customer(customer).usd("950").at("2026-11-20T10:00:00+05:00"));
        send(first);
        send(first);
        CloudEvent<?> second = event(tx().customer(customer).usd("950").at("2026-11-20T11:00:00+05:00"));
        send(second);
        IngestFlow.awaitApplied(db, "aml_transaction", second.eventKey());
        assertThat(count("select count(*) from aml_transaction where event_key = ?", first.eventKey())).isEqualTo(1);
        // Alert ids name no customer (opaque): the structuring alert is looked for by the id it would have.
        assertThat(Flows.count(db, "select count(*) from alert_state where alert_id = ?",
                Flows.alertId("AML-005:F-0001:" + customer + ":USD:"
                        + ((ScreenedTransaction) first.data()).transactionId()))).isZero();
    }

    @Test
    void shouldRebuildTheWindowFromTheDatabaseAfterARestart() {
        String customer = "C-" + UUID.randomUUID();
        CloudEvent<?> a = event(tx().customer(customer).usd("950").at("2026-11-20T10:00:00+05:00"));
        CloudEvent<?> b = event(tx().customer(customer).usd("950").at("2026-11-20T11:00:00+05:00"));
        send(a);
        send(b);
        IngestFlow.awaitApplied(db, "aml_transaction", b.eventKey());
        cache.clear(); // what a restart or a partition moving to another instance leaves behind
        send(event(tx().customer(customer).usd("950").at("2026-11-20T12:00:00+05:00")));
        awaitOpenAlert(Flows.alertId("AML-005:F-0001:" + customer + ":USD:"
                + ((ScreenedTransaction) a.data()).transactionId()));
    }

    @Test
    @DisplayName("each transaction is kept in its UTC month's partition, back-dated ones too, and a redelivery once")
    void shouldKeepEachTransactionInItsMonthAndARedeliveryOnce() {
        String customer = "C-" + UUID.randomUUID();
        // Five years back (still within the six years kept), the last Almaty hours of November that are UTC
        // November, and the first of December.
        CloudEvent<?> old = event(tx().customer(customer).usd("120").at("2021-12-15T10:00:00+05:00"));
        CloudEvent<?> nov = event(tx().customer(customer).usd("130").at("2026-12-01T04:30:00+05:00"));
        CloudEvent<?> dec = event(tx().customer(customer).usd("140").at("2026-12-01T05:30:00+05:00"));
        List.of(old, nov, dec, old).forEach(AmlScreeningFlowTest::send);
        CloudEvent<?> last = event(tx().customer(customer).usd("150").at("2026-12-02T10:00:00+05:00"));
        send(last);
        IngestFlow.awaitApplied(db, "aml_transaction", last.eventKey());
        assertThat(partitionOf(old)).isEqualTo("aml_transaction_2021_12");
        assertThat(partitionOf(nov)).isEqualTo("aml_transaction_2026_11");
        assertThat(partitionOf(dec)).isEqualTo("aml_transaction_2026_12");
        assertThat(count("select count(*) from aml_transaction where event_key = ?", old.eventKey())).isEqualTo(1);
    }

    @Test
    void shouldRebuildAWindowThatSpansTwoMonthsFromTheDatabase() {
        String customer = "C-" + UUID.randomUUID();
        CloudEvent<?> a = event(tx().customer(customer).usd("950").at("2026-12-01T03:00:00+05:00"));
        CloudEvent<?> b = event(tx().customer(customer).usd("950").at("2026-12-01T06:00:00+05:00"));
        send(a);
        send(b);
        IngestFlow.awaitApplied(db, "aml_transaction", b.eventKey());
        assertThat(partitionOf(a)).isNotEqualTo(partitionOf(b));
        cache.clear();
        send(event(tx().customer(customer).usd("950").at("2026-12-01T09:00:00+05:00")));
        awaitOpenAlert(Flows.alertId("AML-005:F-0001:" + customer + ":USD:"
                + ((ScreenedTransaction) a.data()).transactionId()));
    }

    private String partitionOf(CloudEvent<?> e) {
        return (String) Flows.value(db, "select tableoid::regclass::text from aml_transaction where event_key = ?",
                e.eventKey());
    }

    @Test
    void shouldCountRetailPurchasesPerAlmatyMonthAcrossARestart() {
        String customer = "C-" + UUID.randomUUID();
        CloudEvent<?> oct = event(tx().customer(customer).direction(Direction.TRADE).retail(true)
                .knowledgeTest(false).usd("900").at("2026-10-31T23:00:00+05:00"));
        CloudEvent<?> nov = event(tx().customer(customer).direction(Direction.TRADE).retail(true)
                .knowledgeTest(false).usd("600").at("2026-11-01T00:30:00+05:00"));
        send(oct);
        send(nov);
        IngestFlow.awaitApplied(db, "aml_transaction", nov.eventKey());
        assertThat(Flows.count(db, "select count(*) from alert_state where alert_id in (?, ?)",
                Flows.alertId("AML-009:F-0001:" + customer + ":2026-10"),
                Flows.alertId("AML-009:F-0001:" + customer + ":2026-11"))).isZero();
        cache.clear();
        send(event(tx().customer(customer).direction(Direction.TRADE).retail(true).knowledgeTest(false)
                .usd("400.01").at("2026-11-02T10:00:00+05:00")));
        awaitOpenAlert(Flows.alertId("AML-009:F-0001:" + customer + ":2026-11"));
    }

    @Test
    void shouldParkEveryMalformedRecordOfABatchAndApplyTheRest() {
        String customer = "C-" + UUID.randomUUID();
        List<String> badIds = new ArrayList<>();
        List<CloudEvent<?>> good = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String badId = UUID.randomUUID().toString();
            badIds.add(badId);
            TestKafka.send(TOPIC, "F-0001", IngestFlow.binaryHeaders(badId, EventTypes.TRANSACTION_SCREENED, "F-0001"),
                    ("{\"firmId\":\"F-0001\",\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
            CloudEvent<?> ok = event(tx().customer(customer));
            good.add(ok);
            send(ok);
        }
        List<ConsumerRecord<String, byte[]>> parked = TestKafka.await(Topics.dlq(TOPIC), 3, WAIT,
                r -> badIds.contains(TestKafka.header(r, "ce_id")));
        assertThat(parked).hasSize(3);
        for (ConsumerRecord<String, byte[]> r : parked) {
            assertThat(TestKafka.header(r, "dead-letter-reason")).contains("data.");
            assertThat(TestKafka.header(r, "dead-letter-topic")).isEqualTo(TOPIC);
            assertThat(TestKafka.header(r, "dead-letter-partition")).isNotNull();
            assertThat(Long.parseLong(TestKafka.header(r, "dead-letter-offset"))).isNotNegative();
            assertThat(r.key()).isEqualTo("F-0001");
        }
        good.forEach(e -> IngestFlow.awaitApplied(db, "aml_transaction", e.eventKey()));
    }

    private void awaitOpenAlert(String alertId) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(
                count("select count(*) from alert_state where alert_id = ? and status = 'OPEN'", alertId))
                .as("open alert %s", alertId).isEqualTo(1));
    }

    private int count(String sql, String param) {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, param);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
