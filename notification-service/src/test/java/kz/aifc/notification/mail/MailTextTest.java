package kz.aifc.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kz.aifc.notification.alerts.AlertView;
import kz.aifc.notification.alerts.AmlView;
import kz.aifc.notification.alerts.Change;
import kz.aifc.notification.store.StoredAlert;

/** The words of an alert mail: plain, in the recipient's view, one line per fact, nothing internal but the alert id. */
class MailTextTest {

    private static StoredAlert aml(String escalationReason) {
        OffsetDateTime at = OffsetDateTime.of(2026, 12, 5, 9, 30, 0, 0, ZoneOffset.UTC);
        return new StoredAlert("AML-001-ab12", "F-DATF-01", "AML", "AML-001", "2026.1", "AML 12.1.1", "CRITICAL",
                "Sanctions list match\r\nBcc: x@evil.example", "Customer C-9 matched the UN list", null,
                List.of("urn:event/7"), Map.of("case", "/cases/CASE-42"), at, at.plusHours(2), "immediately", "OPEN",
                at, at, null, null, null, null, null, at, escalationReason, 3);
    }

    @Test
    void shouldMailOnlyCriticalRaisesAndEscalationsOncePerEvent() {
        assertThat(MailText.event(Change.RAISED, "CRITICAL", null, 1)).contains("RAISED");
        assertThat(MailText.event(Change.RAISED, "HIGH", null, 1)).isEmpty();
        assertThat(MailText.event(Change.REOPENED, "CRITICAL", null, 4)).contains("REOPENED@4");
        assertThat(MailText.event(Change.ESCALATED, "LOW", "DEADLINE_NEAR", 5)).contains("ESCALATED:DEADLINE_NEAR@5");
        assertThat(MailText.event(Change.ACKNOWLEDGED, "CRITICAL", null, 2)).isEmpty();
        assertThat(MailText.event(Change.RESOLVED, "CRITICAL", null, 2)).isEmpty();
    }

    @Test
    void shouldGiveTheComplianceOfficerNoSuspicionAndNoInternalIds() {
        MailText.Text co = MailText.of(AlertView.of(aml(null), AmlView.RESTRICTED), Change.RAISED, MailQueue.COMPLIANCE_OFFICER,
                "https://desk.example/");
        assertThat(co.body()).contains("AML-001-ab12", "https://desk.example/", "MLRO only", "14:30 (Astana time)",
                "05.12.2026 14:30 (время Астаны)").doesNotContain("C-9", "CASE-42", "urn:event/7");
        MailText.Text mlro = MailText.of(AlertView.of(aml(null), AmlView.FULL), Change.RAISED, MailQueue.MLRO,
                "https://desk.example/");
        assertThat(mlro.body()).contains("Customer C-9 matched the UN list").doesNotContain("CASE-42", "urn:event/7");
    }

    @Test
    void shouldKeepTheSubjectOnOneLineAndNameTheEscalation() {
        MailText.Text near = MailText.of(AlertView.of(aml("DEADLINE_NEAR"), AmlView.FULL), Change.ESCALATED,
                MailQueue.MLRO, "https://desk.example/");
        assertThat(near.subject()).startsWith("[AIFC] Deadline approaching: AML-001 at F-DATF-01")
                .doesNotContain("\r", "\n");
        assertThat(near.body()).contains("Приближается регуляторный срок");
        assertThat(MailText.of(AlertView.of(aml("DEADLINE_PASSED"), AmlView.FULL), Change.ESCALATED, MailQueue.MLRO,
                "https://desk.example/").subject()).startsWith("[AIFC] Deadline passed");
    }
}
