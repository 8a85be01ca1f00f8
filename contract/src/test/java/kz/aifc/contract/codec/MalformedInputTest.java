package kz.aifc.contract.codec;

import static kz.aifc.contract.codec.Examples.binaryHeaders;
import static kz.aifc.contract.codec.Examples.bytes;
import static kz.aifc.contract.codec.Examples.envelope;
import static kz.aifc.contract.codec.Examples.json;
import static kz.aifc.contract.codec.Examples.replace;
import static kz.aifc.contract.codec.Examples.structuredHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.ScreenedTransaction;
import kz.aifc.contract.v1.StaffChange;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad records are rejected with a reason that names the field, as the DLQ header needs it (contract/README.md §1). */
class MalformedInputTest {

    private static final String SNAPSHOT = EventTypes.CAPITAL_SNAPSHOT;
    private static final String TRANSACTION = EventTypes.TRANSACTION_SCREENED;
    private static final String STAFF = EventTypes.STAFF_CHANGE;
    private static final String CONTROLLER = EventTypes.CONTROLLER_CHANGE;
    private static final String ALERT = EventTypes.ALERT_RAISED;

    private static MalformedEventException rejected(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(MalformedEventException.class);
        return (MalformedEventException) thrown;
    }

    /** Decodes a binary-mode record carrying {@code data} and returns the rejection. */
    private static MalformedEventException rejectedData(String type, String data) {
        return rejected(() -> CloudEventCodec.decode(binaryHeaders(type), bytes(data)));
    }

