package kz.aifc.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        // The redelivered copy is a new object with the same source and id, as a consumer decodes it again.
        CloudEvent<CapitalSnapshot> redelivered = new CloudEvent<>(event.id(), event.source(), event.type(),
                event.specversion(), event.time(), event.subject(), event.dataContentType(), event.data());

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

    @Test
    @DisplayName("a malformed event is parked on the topic's DLQ with its reason and bytes, and the next one is applied")
    void shouldParkAMalformedEventOnTheDlqAndApplyTheNextOne() {
        String negative = Snapshots.JSON.replace("\"liquidAssets\":\"180000.00\"", "\"liquidAssets\":\"-5\"");
        IngestFlow.assertMalformedParkedAndNextApplied(db, Topics.CAPITAL_SNAPSHOTS,
                EventTypes.CAPITAL_SNAPSHOT, Snapshots.FIRM, negative, "liquidAssets", Snapshots.JSON);
    }
}
