package kz.aifc.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.platform.testapp.EffectLedger;
import kz.aifc.platform.testapp.Snapshots;
import kz.aifc.platform.testapp.TestDb;
import kz.aifc.testing.IngestFlow;
import kz.aifc.testing.LocalStackResource;

/** The inbox: one effect per CloudEvents source/id, counted in the handler's own table rather than the inbox's. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_platform_test"))
class InboxFlowTest {

    @Inject
    EffectLedger ledger;

    @Inject
    DataSource db;

    @Test
    @DisplayName("the same source/id claimed twice, in two transactions, has its effect once")
    void shouldApplyTheSameEventOnceWhenItIsClaimedTwice() {
        CloudEvent<CapitalSnapshot> event = Snapshots.event();
        CloudEvent<CapitalSnapshot> redelivered = redelivery(event);

        assertThat(ledger.apply(event)).as("first claim").isTrue();
        assertThat(ledger.apply(redelivered)).as("second claim").isFalse();

        assertThat(ledger.effects(event.eventKey())).as("effect rows").isEqualTo(1);
    }

    @Test
    @DisplayName("a claim whose transaction rolls back is undone with its effect: the event is applied on the next delivery")
    void shouldApplyAnEventAgainWhenItsFirstAttemptRolledBack() {
        CloudEvent<CapitalSnapshot> event = Snapshots.event();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            ledger.apply(event);
            throw new IllegalStateException("the consumer failed after applying the event");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(ledger.effects(event.eventKey())).as("effect rows after the rollback").isZero();
        assertThat(IngestFlow.count(db, event.eventKey())).as("inbox rows after the rollback").isZero();

        assertThat(ledger.apply(event)).as("claim on redelivery").isTrue();
        assertThat(ledger.effects(event.eventKey())).as("effect rows").isEqualTo(1);
    }

    @Test
    @DisplayName("events are kept by the UTC month of their time, each month in its own partition, and a redelivery "
            + "of each is refused, one at a time or a poll at once")
    void shouldKeepEachEventUnderTheUtcMonthOfItsTimeAndRefuseItsRedelivery() {
        // 23:30 at -02:00 on 31 January is 01:30 UTC on 1 February: the month is the UTC one.
        CloudEvent<CapitalSnapshot> february = at("2026-01-31T23:30:00-02:00");
        CloudEvent<CapitalSnapshot> march = at("2025-03-15T10:00:00+05:00");
        CloudEvent<CapitalSnapshot> untimed = at(null);
        CloudEvent<CapitalSnapshot> before1970 = at("1969-12-31T12:00:00Z");

        assertThat(ledger.apply(february)).as("first claim, alone").isTrue();
        assertThat(ledger.applyAll(List.of(march, untimed, before1970)))
                .as("first claim, a poll").containsExactlyInAnyOrder(march.eventKey(), untimed.eventKey(),
                        before1970.eventKey());
        assertThat(ledger.applyAll(List.of(redelivery(february), redelivery(march), redelivery(untimed),
                redelivery(before1970)))).as("the same events delivered again, a poll").isEmpty();
        assertThat(ledger.apply(redelivery(march))).as("one delivered again, alone").isFalse();

        for (CloudEvent<CapitalSnapshot> e : List.of(february, march, untimed, before1970)) {
            assertThat(ledger.effects(e.eventKey())).as("effects of %s", e.time()).isEqualTo(1);
        }
        assertThat(partitionOf(february)).isEqualTo("inbound_event_2026_02");
        assertThat(partitionOf(march)).isEqualTo("inbound_event_2025_03");
        assertThat(partitionOf(untimed)).as("an event without a time").isEqualTo("inbound_event_1970_01");
        assertThat(partitionOf(before1970)).as("an event dated before 1970").isEqualTo("inbound_event_1970_01");
    }

    @Test
    @DisplayName("a month met in a transaction that rolls back keeps its partition: the event is applied on redelivery")
    void shouldApplyAnEventOfANewMonthWhenItsFirstAttemptRolledBack() {
        CloudEvent<CapitalSnapshot> event = at("2031-07-04T09:00:00Z");

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            ledger.applyAll(List.of(event));
            throw new IllegalStateException("the consumer failed after applying the event");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(IngestFlow.count(db, event.eventKey())).as("inbox rows after the rollback").isZero();

        assertThat(ledger.applyAll(List.of(redelivery(event)))).as("claim on redelivery")
                .containsExactly(event.eventKey());
        assertThat(ledger.effects(event.eventKey())).as("effect rows").isEqualTo(1);
        assertThat(partitionOf(event)).isEqualTo("inbound_event_2031_07");
    }

    @Test
    @DisplayName("an event the broker delivers twice (same source/id) has its effect once through EventIngest")
    void shouldHaveItsEffectOnceWhenTheBrokerDeliversTheEventTwice() {
        String id = Snapshots.newId();
        String eventKey = Snapshots.send(id);
        Snapshots.send(id);
        // A later event on the same partition: once it has been applied, both copies before it have been consumed.
        String next = Snapshots.send(Snapshots.newId());
        IngestFlow.awaitApplied(db, next);

        assertThat(ledger.effects(eventKey)).as("effect rows of the event delivered twice").isEqualTo(1);
        assertThat(ledger.effects(next)).isEqualTo(1);
    }

    /** A new event carrying the valid snapshot, with this CloudEvents time (or none). */
    private static CloudEvent<CapitalSnapshot> at(String time) {
        CloudEvent<CapitalSnapshot> e = Snapshots.event();
        return new CloudEvent<>(e.id(), e.source(), e.type(), e.specversion(),
                time == null ? null : OffsetDateTime.parse(time), e.subject(), e.dataContentType(), e.data());
    }

    /** The same event as a consumer decodes it again: a new object with the same source, id and time. */
    private static CloudEvent<CapitalSnapshot> redelivery(CloudEvent<CapitalSnapshot> e) {
        return new CloudEvent<>(e.id(), e.source(), e.type(), e.specversion(), e.time(), e.subject(),
                e.dataContentType(), e.data());
    }

    private String partitionOf(CloudEvent<?> event) {
        return TestDb.strings(db, "select tableoid::regclass::text from inbound_event where event_key = ?",
                event.eventKey()).get(0);
    }

    @Test
    @DisplayName("a malformed event is parked on the topic's DLQ with its reason and bytes, and the next one is applied")
    void shouldParkAMalformedEventOnTheDlqAndApplyTheNextOne() {
        String negative = Snapshots.JSON.replace("\"liquidAssets\":\"180000.00\"", "\"liquidAssets\":\"-5\"");
        IngestFlow.assertMalformedParkedAndNextApplied(db, Topics.CAPITAL_SNAPSHOTS,
                EventTypes.CAPITAL_SNAPSHOT, Snapshots.FIRM, negative, "liquidAssets", Snapshots.JSON);
    }
}
