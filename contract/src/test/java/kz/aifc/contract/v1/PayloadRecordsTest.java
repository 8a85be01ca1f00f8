package kz.aifc.contract.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records built in code obey the same contract as decoded ones, so a service cannot emit what it would reject. */
class PayloadRecordsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-20T17:00:00+05:00");

    private static CapitalComponents components(String paidUp) {
        BigDecimal zero = BigDecimal.ZERO;
        return new CapitalComponents(new BigDecimal(paidUp), zero, new BigDecimal("120000.00"), zero,
                new BigDecimal("30000.00"), new BigDecimal("50000.00"), zero, zero);
    }

    @Test
    void shouldComputeCapitalResourcesAsTheContractDefinesThem() {
        CapitalComponents c = new CapitalComponents(new BigDecimal("400000.00"), new BigDecimal("10.00"),
                new BigDecimal("120000.00"), new BigDecimal("5.00"), new BigDecimal("30000.00"),
                new BigDecimal("50000.00"), new BigDecimal("1.00"), new BigDecimal("2.00"));

        assertThat(c.capitalResources()).isEqualTo(new BigDecimal("440012.00"));
    }

    @Test
    void shouldRejectNegativeCapitalLineNamingIt() {
        assertThatThrownBy(() -> components("-1.00"))
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessage("paidUpShareCapital: must not be negative (was -1.00)")
                .extracting(e -> ((InvalidPayloadException) e).field()).isEqualTo("paidUpShareCapital");
    }

    @Test
    void shouldDefaultUsdRateOfUsdSnapshotToOne() {
        CapitalSnapshot s = new CapitalSnapshot("F-0001", NOW, Currency.USD, null, components("400000.00"),
                BigDecimal.TEN, BigDecimal.TEN, null);

        assertThat(s.usdRate()).isEqualTo(BigDecimal.ONE);
    }

    @Test
    void shouldRequirePositiveUsdRateForKzt() {
        assertThatThrownBy(() -> new CapitalSnapshot("F-0001", NOW, Currency.KZT, null, components("400000.00"),
                BigDecimal.TEN, BigDecimal.TEN, null))
                .hasMessage("usdRate: required when currency is KZT");
        assertThatThrownBy(() -> new CapitalSnapshot("F-0001", NOW, Currency.KZT, new BigDecimal("-5"),
                components("400000.00"), BigDecimal.TEN, BigDecimal.TEN, null))
                .hasMessageStartingWith("usdRate: must be greater than zero");
    }

    @Test
    void shouldRejectHoldingOutsideZeroToOneHundred() {
        assertThatThrownBy(() -> new ControllerChange("F-0001", "K-3", "Steppe", CustomerType.LEGAL,
                new BigDecimal("-0.1"), BigDecimal.TEN, AfsaApproval.NONE, false, LocalDate.of(2026, 11, 20)))
                .hasMessageStartingWith("previousHoldingPct: must be between 0 and 100");
    }

    @Test
    void shouldCopyListsAndMapsSoPayloadsStayImmutable() {
        List<Role> roles = new ArrayList<>(List.of(Role.MLRO));
        StaffChange staff = new StaffChange("F-0001", "P-7", "A. Example", StaffChangeKind.APPOINTED, roles,
                AfsaApproval.APPROVED, true, Seniority.SENIOR_MANAGER, null, LocalDate.of(2026, 11, 20));
        roles.add(Role.DIRECTOR);

        assertThat(staff.roles()).containsExactly(Role.MLRO);
        assertThatThrownBy(() -> staff.roles().add(Role.DIRECTOR)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldDefaultOptionalCollectionsToEmpty() {
        LicenceChanged licence = new LicenceChanged("F-0001", "Example Ltd", "L-1", LicenceStatus.ACTIVE,
                List.of(Activity.ADVISING), LocalDate.of(2026, 1, 1), null);
        AlertRaised alert = new AlertRaised("A-1", "F-0001", Duty.AML, "AML-001", "2026.1", null, Severity.CRITICAL,
                "Sanctions hit", "detail", null, null, NOW, null, null, null);
        Screening screening = new Screening(false, null, BigDecimal.ZERO, 0, null);

        assertThat(licence.conditions()).isEmpty();
        assertThat(alert.evidence()).isEmpty();
        assertThat(alert.causedBy()).isEmpty();
        assertThat(alert.links()).isEmpty();
        assertThat(screening.exposures()).isEmpty();
    }

    @Test
    void shouldKeepNullEvidenceValuesAndInsertionOrder() {
        Map<String, Object> evidence = new HashMap<>();
        evidence.put("previous", null);

        AlertRaised alert = new AlertRaised("A-1", "F-0001", Duty.CAPITAL, "CAP-004", "2026.1", null, Severity.HIGH,
                "t", "d", evidence, List.of(), NOW, null, null, Map.of());

        assertThat(alert.evidence()).containsEntry("previous", null);
    }

    @Test
    void shouldRejectNullListElementNamingItsIndex() {
        assertThatThrownBy(() -> new LicenceChanged("F-0001", "Example Ltd", "L-1", LicenceStatus.ACTIVE,
                Arrays.asList(Activity.ADVISING, null), LocalDate.of(2026, 1, 1), List.of()))
                .hasMessage("activities[1]: must not be null");
    }

    @Test
    void shouldAllowSelfHostedCounterpartyWithoutVaspFields() {
        Counterparty selfHosted = new Counterparty(null, "bc1q…", null, true, null, null, null, false);

        assertThat(selfHosted.vaspId()).isNull();
        assertThat(selfHosted.ownershipVerified()).isNull();
    }
}