    private static void assertNames(MalformedEventException e, String field, String reasonFragment) {
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).startsWith(field + ": ").contains(reasonFragment);
        assertThat(e.reason()).contains(reasonFragment);
    }

    private static CloudEvent<?> decodeData(String type, String data) {
        return CloudEventCodec.decode(binaryHeaders(type), bytes(data));
    }

    @Nested
    class RequiredFields {

        @Test
        void shouldRejectMissingRequiredFieldNamingIt() {
            String data = replace(json(SNAPSHOT), "\"firmId\": \"F-0001\",", "");

            assertThat(rejectedData(SNAPSHOT, data).getMessage())
                    .isEqualTo("data.firmId: required field is missing or null");
        }

        @Test
        void shouldRejectExplicitNullForRequiredField() {
            String data = replace(json(SNAPSHOT), "\"liquidAssets\": \"180000.00\"", "\"liquidAssets\": null");

            assertNames(rejectedData(SNAPSHOT, data), "data.liquidAssets", "required field is missing");
        }

        @Test
        void shouldRejectMissingNestedFieldWithItsFullPath() {
            String data = replace(json(TRANSACTION), "\"riskRating\": \"LOW\",", "");

            assertNames(rejectedData(TRANSACTION, data), "data.customer.riskRating", "required field is missing");
        }

        @Test
        void shouldRejectMissingNestedMoneyWithItsFullPath() {
            String data = replace(json(SNAPSHOT), "\"otherDeductions\": \"0\"", "\"unrelated\": 1");

            assertNames(rejectedData(SNAPSHOT, data), "data.capital.otherDeductions", "required field is missing");
        }

        @Test
        void shouldRejectBlankIdentifier() {
            String data = replace(json(STAFF), "\"personId\": \"P-7\"", "\"personId\": \"  \"");

            assertNames(rejectedData(STAFF, data), "data.personId", "must not be blank");
        }

        @Test
        void shouldRejectNullElementInListNamingItsIndex() {
            String data = replace(json(STAFF), "\"roles\": [\"MLRO\"]", "\"roles\": [\"MLRO\", null]");

            assertNames(rejectedData(STAFF, data), "data.roles[1]", "must not be null");
        }

        @Test
        void shouldRequireUsdRateForNonUsdSnapshot() {
            String data = replace(replace(json(SNAPSHOT), "\"currency\": \"USD\"", "\"currency\": \"KZT\""),
                    "\"usdRate\": \"1\",", "");

            assertThat(rejectedData(SNAPSHOT, data).getMessage())
                    .isEqualTo("data.usdRate: required when currency is KZT");
        }

        @Test
        void shouldRejectZeroUsdRateForNonUsdSnapshot() {
            String data = replace(replace(json(SNAPSHOT), "\"currency\": \"USD\"", "\"currency\": \"KZT\""),
                    "\"usdRate\": \"1\"", "\"usdRate\": \"0.00\"");

            assertNames(rejectedData(SNAPSHOT, data), "data.usdRate", "must be greater than zero");
        }

        @Test
        void shouldRejectUsdSnapshotWhoseRateIsNotOne() {
            String data = replace(json(SNAPSHOT), "\"usdRate\": \"1\"", "\"usdRate\": \"512.40\"");

            assertNames(rejectedData(SNAPSHOT, data), "data.usdRate", "must be 1 when currency is USD");
        }

        @Test
        void shouldReadAbsentUsdRateOfUsdSnapshotAsOne() {
            String data = replace(json(SNAPSHOT), "\"usdRate\": \"1\",", "");

            CapitalSnapshot snapshot = (CapitalSnapshot) decodeData(SNAPSHOT, data).data();

            assertThat(snapshot.usdRate()).isEqualByComparingTo("1");
        }

        @Test
        void shouldAcceptKztSnapshotWithExactRate() {
            String data = replace(replace(json(SNAPSHOT), "\"currency\": \"USD\"", "\"currency\": \"KZT\""),
                    "\"usdRate\": \"1\"", "\"usdRate\": 512.37");

            CapitalSnapshot snapshot = (CapitalSnapshot) decodeData(SNAPSHOT, data).data();

            assertThat(snapshot.usdRate()).isEqualTo(new BigDecimal("512.37"));
        }

        @Test
        void shouldRequireDisclosureWhenChangeIsDisclosure() {
            String data = replace(json(STAFF), "\"change\": \"APPOINTED\"", "\"change\": \"DISCLOSURE\"");

            assertThat(rejectedData(STAFF, data).getMessage())
                    .isEqualTo("data.disclosure: required when change is DISCLOSURE");
        }

        @Test
        void shouldAcceptATradeWithoutCounterpartyTravelRuleOrChannel() {
            String data = "{\"firmId\":\"F-0001\",\"transactionId\":\"T-1\",\"occurredAt\":\"2026-11-20T10:15:00Z\","
                    + "\"direction\":\"TRADE\",\"asset\":\"BTC\",\"amount\":\"0.015\",\"amountUsd\":\"1400.00\","
                    + "\"customer\":{\"id\":\"C-1\",\"type\":\"LEGAL\",\"residency\":\"KZ\",\"riskRating\":\"HIGH\","
                    + "\"pep\":false,\"eddCompleted\":true,\"retailClient\":false,\"knowledgeTestPassed\":false},"
                    + "\"screening\":{\"sanctionsHit\":false,\"matchScore\":0,\"walletRiskScore\":0}}";

            ScreenedTransaction t = (ScreenedTransaction) decodeData(TRANSACTION, data).data();

            assertThat(t.counterparty()).isNull();
            assertThat(t.travelRule()).isNull();
            assertThat(t.channel()).isNull();
            assertThat(t.amountKzt()).isNull();
            assertThat(t.screening().exposures()).isEmpty();
            assertThat(t.amount()).isEqualTo(new BigDecimal("0.015"));
        }
    }

    @Nested
    class WrongTypes {

        @Test
        void shouldRejectBooleanWhereDecimalExpected() {
            String data = replace(json(SNAPSHOT), "\"liquidAssets\": \"180000.00\"", "\"liquidAssets\": true");

            assertThat(rejectedData(SNAPSHOT, data).getMessage())
                    .isEqualTo("data.liquidAssets: expected a decimal, got boolean");
        }

        @Test
        void shouldRejectStringWhereBooleanExpected() {
            String data = replace(json(TRANSACTION), "\"pep\": false", "\"pep\": \"false\"");

            assertNames(rejectedData(TRANSACTION, data), "data.customer.pep", "expected a boolean, got string 'false'");
        }

        @Test
        void shouldRejectNumberWhereBooleanExpected() {
            String data = replace(json(TRANSACTION), "\"pep\": false", "\"pep\": 0");

            assertNames(rejectedData(TRANSACTION, data), "data.customer.pep", "expected a boolean, got number");
        }

        @Test
        void shouldRejectNumberWhereStringExpected() {
            String data = replace(json(SNAPSHOT), "\"firmId\": \"F-0001\"", "\"firmId\": 1");

            assertNames(rejectedData(SNAPSHOT, data), "data.firmId", "expected a string, got number");
        }

        @Test
        void shouldRejectObjectWhereStringExpected() {
            String data = replace(json(TRANSACTION), "\"asset\": \"USDT\"", "\"asset\": {\"code\": \"USDT\"}");

            assertNames(rejectedData(TRANSACTION, data), "data.asset", "expected a string, got object");
        }

        @Test
        void shouldRejectStringWhereObjectExpected() {
            String data = replace(json(TRANSACTION), "\"channel\": { \"ip\": \"203.0.113.7\", \"deviceId\": \"D-9\" }",
                    "\"channel\": \"web\"");

            assertNames(rejectedData(TRANSACTION, data), "data.channel", "expected an object, got string");
        }

        @Test
        void shouldRejectEmptyStringWhereObjectExpected() {
            String data = replace(json(TRANSACTION), "\"channel\": { \"ip\": \"203.0.113.7\", \"deviceId\": \"D-9\" }",
                    "\"channel\": \"\"");

            assertNames(rejectedData(TRANSACTION, data), "data.channel", "expected an object, got string");
        }

        @Test
        void shouldRejectStringWhereArrayExpected() {
            String data = replace(json(STAFF), "\"roles\": [\"MLRO\"]", "\"roles\": \"MLRO\"");

            assertNames(rejectedData(STAFF, data), "data.roles", "expected an array, got string");
        }

        @Test
        void shouldRejectFractionWhereIntegerExpected() {
            String data = replace(json(TRANSACTION), "\"walletRiskScore\": 12", "\"walletRiskScore\": 12.5");

            assertNames(rejectedData(TRANSACTION, data), "data.screening.walletRiskScore", "expected an integer");
        }

        @Test
        void shouldRejectStringWhereIntegerExpected() {
            String data = replace(json(TRANSACTION), "\"walletRiskScore\": 12", "\"walletRiskScore\": \"12\"");

            assertNames(rejectedData(TRANSACTION, data), "data.screening.walletRiskScore", "expected an integer");
        }

        @Test
        void shouldRejectOutOfRangeScore() {
            String data = replace(json(TRANSACTION), "\"walletRiskScore\": 12", "\"walletRiskScore\": 101");

            assertNames(rejectedData(TRANSACTION, data), "data.screening.walletRiskScore", "between 0 and 100");
        }

        @Test
        void shouldRejectCountryCodeThatIsNotAlpha2() {
            String data = replace(json(TRANSACTION), "\"residency\": \"KZ\"", "\"residency\": \"KAZ\"");

            assertNames(rejectedData(TRANSACTION, data), "data.customer.residency", "ISO 3166-1 alpha-2");
        }
    }

    @Nested
    class Enums {

        @Test
        void shouldRejectUnknownEnumValueListingTheAllowedOnes() {
            String data = replace(json(TRANSACTION), "\"riskRating\": \"LOW\"", "\"riskRating\": \"EXTREME\"");

            assertThat(rejectedData(TRANSACTION, data).getMessage()).isEqualTo(
                    "data.customer.riskRating: unknown value 'EXTREME' (expected one of LOW, MEDIUM, HIGH)");
        }

        @Test
        void shouldTreatEnumValuesCaseSensitively() {
            String data = replace(json(TRANSACTION), "\"riskRating\": \"LOW\"", "\"riskRating\": \"low\"");

            assertNames(rejectedData(TRANSACTION, data), "data.customer.riskRating", "unknown value 'low'");
        }

        @Test
        void shouldRejectEnumOrdinal() {
            String data = replace(json(TRANSACTION), "\"riskRating\": \"LOW\"", "\"riskRating\": 0");

            assertNames(rejectedData(TRANSACTION, data), "data.customer.riskRating", "expected a string");
        }

        @Test
        void shouldRejectUnknownEnumInsideListNamingTheIndex() {
            String data = replace(json(STAFF), "\"roles\": [\"MLRO\"]", "\"roles\": [\"MLRO\", \"CEO\"]");

            assertNames(rejectedData(STAFF, data), "data.roles[1]", "unknown value 'CEO'");
        }

        @Test
        void shouldRejectUnknownExposure() {
            String data = replace(json(TRANSACTION), "\"exposures\": [\"GAMBLING\"]", "\"exposures\": [\"CASINO\"]");

            assertNames(rejectedData(TRANSACTION, data), "data.screening.exposures[0]", "unknown value 'CASINO'");
        }
    }

    @Nested
    class Money {

        @ParameterizedTest
        @ValueSource(strings = {"\"-950.00\"", "-950.00", "-1"})
        void shouldRejectNegativeAmountNamingTheField(String amount) {
            String data = replace(json(TRANSACTION), "\"amount\": \"950.00\"", "\"amount\": " + amount);

            assertNames(rejectedData(TRANSACTION, data), "data.amount", "must not be negative");
        }

        @Test
        void shouldRejectNegativeNestedAmount() {
            String data = replace(json(SNAPSHOT), "\"interimLosses\": \"30000.00\"",
                    "\"interimLosses\": \"-30000.00\"");

            assertNames(rejectedData(SNAPSHOT, data), "data.capital.interimLosses", "must not be negative");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.5e3", "1E5", "\"1.5e3\"", "\"1E5\"", "1.5E+3", "\"2e-2\""})
        void shouldRejectExponentMoneyNamingTheField(String amount) {
            String data = replace(json(TRANSACTION), "\"amount\": \"950.00\"", "\"amount\": " + amount);

            assertNames(rejectedData(TRANSACTION, data), "data.amount", "exponent notation is not allowed");
        }

        @ParameterizedTest
        @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"", "\"-Infinity\""})
        void shouldRejectNanAndInfinityNamingTheField(String amount) {
            String data = replace(json(TRANSACTION), "\"amountUsd\": \"950.00\"", "\"amountUsd\": " + amount);

            assertNames(rejectedData(TRANSACTION, data), "data.amountUsd", "NaN and Infinity are not allowed");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0.1234567890123456789", "\"0.1234567890123456789\""})
        void shouldRejectMoreThanEighteenDecimalPlaces(String amount) {
            String data = replace(json(TRANSACTION), "\"amount\": \"950.00\"", "\"amount\": " + amount);

            assertNames(rejectedData(TRANSACTION, data), "data.amount", "more than 18 decimal places");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0.123456789012345678", "\"0.123456789012345678\""})
        void shouldAcceptEighteenDecimalPlacesExactly(String amount) {
            String data = replace(json(TRANSACTION), "\"amount\": \"950.00\"", "\"amount\": " + amount);

            ScreenedTransaction t = (ScreenedTransaction) decodeData(TRANSACTION, data).data();

            assertThat(t.amount()).isEqualTo(new BigDecimal("0.123456789012345678"));
            assertThat(t.amount().scale()).isEqualTo(18);
        }

        @Test
        void shouldRejectEmptyStringMoney() {
            String data = replace(json(TRANSACTION), "\"amount\": \"950.00\"", "\"amount\": \"\"");

            assertNames(rejectedData(TRANSACTION, data), "data.amount", "must not be an empty string");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"0950.00\"", "\"950.\"", "\".5\"", "\"+950\"", "\" 950\"", "\"950 KZT\"",
            "\"9,50\""})
        void shouldRejectMoneyThatIsNotAPlainDecimal(String amount) {
            String data = replace(json(TRANSACTION), "\"amount\": \"950.00\"", "\"amount\": " + amount);

            MalformedEventException e = rejectedData(TRANSACTION, data);

            assertThat(e.field()).isEqualTo("data.amount");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "950|950",
            "950.00|950.00",
            "\"950.00\"|950.00",
            "0.1|0.1",
            "\"12345678901234567890123.5\"|12345678901234567890123.5",
            "0|0"})
        void shouldReadMoneyExactlyFromStringsAndPlainNumbers(String json, String expected) {
            String data = replace(json(TRANSACTION), "\"amount\": \"950.00\"", "\"amount\": " + json);

            ScreenedTransaction t = (ScreenedTransaction) decodeData(TRANSACTION, data).data();

            assertThat(t.amount()).isEqualTo(new BigDecimal(expected));
        }

        @Test
        void shouldRejectPercentageAboveOneHundred() {
            String data = replace(json(CONTROLLER), "\"newHoldingPct\": \"12.5\"", "\"newHoldingPct\": \"100.01\"");

            assertNames(rejectedData(CONTROLLER, data), "data.newHoldingPct", "must be between 0 and 100");
        }

        @Test
        void shouldRejectNanInsideFreeFormEvidence() {
            String data = replace(json(ALERT), "\"requirement\": \"250000.00\"",
                    "\"requirement\": \"250000.00\", \"ratio\": [1, NaN]");

            assertNames(rejectedData(ALERT, data), "data.evidence.ratio[1]", "NaN and Infinity are not allowed");
        }

        @Test
        void shouldKeepEvidenceDecimalsExact() {
            String data = replace(json(ALERT), "\"requirement\": \"250000.00\"",
                    "\"requirement\": \"250000.00\", \"ratio\": 0.960, \"count\": 3");

            Map<String, Object> evidence = ((AlertRaised) decodeData(ALERT, data).data()).evidence();

            assertThat(evidence.get("ratio")).isEqualTo(new BigDecimal("0.960"));
            assertThat(evidence.get("count")).isEqualTo(3);
        }
    }

    @Nested
    class TimesAndDates {

        @Test
        void shouldRejectTimeWithoutOffset() {
            String data = replace(json(SNAPSHOT), "\"asOf\": \"2026-11-20T17:00:00+05:00\"",
                    "\"asOf\": \"2026-11-20T17:00:00\"");

            assertNames(rejectedData(SNAPSHOT, data), "data.asOf", "time has no offset");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"2026-11-20 17:00\"", "\"20.11.2026\"", "\"2026-11-20T17+05:00\"",
            "\"2026-02-30T17:00:00+05:00\""})
        void shouldRejectTimeThatIsNotRfc3339(String time) {
            String data = replace(json(SNAPSHOT), "\"asOf\": \"2026-11-20T17:00:00+05:00\"", "\"asOf\": " + time);

            assertNames(rejectedData(SNAPSHOT, data), "data.asOf", "RFC 3339");
        }

        @Test
        void shouldReadATimeWithoutSecondsOnAWholeMinute() {
            String data = replace(json(SNAPSHOT), "\"asOf\": \"2026-11-20T17:00:00+05:00\"",
                    "\"asOf\": \"2026-11-20T17:00+05:00\"");

            CapitalSnapshot snapshot = (CapitalSnapshot) decodeData(SNAPSHOT, data).data();

            assertThat(snapshot.asOf()).isEqualTo(OffsetDateTime.parse("2026-11-20T17:00:00+05:00"));
        }

        @Test
        void shouldRejectEpochNumberAsTime() {
            String data = replace(json(SNAPSHOT), "\"asOf\": \"2026-11-20T17:00:00+05:00\"", "\"asOf\": 1795176000");

            assertNames(rejectedData(SNAPSHOT, data), "data.asOf", "expected an RFC 3339 time string, got number");
        }

        @Test
        void shouldKeepTheOffsetOfTheTimeAsSent() {
            String data = replace(json(SNAPSHOT), "\"asOf\": \"2026-11-20T17:00:00+05:00\"",
                    "\"asOf\": \"2026-11-20T12:00:00.250Z\"");

            CapitalSnapshot snapshot = (CapitalSnapshot) decodeData(SNAPSHOT, data).data();

            assertThat(snapshot.asOf().toString()).isEqualTo("2026-11-20T12:00:00.250Z");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"20-11-2026\"", "\"2026-11-20T00:00:00+05:00\"", "\"2026-13-01\"", "20261120"})
        void shouldRejectDateThatIsNotIso(String date) {
            String data = replace(json(STAFF), "\"effectiveDate\": \"2026-11-20\"", "\"effectiveDate\": " + date);

            assertThat(rejectedData(STAFF, data).field()).isEqualTo("data.effectiveDate");
        }
    }

    @Nested
    class Attributes {

        @Test
        void shouldRejectUnknownTypeNamingTheHeader() {
            Map<String, byte[]> headers = binaryHeaders(SNAPSHOT);
            headers.put("ce_type", bytes("kz.aifc.foo.v1"));

            MalformedEventException e = rejected(() -> CloudEventCodec.decode(headers, bytes(json(SNAPSHOT))));

            assertThat(e.getMessage()).isEqualTo("ce_type: unknown event type 'kz.aifc.foo.v1'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ce_id", "ce_source", "ce_type", "ce_specversion"})
        void shouldRejectMissingRequiredAttributeNamingTheHeader(String header) {
            Map<String, byte[]> headers = binaryHeaders(SNAPSHOT);
            headers.remove(header);

            MalformedEventException e = rejected(() -> CloudEventCodec.decode(headers, bytes(json(SNAPSHOT))));

            assertThat(e.getMessage()).isEqualTo(header + ": required attribute is missing");
        }

        @Test
        void shouldRejectEmptyId() {
            Map<String, byte[]> headers = binaryHeaders(SNAPSHOT);
            headers.put("ce_id", new byte[0]);

            assertNames(rejected(() -> CloudEventCodec.decode(headers, bytes(json(SNAPSHOT)))), "ce_id",
                    "must not be empty");
        }

        @Test
        void shouldRejectSpecVersionOtherThanOnePointZero() {
            Map<String, byte[]> headers = binaryHeaders(SNAPSHOT);
            headers.put("ce_specversion", bytes("0.3"));

            assertThat(rejected(() -> CloudEventCodec.decode(headers, bytes(json(SNAPSHOT)))).getMessage())
                    .isEqualTo("ce_specversion: unsupported value '0.3' (expected 1.0)");
        }

        @Test
        void shouldRejectEventTimeWithoutOffset() {
            Map<String, byte[]> headers = binaryHeaders(SNAPSHOT);
            headers.put("ce_time", bytes("2026-11-20T17:00:01"));

            assertNames(rejected(() -> CloudEventCodec.decode(headers, bytes(json(SNAPSHOT)))), "ce_time",
                    "time has no offset");
        }

        @Test
        void shouldAcceptRecordWithoutOptionalAttributes() {
            Map<String, byte[]> headers = binaryHeaders(SNAPSHOT);
            headers.remove("ce_time");
            headers.remove("ce_subject");
            headers.remove("content-type");

            CloudEvent<?> event = CloudEventCodec.decode(headers, bytes(json(SNAPSHOT)));

            assertThat(event.time()).isNull();
            assertThat(event.subject()).isNull();
            assertThat(event.dataContentType()).isNull();
        }

        @Test
        void shouldAcceptJsonContentTypeWithParameters() {
            Map<String, byte[]> headers = binaryHeaders(SNAPSHOT);
            headers.put("content-type", bytes("application/json; charset=utf-8"));

            assertThat(CloudEventCodec.decode(headers, bytes(json(SNAPSHOT))).data())
                    .isInstanceOf(CapitalSnapshot.class);
        }

        @Test
        void shouldRejectNonJsonContentType() {
            Map<String, byte[]> headers = binaryHeaders(SNAPSHOT);
            headers.put("content-type", bytes("text/plain"));

            assertNames(rejected(() -> CloudEventCodec.decode(headers, bytes(json(SNAPSHOT)))), "content-type",
                    "unsupported content type 'text/plain'");
        }

        @Test
        void shouldRejectTypeCarryingAnotherPayloadThanExpected() {
            MalformedEventException e = rejected(() -> CloudEventCodec.decode(binaryHeaders(STAFF),
                    bytes(json(STAFF)), CapitalSnapshot.class));

            assertThat(e.getMessage()).isEqualTo(
                    "ce_type: event type 'kz.aifc.staff.change.v1' carries StaffChange, expected CapitalSnapshot");
        }

        @Test
        void shouldReturnTypedEventWhenPayloadMatchesExpected() {
            CloudEvent<StaffChange> event = CloudEventCodec.decode(binaryHeaders(STAFF), bytes(json(STAFF)),
                    StaffChange.class);

            assertThat(event.data().personId()).isEqualTo("P-7");
        }
    }

    @Nested
    class Bodies {

        @Test
        void shouldRejectNonJsonBody() {
            MalformedEventException e = rejectedData(SNAPSHOT, "firmId=F-0001");

            assertNames(e, "data", "not valid JSON");
        }

        @Test
        void shouldRejectTruncatedJsonNamingWhereItBroke() {
            String data = json(SNAPSHOT);
            MalformedEventException e = rejectedData(SNAPSHOT, data.substring(0, data.indexOf("\"liquidAssets\"")));

            assertThat(e.field()).startsWith("data");
            assertThat(e.reason()).startsWith("not valid JSON");
        }

        @Test
        void shouldRejectTrailingContentAfterThePayload() {
            assertThat(rejectedData(SNAPSHOT, json(SNAPSHOT) + " {}").getMessage())
                    .isEqualTo("data: unexpected content after the JSON object");
            assertNames(rejectedData(SNAPSHOT, json(SNAPSHOT) + " xyz"), "data", "not valid JSON");
        }

        @Test
        void shouldRejectArrayBody() {
            assertThat(rejectedData(SNAPSHOT, "[]").getMessage()).isEqualTo("data: expected an object, got array");
        }

        @Test
        void shouldRejectJsonNullBody() {
            assertNames(rejectedData(SNAPSHOT, "null"), "data", "required");
        }

        @Test
        void shouldRejectEmptyBody() {
            assertNames(rejected(() -> CloudEventCodec.decode(binaryHeaders(SNAPSHOT), new byte[0])), "data",
                    "required");
            assertNames(rejected(() -> CloudEventCodec.decode(binaryHeaders(SNAPSHOT), null)), "data", "required");
        }

        @Test
        void shouldIgnoreUnknownExtraFieldsAtEveryLevel() {
            String original = json(TRANSACTION);
            String extended = replace(replace(original, "\"firmId\": \"F-0001\",",
                    "\"firmId\": \"F-0001\", \"newField\": {\"deep\": [1, 2.5e10, {\"x\": null}]}, \"n\": 1e400,"),
                    "\"id\": \"C-42\",", "\"id\": \"C-42\", \"segment\": \"VIP\",");

            assertThat(decodeData(TRANSACTION, extended)).isEqualTo(decodeData(TRANSACTION, original));
        }
    }

    @Nested
    class StructuredMode {

        private MalformedEventException rejectedEnvelope(String envelope) {
            return rejected(() -> CloudEventCodec.decode(structuredHeaders(), bytes(envelope)));
        }

        @Test
        void shouldNamePayloadFieldsInStructuredModeToo() {
            String data = replace(json(TRANSACTION), "\"riskRating\": \"LOW\"", "\"riskRating\": \"EXTREME\"");

            assertNames(rejectedEnvelope(envelope(TRANSACTION, data)), "data.customer.riskRating",
                    "unknown value 'EXTREME'");
        }

        @Test
        void shouldRejectExponentMoneyInStructuredMode() {
            String data = replace(json(TRANSACTION), "\"amount\": \"950.00\"", "\"amount\": 1.5e3");

            assertNames(rejectedEnvelope(envelope(TRANSACTION, data)), "data.amount", "exponent");
        }

        @Test
        void shouldRejectUnknownTypeNamingTheAttribute() {
            assertThat(rejectedEnvelope(envelope("kz.aifc.foo.v1", json(SNAPSHOT))).getMessage())
                    .isEqualTo("type: unknown event type 'kz.aifc.foo.v1'");
        }

        @Test
        void shouldRejectMissingId() {
            String envelope = replace(envelope(SNAPSHOT, json(SNAPSHOT)), "\"id\":\"" + Examples.ID + "\",", "");

            assertThat(rejectedEnvelope(envelope).getMessage()).isEqualTo("id: required attribute is missing");
        }

        @Test
        void shouldRejectNonStringAttribute() {
            String envelope = replace(envelope(SNAPSHOT, json(SNAPSHOT)), "\"id\":\"" + Examples.ID + "\"", "\"id\":7");

            assertNames(rejectedEnvelope(envelope), "id", "expected a string, got number");
        }

        @Test
        void shouldRejectBadSpecVersion() {
            String envelope = replace(envelope(SNAPSHOT, json(SNAPSHOT)), "\"specversion\":\"1.0\"",
                    "\"specversion\":\"0.3\"");

            assertNames(rejectedEnvelope(envelope), "specversion", "unsupported value '0.3'");
        }

        @Test
        void shouldRejectMissingData() {
            String envelope = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"" + SNAPSHOT + "\"}";

            assertNames(rejectedEnvelope(envelope), "data", "required");
        }

        @Test
        void shouldRejectDataThatIsNotAnObject() {
            assertNames(rejectedEnvelope(envelope(SNAPSHOT, "\"F-0001\"")), "data", "expected an object, got string");
        }

        @Test
        void shouldRejectBase64Data() {
            String envelope = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"" + SNAPSHOT
                    + "\",\"data_base64\":\"e30=\"}";

            assertNames(rejectedEnvelope(envelope), "data_base64", "not supported");
        }

        @Test
        void shouldRejectEnvelopeThatIsNotJson() {
            assertNames(rejectedEnvelope("not json"), "envelope", "not valid JSON");
        }

        @Test
        void shouldRejectEnvelopeThatIsNotAnObject() {
            assertNames(rejectedEnvelope("[1]"), "envelope", "expected a JSON object, got array");
        }

        @Test
        void shouldNameTheFieldOfASyntaxErrorInsideData() {
            String data = replace(json(TRANSACTION), "\"amount\": \"950.00\"", "\"amount\": 9.5.0");

            MalformedEventException e = rejectedEnvelope(envelope(TRANSACTION, data));

            assertThat(e.field()).isEqualTo("data.amount");
            assertThat(e.reason()).startsWith("not valid JSON");
        }

        @Test
        void shouldAcceptAttributesInAnyOrderAndIgnoreExtensions() {
            String envelope = "{\"data\":" + json(SNAPSHOT) + ",\"traceparent\":\"00-abc\",\"type\":\"" + SNAPSHOT
                    + "\",\"source\":\"/s\",\"id\":\"1\",\"specversion\":\"1.0\",\"ext\":{\"a\":[1]}}";

            CloudEvent<?> event = CloudEventCodec.decode(structuredHeaders(), bytes(envelope));

            assertThat(event.eventKey()).isEqualTo("/s/1");
            assertThat(event.data()).isInstanceOf(CapitalSnapshot.class);
        }
    }
}
