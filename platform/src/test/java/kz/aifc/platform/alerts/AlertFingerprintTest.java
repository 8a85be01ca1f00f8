package kz.aifc.platform.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.Duty;
import kz.aifc.contract.v1.Severity;

/** The fingerprint that tells an updated alert from one raised again unchanged. */
class AlertFingerprintTest {

    private static AlertRaised alert(Severity severity, String detail, Map<String, Object> evidence, String causedBy,
            String detectedAt) {
        return new AlertRaised("CAP-001-x", "F-0001", Duty.CAPITAL, "CAP-001", "2026.1", "PRU(INV) 6.5", severity,
                "Capital below requirement", detail, evidence, List.of(causedBy), OffsetDateTime.parse(detectedAt),
                OffsetDateTime.parse("2026-11-23T18:00:00+05:00"), "1 business day", Map.of());
    }

    private static final String DETAIL = "Capital resources USD 240,000.00 are below USD 250,000.00.";

    @Test
    void shouldBeTheSameInEveryProcess() {
        // Computed outside Java: printf 'CRITICAL\x1fCapital below requirement\x1f<detail>\x1f2026-11-23T13:00:00Z\x1f'
        // | sha256sum, first 32 hex digits. A restarted service must find its open alerts unchanged.
        assertThat(AlertBook.fingerprint(alert(Severity.CRITICAL, DETAIL, Map.of(), "urn:a/1", "2026-11-23T10:00:00Z")))
                .isEqualTo("28e4f7d647d3b9a755a8d4df5d9a3791");
    }

    @Test
    void shouldChangeWithWhatAReaderSeesOnly() {
        String first = AlertBook.fingerprint(alert(Severity.CRITICAL, DETAIL, Map.of(), "urn:a/1", "2026-11-23T10:00:00Z"));
        assertThat(AlertBook.fingerprint(alert(Severity.CRITICAL, DETAIL, Map.of("capitalResources", "240000.01"),
                "urn:a/2", "2026-11-24T10:00:00Z"))).isEqualTo(first);
        assertThat(AlertBook.fingerprint(alert(Severity.HIGH, DETAIL, Map.of(), "urn:a/1", "2026-11-23T10:00:00Z")))
                .isNotEqualTo(first);
        assertThat(AlertBook.fingerprint(alert(Severity.CRITICAL, DETAIL.replace("240", "230"), Map.of(), "urn:a/1",
                "2026-11-23T10:00:00Z"))).isNotEqualTo(first);
    }
}
