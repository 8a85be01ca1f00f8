package kz.aifc.aml.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The annual AML return's shape: DAA 2.13.11(2) / 3.13.1(2) counts (domain-facts D4), due 2 months after the year (D5). */
class AnnualReturnsTest {

    static AnnualReturnDraft draft(int year) {
        return AnnualReturns.compose("F-0001", year,
                new AnnualReturns.Counts(2L, 5, 40, Map.of("IR", 1L, "VG", 2L)), "2026.1");
    }

    @Test
    void shouldFallDueOnTheLastDayOfFebruaryAfterTheYear_D5() {
        assertThat(draft(2026).dueBy()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(draft(2027).dueBy()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(draft(2026).dueByBasis()).contains("2 months").contains("D5");
    }

    @Test
    void shouldGiveTheD4CountsTheServiceHoldsWithSourceAndDerivation() {
        AnnualReturnDraft.AnnualFigures f = draft(2026).figures();
        assertThat(f.strsFiled().value()).isEqualTo(2L);
        assertThat(f.strsFiled().confidence()).isEqualTo("verified");
        assertThat(f.strsFiled().source()).isEqualTo("DAA 2.13.11(2), 3.13.1(2) (domain-facts D4)");
        assertThat(f.strsFiled().derivation()).contains("FILE_STR");
        assertThat(f.eddClients().value()).isEqualTo(5L);
        assertThat(f.totalClients().value()).isEqualTo(40L);
        assertThat(f.clientsFromHighRiskJurisdictions().value()).isEqualTo(3L);
        assertThat(f.clientsFromHighRiskJurisdictions().listConfidence()).isEqualTo("secondary");
        assertThat(f.clientsFromHighRiskJurisdictions().byCountry()).isEqualTo(Map.of("IR", 1L, "VG", 2L));
    }

    @Test
    void shouldMarkTheStrCountWithheldWithTheReasonWhenTheCallerMayNotLearnIt() {
        AnnualReturnDraft.AnnualFigure strs = AnnualReturns.compose("F-0001", 2026,
                new AnnualReturns.Counts(null, 5, 40, Map.of()), "2026.1").figures().strsFiled();
        assertThat(strs.value()).isNull();
        assertThat(strs.withheld()).isTrue();
        assertThat(strs.withheldReason()).contains("MLRO and the regulator only").contains("tipping-off");
        assertThat(draft(2026).figures().strsFiled().withheld()).isNull();
    }

    @Test
    void shouldLeaveTheRestOfTheD4ListToTheFirmAndSayTheFormIsUnverified() {
        AnnualReturnDraft d = draft(2026);
        assertThat(d.toComplete()).extracting(AnnualReturnDraft.ToCompleteItem::key)
                .contains("rejectedProspects", "offboardedClients", "faceToFaceOnboardings", "mlroSupportStaff",
                        "lastRiskAssessmentDate", "privateKeysHeld");
        assertThat(d.notes()).anyMatch(n -> n.contains("form's own fields were not read"))
                .anyMatch(n -> n.contains("unverified"));
    }
}
