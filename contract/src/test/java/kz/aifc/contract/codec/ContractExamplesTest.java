package kz.aifc.contract.codec;

import static kz.aifc.contract.codec.Examples.binaryHeaders;
import static kz.aifc.contract.codec.Examples.bytes;
import static kz.aifc.contract.codec.Examples.envelope;
import static kz.aifc.contract.codec.Examples.json;
import static kz.aifc.contract.codec.Examples.structuredHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.AlertResolved;
import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.ControllerChange;
import kz.aifc.contract.v1.Currency;
import kz.aifc.contract.v1.CustomerType;
import kz.aifc.contract.v1.Direction;
import kz.aifc.contract.v1.Duty;
import kz.aifc.contract.v1.Exposure;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.contract.v1.LicenceStatus;
import kz.aifc.contract.v1.RiskRating;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.ScreenedTransaction;
import kz.aifc.contract.v1.Severity;
import kz.aifc.contract.v1.StaffChange;
import kz.aifc.contract.v1.StaffChangeKind;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every contract/README.md §1 example is accepted in both content modes and survives a round trip unchanged. */
class ContractExamplesTest {

    static Stream<String> types() {
        return EventTypes.all().stream();
    }

    @ParameterizedTest
    @MethodSource("types")
    void shouldDecodeEveryExampleInBinaryMode(String type) {
        CloudEvent<?> event = CloudEventCodec.decode(binaryHeaders(type), bytes(json(type)));

        assertThat(event.type()).isEqualTo(type);
        assertThat(event.id()).isEqualTo(Examples.ID);
        assertThat(event.source()).isEqualTo(Examples.SOURCE);
        assertThat(event.specversion()).isEqualTo("1.0");
        assertThat(event.time()).isEqualTo(OffsetDateTime.parse(Examples.TIME));
        assertThat(event.subject()).isEqualTo("F-0001");
        assertThat(event.dataContentType()).isEqualTo("application/json");
        assertThat(event.data()).isInstanceOf(EventTypes.payloadClass(type));
        assertThat(event.eventKey()).isEqualTo(Examples.SOURCE + "/" + Examples.ID);
    }

    @ParameterizedTest
    @MethodSource("types")
    void shouldDecodeEveryExampleInStructuredModeToTheSameEvent(String type) {
        CloudEvent<?> binary = CloudEventCodec.decode(binaryHeaders(type), bytes(json(type)));

        CloudEvent<?> structured = CloudEventCodec.decode(structuredHeaders(), bytes(envelope(type, json(type))));

        assertThat(structured).isEqualTo(binary);
    }

    @ParameterizedTest
    @MethodSource("types")
    void shouldDecodeEveryExampleFromKafkaHeaders(String type) {
        RecordHeaders headers = new RecordHeaders();
        binaryHeaders(type).forEach(headers::add);

        CloudEvent<?> event = CloudEventCodec.decode(headers, bytes(json(type)));

        assertThat(event).isEqualTo(CloudEventCodec.decode(binaryHeaders(type), bytes(json(type))));
    }

    @ParameterizedTest
    @MethodSource("types")
    void shouldRoundTripEveryExampleThroughBinaryEncoding(String type) {
        CloudEvent<?> original = CloudEventCodec.decode(binaryHeaders(type), bytes(json(type)));

        EncodedEvent encoded = CloudEventCodec.encode(original);

        assertThat(CloudEventCodec.decode(encoded.headers(), encoded.value())).isEqualTo(original);
        assertThat(encoded.key()).isEqualTo("F-0001");
    }

    @ParameterizedTest
    @MethodSource("types")
    void shouldRoundTripEveryExampleThroughStructuredEncoding(String type) {
        CloudEvent<?> original = CloudEventCodec.decode(binaryHeaders(type), bytes(json(type)));

        EncodedEvent encoded = CloudEventCodec.encodeStructured(original);

        assertThat(CloudEventCodec.decode(encoded.kafkaHeaders(), encoded.value())).isEqualTo(original);
        assertThat(CloudEventCodec.decodeStructured(encoded.value())).isEqualTo(original);
    }

