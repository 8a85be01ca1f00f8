package kz.aifc.licensing.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.Disclosure;
import kz.aifc.contract.v1.DisclosureKind;
import kz.aifc.contract.v1.Duty;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.contract.v1.LicenceStatus;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.Seniority;
import kz.aifc.contract.v1.StaffChange;
import kz.aifc.contract.v1.StaffChangeKind;
import kz.aifc.licensing.rules.FitAndProperRules;
import kz.aifc.licensing.rules.RulebookParser;
import kz.aifc.platform.time.BusinessCalendar;
import kz.aifc.contract.v1.Activity;

class NotificationDraftsTest {

    static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-20T10:00:00+05:00");

    /** A disclosed serious conviction of the MLRO, whose name and details carry markup. */
    static Map<String, Object> unfitnessDraft() throws Exception {
        FitAndProperRules rules = new FitAndProperRules(RulebookParser.parse(new ObjectMapper()
                .readTree(NotificationDraftsTest.class.getClassLoader().getResource("rulebook.json"))), BusinessCalendar.kazakhstan());
        StaffChange e = new StaffChange("F-0001", "P-7", "Aigerim <Example>", StaffChangeKind.DISCLOSURE,
                List.of(Role.MLRO), AfsaApproval.APPROVED, true, Seniority.SENIOR_MANAGER,
                new Disclosure(DisclosureKind.SERIOUS_CRIMINAL_CONVICTION, LocalDate.of(2026, 11, 18), "Fraud & forgery"),
                LocalDate.of(2026, 11, 20));
        var f = rules.disclosure(e, Instant.parse("2026-11-20T05:00:00Z")).get(0);
        AlertRaised alert = new AlertRaised(f.alertId(), f.firmId(), Duty.FIT_AND_PROPER, f.ruleId(), "2026.1",
                f.rule().citation(), f.rule().severity(), f.title(), f.detail(), f.evidence(), List.of("s/1"), AT,
                f.deadline(), f.deadlineBasis(), Map.of("report", NotificationDrafts.link(f.firmId(), f.alertId())));
        LicenceChanged licence = new LicenceChanged("F-0001", "Steppe Exchange", "AFSA-1", LicenceStatus.ACTIVE,
                List.of(Activity.DATF_OPERATOR), LocalDate.of(2026, 1, 1), List.of());

        return NotificationDrafts.draft(f, alert, Optional.of(licence), AT);
    }

    @Test
    void shouldDraftAnUnfitnessNoticeWithFirmCitationDeadlineAndBanner() throws Exception {
        Map<String, Object> draft = unfitnessDraft();
        assertThat(draft).containsEntry("kind", "UNFITNESS_EVENT").containsEntry("firmName", "Steppe Exchange")
                .containsEntry("regulatoryDeadline", "2026-11-20T18:00+05:00")
                .containsEntry("banner", "DRAFT — review before submission");
        assertThat(draft.get("statement").toString()).contains("GEN 6.2.3").contains("9 December 2026")
                .doesNotContain("2026-12-09");
    }

    @Test
    void shouldDraftAGen621NoticeForADepartureFromAControlledFunction() {
        StaffChange e = new StaffChange("F-0001", "P-4", "Aigerim Example", StaffChangeKind.DEPARTED,
                List.of(Role.MLRO), AfsaApproval.APPROVED, true, Seniority.SENIOR_MANAGER, null, LocalDate.of(2026, 11, 20));
        Map<String, Object> d = NotificationDrafts.staffNotice(e, java.util.Set.of(Role.MLRO), Optional.empty(), "2026.1", AT);
        assertThat(d).containsEntry("id", "GEN-6.2.1:F-0001:P-4:DEPARTED:2026-11-20").containsEntry("kind", "DEPARTURE");
        assertThat(d.get("statement").toString()).contains("withdraw the approval");
    }
}
