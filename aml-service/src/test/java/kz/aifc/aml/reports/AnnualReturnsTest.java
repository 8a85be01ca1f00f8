package kz.aifc.aml.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The annual AML return's shape: DAA 2.13.11(2) / 3.13.1(2) counts (domain-facts D4), due 2 months after the year (D5). */
class AnnualReturnsTest {

    static Map<String, Object> draft(int year) {
        return AnnualReturns.compose("F-0001", year,
                new AnnualReturns.Counts(2, 5, 40, Map.of("IR", 1L, "VG", 2L)), "2026.1");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> figure(Map<String, Object> draft, String key) {
        return (Map<String, Object>) ((Map<String, Object>) draft.get("figures")).get(key);
    }

    @Test
    void shouldFallDueOnTheLastDayOfFebruaryAfterTheYear_D5() {
        assertThat(draft(2026).get("dueBy")).isEqualTo("2027-02-28");
        assertThat(draft(2027).get("dueBy")).isEqualTo("2028-02-29");
        assertThat((String) draft(2026).get("dueByBasis")).contains("2 months").contains("D5");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveTheD4CountsTheServiceHoldsWithSourceAndDerivation() {
        Map<String, Object> d = draft(2026);
        assertThat((Map<String, Object>) d.get("figures")).containsOnlyKeys("strsFiled", "eddClients", "totalClients",
                "clientsFromHighRiskJurisdictions");
        assertThat(figure(d, "strsFiled")).containsEntry("value", 2L).containsEntry("confidence", "verified")
                .containsEntry("source", "DAA 2.13.11(2), 3.13.1(2) (domain-facts D4)");
        assertThat((String) figure(d, "strsFiled").get("derivation")).contains("FILE_STR");
        assertThat(figure(d, "eddClients")).containsEntry("value", 5L);
        assertThat(figure(d, "totalClients")).containsEntry("value", 40L);
        assertThat(figure(d, "clientsFromHighRiskJurisdictions")).containsEntry("value", 3L)
                .containsEntry("listConfidence", "secondary").containsEntry("byCountry", Map.of("IR", 1L, "VG", 2L));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldLeaveTheRestOfTheD4ListToTheFirmAndSayTheFormIsUnverified() {
        Map<String, Object> d = draft(2026);
        assertThat((List<Map<String, Object>>) d.get("toComplete")).extracting(m -> m.get("key"))
                .contains("rejectedProspects", "offboardedClients", "faceToFaceOnboardings", "mlroSupportStaff",
                        "lastRiskAssessmentDate", "privateKeysHeld");
        assertThat((List<String>) d.get("notes")).anyMatch(n -> n.contains("form's own fields were not read"))
                .anyMatch(n -> n.contains("unverified"));
    }
}