    @Test
    void shouldReadTheCapitalSnapshotExampleExactly() {
        CapitalSnapshot s = CloudEventCodec.decode(binaryHeaders(EventTypes.CAPITAL_SNAPSHOT),
                bytes(json(EventTypes.CAPITAL_SNAPSHOT)), CapitalSnapshot.class).data();

        assertThat(s.firmId()).isEqualTo("F-0001");
        assertThat(s.asOf()).isEqualTo(OffsetDateTime.parse("2026-11-20T17:00:00+05:00"));
        assertThat(s.asOf().getOffset().getTotalSeconds()).isEqualTo(5 * 3600);
        assertThat(s.currency()).isEqualTo(Currency.USD);
        assertThat(s.usdRate()).isEqualTo(new BigDecimal("1"));
        assertThat(s.capital().paidUpShareCapital()).isEqualTo(new BigDecimal("400000.00"));
        assertThat(s.capital().sharePremium()).isEqualTo(new BigDecimal("0"));
        assertThat(s.capital().capitalResources()).isEqualTo(new BigDecimal("440000.00"));
        assertThat(s.liquidAssets()).isEqualTo(new BigDecimal("180000.00"));
        assertThat(s.annualOperatingExpenditure()).isEqualTo(new BigDecimal("600000.00"));
        assertThat(s.capitalReductionApprovalRef()).isNull();
    }

    @Test
    void shouldReadTheScreenedTransactionExampleExactly() {
        ScreenedTransaction t = CloudEventCodec.decode(binaryHeaders(EventTypes.TRANSACTION_SCREENED),
                bytes(json(EventTypes.TRANSACTION_SCREENED)), ScreenedTransaction.class).data();

        assertThat(t.direction()).isEqualTo(Direction.DEPOSIT);
        assertThat(t.amount()).isEqualTo(new BigDecimal("950.00"));
        assertThat(t.amountKzt()).isEqualTo(new BigDecimal("488000.00"));
        assertThat(t.customer().type()).isEqualTo(CustomerType.NATURAL);
        assertThat(t.customer().riskRating()).isEqualTo(RiskRating.LOW);
        assertThat(t.customer().retailClient()).isTrue();
        assertThat(t.counterparty().wallet()).isEqualTo("TQ…");
        assertThat(t.counterparty().ownershipVerified()).isNull();
        assertThat(t.counterparty().jurisdiction()).isEqualTo("AE");
        assertThat(t.travelRule().beneficiaryWallet()).isEqualTo("TX…");
        assertThat(t.screening().sanctionsList()).isNull();
        assertThat(t.screening().matchScore()).isEqualTo(new BigDecimal("0"));
        assertThat(t.screening().walletRiskScore()).isEqualTo(12);
        assertThat(t.screening().exposures()).containsExactly(Exposure.GAMBLING);
        assertThat(t.channel().ip()).isEqualTo("203.0.113.7");
    }

