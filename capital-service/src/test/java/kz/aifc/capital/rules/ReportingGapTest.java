package kz.aifc.capital.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import kz.aifc.contract.v1.Severity;

@DisplayName("CAP-005: no snapshot for longer than the configured interval (internal monitoring interval, unverified; DAA 4.6.1(2) systems)")
class ReportingGapTest {

    private final CapitalRulebook rulebook = Fixtures.rulebook();

    @Test
    @DisplayName("exactly the interval (PT36H) after the latest asOf is still within it")
    void shouldNotRaiseExactlyAtTheInterval() {
        assertThat(ReportingGap.evaluate("F-0001", Fixtures.AS_OF, true,
                Fixtures.AS_OF.toInstant().plus(Duration.ofHours(36)), rulebook).outcome())
                .isEqualTo(Verdict.Outcome.CLEAR);
    }

    @Test
    @DisplayName("one second past the interval raises a MEDIUM alert whose detail does not change while the gap lasts")
    void shouldRaiseOncePastTheInterval() {
        Verdict first = ReportingGap.evaluate("F-0001", Fixtures.AS_OF, true,
                Fixtures.AS_OF.toInstant().plus(Duration.ofHours(36)).plusSeconds(1), rulebook);
        Verdict later = ReportingGap.evaluate("F-0001", Fixtures.AS_OF, true,
                Fixtures.AS_OF.toInstant().plus(Duration.ofDays(5)), rulebook);

        assertThat(first.breached()).isTrue();
        assertThat(first.finding().severity()).isEqualTo(Severity.MEDIUM);
        assertThat(later.finding().detail()).isEqualTo(first.finding().detail());
    }

    @Test
    @DisplayName("CAP-005 cites DAA 4.6.1(2) of the version following AFSA's feedback statement of 19 Dec 2025, so it applies from that day, not before")
    void shouldApplyFromTheDateOfTheRuleItCites() {
        assertThat(rulebook.rule(CapitalRulebook.CAP_005).citation()).contains("DAA 4.6.1(2)").contains("19 Dec 2025");
        assertThat(rulebook.rule(CapitalRulebook.CAP_005).effectiveFrom()).isEqualTo(LocalDate.of(2025, 12, 19));
        OffsetDateTime lastAsOf = OffsetDateTime.parse("2025-12-01T17:00:00+05:00");

        assertThat(ReportingGap.evaluate("F-0001", lastAsOf, true,
                OffsetDateTime.parse("2025-12-18T23:00:00+05:00").toInstant(), rulebook).outcome())
                .isEqualTo(Verdict.Outcome.CLEAR);
        assertThat(ReportingGap.evaluate("F-0001", lastAsOf, true,
                OffsetDateTime.parse("2025-12-19T00:00:00+05:00").toInstant(), rulebook).breached()).isTrue();
    }
}
