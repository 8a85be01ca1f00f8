package kz.aifc.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.AlertResolved;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.ScreenedTransaction;
import org.junit.jupiter.api.Test;

/** Topic names, partition counts and the type registry match the table in contract/README.md §1. */
class RegistryTest {

    @Test
    void shouldNameEveryContractTopic() {
        assertThat(Topics.all()).containsExactly("aifc.capital.snapshots", "aifc.transactions.screened",
                "aifc.staff.changes", "aifc.controllers.changes", "aifc.licences", "aifc.compliance.alerts");
    }

    @Test
    void shouldNameDeadLetterTopicsWithDlqSuffix() {
        assertThat(Topics.dlq(Topics.CAPITAL_SNAPSHOTS)).isEqualTo("aifc.capital.snapshots.dlq");
        assertThat(Topics.allWithDlqs()).hasSize(12).contains("aifc.compliance.alerts.dlq");
    }

    @Test
    void shouldGiveHighVolumeTopicsMorePartitions() {
        assertThat(Topics.partitions(Topics.TRANSACTIONS_SCREENED)).isEqualTo(6);
        assertThat(Topics.partitions(Topics.COMPLIANCE_ALERTS)).isEqualTo(6);
        assertThat(Topics.partitions(Topics.CAPITAL_SNAPSHOTS)).isEqualTo(3);
        assertThat(Topics.partitions(Topics.STAFF_CHANGES)).isEqualTo(3);
        assertThat(Topics.partitions(Topics.CONTROLLER_CHANGES)).isEqualTo(3);
        assertThat(Topics.partitions(Topics.LICENCES)).isEqualTo(3);
        assertThat(Topics.partitions(Topics.dlq(Topics.TRANSACTIONS_SCREENED))).isEqualTo(6);
        assertThatThrownBy(() -> Topics.partitions("aifc.unknown")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRouteEveryTypeToItsTopic() {
        assertThat(Topics.forType(EventTypes.CAPITAL_SNAPSHOT)).isEqualTo(Topics.CAPITAL_SNAPSHOTS);
        assertThat(Topics.forType(EventTypes.TRANSACTION_SCREENED)).isEqualTo(Topics.TRANSACTIONS_SCREENED);
        assertThat(Topics.forType(EventTypes.STAFF_CHANGE)).isEqualTo(Topics.STAFF_CHANGES);
        assertThat(Topics.forType(EventTypes.CONTROLLER_CHANGE)).isEqualTo(Topics.CONTROLLER_CHANGES);
        assertThat(Topics.forType(EventTypes.LICENCE_CHANGED)).isEqualTo(Topics.LICENCES);
        assertThat(Topics.forType(EventTypes.ALERT_RAISED)).isEqualTo(Topics.COMPLIANCE_ALERTS);
        assertThat(Topics.forType(EventTypes.ALERT_RESOLVED)).isEqualTo(Topics.COMPLIANCE_ALERTS);
        assertThatThrownBy(() -> Topics.forType("kz.aifc.foo.v1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldMapEveryTypeToItsPayloadRecordAndBack() {
        assertThat(EventTypes.all()).containsExactly("kz.aifc.capital.snapshot.v1", "kz.aifc.transaction.screened.v1",
                "kz.aifc.staff.change.v1", "kz.aifc.controller.change.v1", "kz.aifc.licence.changed.v1",
                "kz.aifc.alert.raised.v1", "kz.aifc.alert.resolved.v1");
        assertThat(EventTypes.payloadClass(EventTypes.CAPITAL_SNAPSHOT)).isEqualTo(CapitalSnapshot.class);
        assertThat(EventTypes.payloadClass(EventTypes.TRANSACTION_SCREENED)).isEqualTo(ScreenedTransaction.class);
        assertThat(EventTypes.payloadClass(EventTypes.ALERT_RAISED)).isEqualTo(AlertRaised.class);
        for (String type : EventTypes.all()) {
            assertThat(EventTypes.typeOf(EventTypes.payloadClass(type))).isEqualTo(type);
            assertThat(EventTypes.payloadClass(type).isRecord()).isTrue();
        }
    }

    @Test
    void shouldRejectUnknownEmptyAndNullTypes() {
        assertThatThrownBy(() -> EventTypes.payloadClass("kz.aifc.foo.v1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kz.aifc.foo.v1");
        assertThatThrownBy(() -> EventTypes.payloadClass("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventTypes.payloadClass(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(EventTypes.findPayloadClass("kz.aifc.foo.v1")).isEmpty();
        assertThat(EventTypes.findPayloadClass(null)).isEmpty();
        assertThat(EventTypes.isKnown("")).isFalse();
        assertThat(EventTypes.isKnown(EventTypes.ALERT_RESOLVED)).isTrue();
        assertThatThrownBy(() -> EventTypes.typeOf(String.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldIdentifyAnEventBySourceAndId() {
        AlertResolved data = new AlertResolved("A-1", "F-0001", OffsetDateTime.parse("2026-11-21T09:30:00Z"), "ok");

        CloudEvent<AlertResolved> event = new CloudEvent<>("42", "/firms/F-0001/core", EventTypes.ALERT_RESOLVED,
                "1.0", null, "F-0001", null, data);

        assertThat(event.eventKey()).isEqualTo("/firms/F-0001/core/42");
    }

    @Test
    void shouldRefuseAnEventWithoutRequiredAttributes() {
        AlertResolved data = new AlertResolved("A-1", "F-0001", OffsetDateTime.parse("2026-11-21T09:30:00Z"), "ok");

        assertThatThrownBy(() -> new CloudEvent<>("", "/s", EventTypes.ALERT_RESOLVED, "1.0", null, null, null, data))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> new CloudEvent<>("1", null, EventTypes.ALERT_RESOLVED, "1.0", null, null, null, data))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source");
        assertThatThrownBy(() -> new CloudEvent<>("1", "/s", EventTypes.ALERT_RESOLVED, "0.3", null, null, null, data))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("specversion");
        assertThatThrownBy(() -> new CloudEvent<>("1", "/s", EventTypes.ALERT_RESOLVED, "1.0", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data");
    }

    @Test
    void shouldCreateEventsWithTheAlmatyOffset() {
        AlertResolved data = new AlertResolved("A-1", "F-0001", OffsetDateTime.parse("2026-11-21T09:30:00Z"), "ok");

        CloudEvent<AlertResolved> event = CloudEvent.of("/s", EventTypes.ALERT_RESOLVED, "F-0001", data);

        assertThat(event.time().getOffset().getTotalSeconds()).isEqualTo(5 * 3600);
        assertThatThrownBy(() -> CloudEvent.of("/s", EventTypes.CAPITAL_SNAPSHOT, "F-0001", data))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