    @Test
    void shouldReadTheStaffControllerAndLicenceExamples() {
        StaffChange staff = CloudEventCodec.decode(binaryHeaders(EventTypes.STAFF_CHANGE),
                bytes(json(EventTypes.STAFF_CHANGE)), StaffChange.class).data();
        ControllerChange controller = CloudEventCodec.decode(binaryHeaders(EventTypes.CONTROLLER_CHANGE),
                bytes(json(EventTypes.CONTROLLER_CHANGE)), ControllerChange.class).data();
        LicenceChanged licence = CloudEventCodec.decode(binaryHeaders(EventTypes.LICENCE_CHANGED),
                bytes(json(EventTypes.LICENCE_CHANGED)), LicenceChanged.class).data();

        assertThat(staff.change()).isEqualTo(StaffChangeKind.APPOINTED);
        assertThat(staff.roles()).containsExactly(Role.MLRO);
        assertThat(staff.disclosure()).isNull();
        assertThat(staff.effectiveDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(controller.type()).isEqualTo(CustomerType.LEGAL);
        assertThat(controller.previousHoldingPct()).isEqualTo(new BigDecimal("8.0"));
        assertThat(controller.newHoldingPct()).isEqualTo(new BigDecimal("12.5"));
        assertThat(controller.afsaApproval()).isEqualTo(AfsaApproval.NONE);
        assertThat(controller.proposed()).as("optional, absent in the v1 example").isNull();
        assertThat(controller.proposes()).isFalse();
        assertThat(controller.approvalDate()).isNull();
        assertThat(licence.status()).isEqualTo(LicenceStatus.ACTIVE);
        assertThat(licence.activities()).containsExactly(Activity.DATF_OPERATOR, Activity.PROVIDING_CUSTODY);
        assertThat(licence.effectiveFrom()).isEqualTo(LocalDate.of(2026, 1, 15));
    }

    @Test
    void shouldReadTheOptionalProposedAndApprovalDateOfAControllerChange() {
        String json = json(EventTypes.CONTROLLER_CHANGE).replace("\"effectiveDate\": \"2026-11-20\"",
                "\"effectiveDate\": \"2026-11-20\", \"proposed\": true, \"approvalDate\": \"2025-11-19\"");
        ControllerChange controller = CloudEventCodec.decode(binaryHeaders(EventTypes.CONTROLLER_CHANGE), bytes(json),
                ControllerChange.class).data();

        assertThat(controller.proposes()).isTrue();
        assertThat(controller.approvalDate()).isEqualTo(LocalDate.of(2025, 11, 19));
        assertThat(CloudEventCodec.toJson(controller)).as("only the contract's fields are written")
                .contains("\"proposed\":true", "\"approvalDate\":\"2025-11-19\"").doesNotContain("\"proposal");
    }

    @Test
    void shouldReadTheAlertExamples() {
        AlertRaised raised = CloudEventCodec.decode(binaryHeaders(EventTypes.ALERT_RAISED),
                bytes(json(EventTypes.ALERT_RAISED)), AlertRaised.class).data();
        AlertResolved resolved = CloudEventCodec.decode(binaryHeaders(EventTypes.ALERT_RESOLVED),
                bytes(json(EventTypes.ALERT_RESOLVED)), AlertResolved.class).data();

        assertThat(raised.duty()).isEqualTo(Duty.CAPITAL);
        assertThat(raised.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(raised.evidence()).containsEntry("capitalResources", "240000.00");
        assertThat(raised.causedBy()).hasSize(1);
        assertThat(raised.regulatoryDeadline()).isEqualTo(OffsetDateTime.parse("2026-11-23T18:00:00+05:00"));
        assertThat(raised.links()).containsKey("report");
        assertThat(resolved.alertId()).isEqualTo(raised.alertId());
    }

    @Test
    void shouldWriteMoneyAsStringsKeepingTheirScale() {
        CloudEvent<?> event = CloudEventCodec.decode(binaryHeaders(EventTypes.CAPITAL_SNAPSHOT),
                bytes(Examples.replace(json(EventTypes.CAPITAL_SNAPSHOT),
                        "\"liquidAssets\": \"180000.00\"", "\"liquidAssets\": 180000.50")));

        String value = new String(CloudEventCodec.encode(event).value(), StandardCharsets.UTF_8);

        assertThat(value)
                .contains("\"paidUpShareCapital\":\"400000.00\"")
                .contains("\"sharePremium\":\"0\"")
                .contains("\"usdRate\":\"1\"")
                .contains("\"liquidAssets\":\"180000.50\"")
                .contains("\"asOf\":\"2026-11-20T17:00:00+05:00\"");
    }

    @Test
    void shouldListOneExampleForEveryType() {
        assertThat(types().map(Examples::json).toList()).hasSize(EventTypes.all().size());
        assertThat(EventTypes.all()).hasSize(List.of(EventTypes.CAPITAL_SNAPSHOT, EventTypes.TRANSACTION_SCREENED,
                EventTypes.STAFF_CHANGE, EventTypes.CONTROLLER_CHANGE, EventTypes.LICENCE_CHANGED,
                EventTypes.ALERT_RAISED, EventTypes.ALERT_RESOLVED).size());
    }
}
