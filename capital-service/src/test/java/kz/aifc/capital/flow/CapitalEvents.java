package kz.aifc.capital.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.Topics;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.codec.EncodedEvent;
import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.AlertResolved;
import kz.aifc.contract.v1.CapitalComponents;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.Currency;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.contract.v1.LicenceStatus;
import kz.aifc.testing.LocalStackResource;
import kz.aifc.testing.TestKafka;

/** A firm's system and licensing-service as the flow tests play them, and a reader of the alerts topic. */
final class CapitalEvents {

    static final String FIRM_SYSTEM = "urn:aifc:test-firm-system";
    static final String LICENSING = "urn:aifc:licensing-service";
    static final Duration WAIT = Duration.ofSeconds(30);

    private CapitalEvents() {
    }

    static CapitalSnapshot snapshot(String firmId, String asOf, String paidUp) {
        return snapshot(firmId, asOf, Currency.USD, "1", paidUp);
    }

    static CapitalSnapshot snapshot(String firmId, String asOf, Currency currency, String rate, String paidUp) {
        return snapshot(firmId, asOf, currency, rate, paidUp, null);
    }

    static CapitalSnapshot snapshot(String firmId, String asOf, Currency currency, String rate, String paidUp,
            String approvalRef) {
        return new CapitalSnapshot(firmId, OffsetDateTime.parse(asOf), currency, new BigDecimal(rate),
                new CapitalComponents(new BigDecimal(paidUp), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO),
                new BigDecimal("180000.00"), new BigDecimal("600000.00"), approvalRef);
    }

    static CloudEvent<CapitalSnapshot> send(CapitalSnapshot snapshot) {
        CloudEvent<CapitalSnapshot> event = CloudEvent.of(FIRM_SYSTEM, EventTypes.CAPITAL_SNAPSHOT, snapshot.firmId(),
                snapshot, snapshot.asOf());
        send(event);
        return event;
    }

    static void send(CloudEvent<CapitalSnapshot> event) {
        TestKafka.send(LocalStackResource.topic(Topics.CAPITAL_SNAPSHOTS), event.data().firmId(), event);
    }

    /** Sends the snapshots in one go: the service reads them in one poll and applies them in one unit of work. */
    static void sendTogether(CapitalSnapshot... snapshots) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (CapitalSnapshot snapshot : snapshots) {
            EncodedEvent encoded = CloudEventCodec.encode(CloudEvent.of(FIRM_SYSTEM, EventTypes.CAPITAL_SNAPSHOT,
                    snapshot.firmId(), snapshot, snapshot.asOf()));
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                    LocalStackResource.topic(Topics.CAPITAL_SNAPSHOTS), snapshot.firmId(), encoded.value());
            encoded.headers().forEach((name, value) -> record.headers().add(name, value));
            records.add(record);
        }
        TestKafka.sendTogether(records);
    }

    static CloudEvent<LicenceChanged> licence(String firmId, Activity... activities) {
        LicenceChanged licence = new LicenceChanged(firmId, "Steppe Digital Ltd", "AFSA-A-LA-2026-" + firmId,
                LicenceStatus.ACTIVE, List.of(activities), LocalDate.parse("2026-01-15"), List.of());
        CloudEvent<LicenceChanged> event = CloudEvent.of(LICENSING, EventTypes.LICENCE_CHANGED, firmId, licence,
                OffsetDateTime.parse("2026-01-15T09:00:00+05:00"));
        TestKafka.send(LocalStackResource.topic(Topics.LICENCES), firmId, event);
        return event;
    }

    static List<AlertRaised> raised(String firmId, String ruleId, int count) {
        return raised(firmId, ruleId, count, WAIT);
    }

    static List<AlertRaised> raised(String firmId, String ruleId, int count, Duration wait) {
        return alerts(EventTypes.ALERT_RAISED, count, wait, AlertRaised.class,
                a -> a.firmId().equals(firmId) && a.ruleId().equals(ruleId));
    }

    /**
     * The alerts of {@code ruleId} raised for {@code firmId} before {@code markerFirm}'s first alert of
     * {@code markerRule}: the marker firm shares the firm's partitions, so once its alert is on the topic every alert
     * the firm's earlier events could cause is there too. No fixed wait for "nothing more".
     */
    static List<AlertRaised> raisedBefore(String firmId, String ruleId, String markerFirm, String markerRule) {
        List<AlertRaised> upToMarker = alerts(EventTypes.ALERT_RAISED, Integer.MAX_VALUE, WAIT, AlertRaised.class,
                a -> a.firmId().equals(firmId) && a.ruleId().equals(ruleId)
                        || a.firmId().equals(markerFirm) && a.ruleId().equals(markerRule),
                a -> a.firmId().equals(markerFirm));
        assertThat(upToMarker).as("the marker's %s alert arrived", markerRule)
                .anyMatch(a -> a.firmId().equals(markerFirm));
        return upToMarker.stream().filter(a -> a.firmId().equals(firmId)).toList();
    }

    static List<AlertResolved> resolved(String alertId) {
        return alerts(EventTypes.ALERT_RESOLVED, 1, WAIT, AlertResolved.class, a -> a.alertId().equals(alertId));
    }

    /**
     * The first {@code count} alert events of {@code firmId} whose alert id starts with {@code alertIdPrefix}, raised
     * and resolved, in the order the topic holds them (a firm's events share a partition): "raised ID" or
     * "resolved ID".
     */
    static List<String> lifecycle(String firmId, String alertIdPrefix, int count) {
        return TestKafka.await(LocalStackResource.topic(Topics.COMPLIANCE_ALERTS), count, WAIT,
                r -> firmId.equals(r.key()) && lifecycleStep(r).startsWith(alertIdPrefix, lifecycleStep(r).indexOf(' ') + 1))
                .stream().map(CapitalEvents::lifecycleStep).toList();
    }

    private static String lifecycleStep(ConsumerRecord<String, byte[]> r) {
        String json = new String(r.value(), StandardCharsets.UTF_8);
        return EventTypes.ALERT_RAISED.equals(TestKafka.header(r, "ce_type"))
                ? "raised " + CloudEventCodec.readPayload(json, AlertRaised.class).alertId()
                : "resolved " + CloudEventCodec.readPayload(json, AlertResolved.class).alertId();
    }

    private static <T> List<T> alerts(String type, int count, Duration wait, Class<T> payload, Predicate<T> match) {
        return alerts(type, count, wait, payload, match, a -> false);
    }

    /** Reads until {@code count} matches, or until a match that is also a {@code stop} (it is kept). */
    private static <T> List<T> alerts(String type, int count, Duration wait, Class<T> payload, Predicate<T> match,
            Predicate<T> stop) {
        Predicate<ConsumerRecord<String, byte[]>> record = r -> type.equals(TestKafka.header(r, "ce_type"))
                && match.test(CloudEventCodec.readPayload(new String(r.value(), StandardCharsets.UTF_8), payload));
        Predicate<ConsumerRecord<String, byte[]>> last = r -> stop.test(
                CloudEventCodec.readPayload(new String(r.value(), StandardCharsets.UTF_8), payload));
        return TestKafka.awaitUntil(LocalStackResource.topic(Topics.COMPLIANCE_ALERTS), count, wait, record, last)
                .stream().map(r -> CloudEventCodec.readPayload(new String(r.value(), StandardCharsets.UTF_8), payload))
                .toList();
    }
}
