package kz.aifc.platform.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.AlertResolved;
import kz.aifc.contract.v1.Duty;
import kz.aifc.contract.v1.Severity;
import kz.aifc.platform.security.Roles;
import kz.aifc.platform.testapp.TestDb;
import kz.aifc.platform.testapp.TopicLog;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestKafka;
import kz.aifc.testing.TestTokens;

/** The alert book as its readers see it: one state per alertId, events only for visible changes, each audited. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_platform_test"))
class AlertBookFlowTest {

    private static final String TOPIC = LocalStackResource.topic(Topics.COMPLIANCE_ALERTS);

    @Inject
    AlertBook book;

    @Inject
    DataSource db;

    @Test
    @DisplayName("raised twice the same alertId is one alert and one alert.raised; a visible change is one update; resolve emits alert.resolved once; each audited")
    void shouldEmitOnlyWhatAReaderSeesChangeAndAuditEachEmission() {
        // The chain holds exactly this test's entries, so its count can be asserted.
        TestDb.execute(db, "truncate audit_log");
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 8);
        String alertId = "CAP-001:" + firm + ":2026-11-20";
        AlertRaised first = alert(alertId, firm, "Capital resources USD 240,000.00 are below USD 250,000.00.",
                Map.of("capitalResources", "240000.00"), OffsetDateTime.parse("2026-11-20T17:00:00+05:00"));
        // Only evidence, cause and detection time differ: nothing a reader of the alert sees.
        AlertRaised sameToAReader = alert(alertId, firm, first.detail(), Map.of("capitalResources", "240000.01"),
                OffsetDateTime.parse("2026-11-20T17:05:00+05:00"));
        AlertRaised worse = alert(alertId, firm, "Capital resources USD 230,000.00 are below USD 250,000.00.",
                Map.of("capitalResources", "230000.00"), OffsetDateTime.parse("2026-11-21T17:00:00+05:00"));
        OffsetDateTime curedAt = OffsetDateTime.parse("2026-11-23T10:00:00+05:00");

        assertThat(inTransaction(() -> book.raise(first))).as("first raise emits").isTrue();
        assertThat(inTransaction(() -> book.raise(first))).as("the same alert again emits nothing").isFalse();
        assertThat(inTransaction(() -> book.raise(sameToAReader))).as("an invisible change emits nothing").isFalse();
        assertThat(inTransaction(() -> book.raise(worse))).as("a changed detail emits an update").isTrue();
        assertThat(inTransaction(() -> book.resolve(alertId, curedAt, "capital restored")))
                .as("resolve emits").isTrue();
        assertThat(inTransaction(() -> book.resolve(alertId, curedAt, "capital restored")))
                .as("resolving a resolved alert emits nothing").isFalse();

        // Another alert of the same firm, raised last: same partition, so everything emitted before it has arrived.
        String markerId = "CAP-002:" + firm + ":2026-11-23";
        assertThat(inTransaction(() -> book.raise(alert(markerId, firm, "Capital within 120% of the requirement.",
                Map.of(), curedAt)))).isTrue();
        List<ConsumerRecord<String, byte[]>> read = TopicLog.readThrough(TOPIC,
                r -> EventTypes.ALERT_RAISED.equals(type(r)) && markerId.equals(raised(r).alertId()));
        List<ConsumerRecord<String, byte[]>> ofAlert = read.stream()
                .filter(r -> alertId.equals(EventTypes.ALERT_RAISED.equals(type(r)) ? raised(r).alertId()
                        : EventTypes.ALERT_RESOLVED.equals(type(r)) ? resolved(r).alertId() : null))
                .toList();

        assertThat(ofAlert).extracting(AlertBookFlowTest::type).as("events of %s in order", alertId)
                .containsExactly(EventTypes.ALERT_RAISED, EventTypes.ALERT_RAISED, EventTypes.ALERT_RESOLVED);
        assertThat(ofAlert).allSatisfy(r -> assertThat(r.key()).isEqualTo(firm));
        assertThat(raised(ofAlert.get(0))).isEqualTo(first);
        assertThat(raised(ofAlert.get(1))).isEqualTo(worse);
        AlertResolved resolution = resolved(ofAlert.get(2));
        assertThat(resolution.firmId()).isEqualTo(firm);
        assertThat(resolution.resolvedAt().toInstant()).isEqualTo(curedAt.toInstant());
        assertThat(resolution.reason()).isEqualTo("capital restored");

        assertThat(TestDb.strings(db, "select status from alert_state where alert_id = ?", alertId))
                .as("stored state of %s", alertId).containsExactly("RESOLVED");
        assertThat(book.find(alertId)).hasValueSatisfying(stored -> {
            assertThat(stored.open()).isFalse();
            assertThat(stored.payload().detail()).isEqualTo(worse.detail());
        });

        assertThat(TestDb.strings(db, "select action from audit_log where subject = ? order by seq", alertId))
                .as("audit entries of %s", alertId).containsExactly("alert.raised", "alert.updated", "alert.resolved");
        given().header("Authorization", TestTokens.bearer(Roles.REGULATOR)).get("/audit/verify").then()
                .statusCode(200).body("intact", equalTo(true)).body("entries", equalTo(4));
    }

    @Test
    @DisplayName("a unit of work's changes applied at once emit what they would one after the other, in order: an alert open before it keeps when it was raised through an update; one raised, resolved and raised again ends open from the second raise")
    void shouldApplyAUnitsChangesInOrderAsOneAfterTheOther() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 8);
        String openBefore = "CAP-002:" + firm + ":2026-11-19";
        String alertId = "CAP-001:" + firm + ":2026-11-20";
        AlertRaised old = alert(openBefore, firm, "Capital within 120% of the requirement.", Map.of(),
                OffsetDateTime.parse("2026-11-19T17:00:00+05:00"));
        assertThat(inTransaction(() -> book.raise(old))).isTrue();
        AlertRaised oldWorse = alert(openBefore, firm, "Capital within 105% of the requirement.", Map.of(),
                OffsetDateTime.parse("2026-11-20T17:00:00+05:00"));
        AlertRaised first = alert(alertId, firm, "Capital resources USD 240,000.00 are below USD 250,000.00.",
                Map.of(), OffsetDateTime.parse("2026-11-20T17:00:00+05:00"));
        AlertRaised again = alert(alertId, firm, "Capital resources USD 230,000.00 are below USD 250,000.00.",
                Map.of(), OffsetDateTime.parse("2026-11-22T09:00:00+05:00"));
        OffsetDateTime curedAt = OffsetDateTime.parse("2026-11-21T10:00:00+05:00");

        int emitted = inTransaction(() -> book.applyAll(List.of(new AlertBook.Raise(first), new AlertBook.Raise(first),
                new AlertBook.Raise(oldWorse), new AlertBook.Resolution(alertId, curedAt, "capital restored"),
                new AlertBook.Resolution(alertId, curedAt, "capital restored"), new AlertBook.Raise(again))));

        assertThat(emitted).as("the repeated raise and resolution emit nothing").isEqualTo(4);
        List<ConsumerRecord<String, byte[]>> read = TopicLog.readThrough(TOPIC,
                r -> EventTypes.ALERT_RAISED.equals(type(r)) && again.equals(raised(r)));
        assertThat(read.stream().filter(r -> firm.equals(r.key())).map(r -> EventTypes.ALERT_RAISED.equals(type(r))
                ? "raised " + raised(r).detail() : "resolved " + resolved(r).alertId()))
                .containsExactly("raised " + old.detail(), "raised " + first.detail(), "raised " + oldWorse.detail(),
                        "resolved " + alertId, "raised " + again.detail());
        assertThat(TestDb.strings(db, "select action || ' ' || subject from audit_log where firm_id = ? order by seq",
                firm)).containsExactly("alert.raised " + openBefore, "alert.raised " + alertId,
                        "alert.updated " + openBefore, "alert.resolved " + alertId, "alert.raised " + alertId);
        String state = "select status || ' ' || extract(epoch from raised_at)::bigint || ' ' "
                + "|| coalesce(extract(epoch from resolved_at)::bigint::text, '-') from alert_state where alert_id = ?";
        assertThat(TestDb.strings(db, state, openBefore)).as("open before: raised when first raised")
                .containsExactly("OPEN " + old.detectedAt().toEpochSecond() + " -");
        assertThat(TestDb.strings(db, state, alertId)).as("raised again: open from the second raise")
                .containsExactly("OPEN " + again.detectedAt().toEpochSecond() + " -");
        assertThat(book.find(alertId)).hasValueSatisfying(stored -> assertThat(stored.payload()).isEqualTo(again));
    }

    @Test
    @DisplayName("each visible field (severity, title, detail, deadline) changes what a reader sees and emits an update")
    void shouldEmitAnUpdateForEachVisibleChange() {
        String firm = "F-" + UUID.randomUUID().toString().substring(0, 8);
        String alertId = "AML-002:" + firm + ":tx-1";
        AlertRaised base = alert(alertId, firm, "Travel Rule data incomplete.", Map.of(),
                OffsetDateTime.parse("2026-11-20T17:00:00+05:00"));
        assertThat(inTransaction(() -> book.raise(base))).isTrue();

        List<AlertRaised> changes = List.of(
                with(base, Severity.HIGH, base.title(), base.detail(), base.regulatoryDeadline()),
                with(base, Severity.HIGH, "Travel Rule data still incomplete", base.detail(),
                        base.regulatoryDeadline()),
                with(base, Severity.HIGH, "Travel Rule data still incomplete", "Originator address missing.",
                        base.regulatoryDeadline()),
                with(base, Severity.HIGH, "Travel Rule data still incomplete", "Originator address missing.",
                        base.regulatoryDeadline().plusDays(1)));
        for (AlertRaised change : changes) {
            assertThat(inTransaction(() -> book.raise(change))).as("update for %s", change).isTrue();
        }
        assertThat(TestDb.strings(db, "select action from audit_log where subject = ? order by seq", alertId))
                .containsExactly("alert.raised", "alert.updated", "alert.updated", "alert.updated", "alert.updated");
    }

    private static <T> T inTransaction(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }

    private static AlertRaised alert(String alertId, String firm, String detail, Map<String, Object> evidence,
            OffsetDateTime detectedAt) {
        return new AlertRaised(alertId, firm, Duty.CAPITAL, alertId.substring(0, 7), "2026.1", "PRU(INV) 6.5",
                Severity.CRITICAL, "Capital below requirement", detail, evidence,
                List.of("urn:aifc:test-firm-system/" + UUID.randomUUID()), detectedAt,
                OffsetDateTime.parse("2026-11-23T18:00:00+05:00"), "1 business day", Map.of());
    }

    private static AlertRaised with(AlertRaised a, Severity severity, String title, String detail,
            OffsetDateTime deadline) {
        return new AlertRaised(a.alertId(), a.firmId(), a.duty(), a.ruleId(), a.rulebookVersion(), a.citation(),
                severity, title, detail, a.evidence(), a.causedBy(), a.detectedAt(), deadline, a.deadlineBasis(),
                a.links());
    }

    private static String type(ConsumerRecord<String, byte[]> r) {
        return TestKafka.header(r, CloudEventCodec.CE_TYPE);
    }

    private static AlertRaised raised(ConsumerRecord<String, byte[]> r) {
        return CloudEventCodec.decode(r.headers(), r.value(), AlertRaised.class).data();
    }

    private static AlertResolved resolved(ConsumerRecord<String, byte[]> r) {
        return CloudEventCodec.decode(r.headers(), r.value(), AlertResolved.class).data();
    }
}
