package kz.aifc.capital.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import kz.aifc.contract.v1.Activity;
import kz.aifc.platform.rules.Confidence;
import kz.aifc.platform.rules.Deadline;

@DisplayName("The capital rulebook is versioned, effective-dated data with a confidence per figure (DESIGN.md, domain-facts §A)")
class RulebookParserTest {

    @Test
    @DisplayName("only Dealing as Principal USD 250,000 is verified (DAA 3.2 Table 2, A2); DATF and custody USD 300,000 are unverified (A3, A4)")
    void shouldMarkWhichAmountsAreVerified() {
        CapitalRulebook rulebook = Fixtures.rulebook();
        LocalDate on = LocalDate.parse("2026-11-20");

        BaseCapital dealing = rulebook.baseCapital(Activity.DEALING_AS_PRINCIPAL, on).orElseThrow();
        assertThat(dealing.amountUsd()).isEqualByComparingTo("250000");
        assertThat(dealing.confidence()).isEqualTo(Confidence.VERIFIED);
        assertThat(rulebook.baseCapital(Activity.DATF_OPERATOR, on).orElseThrow().confidence())
                .isEqualTo(Confidence.UNVERIFIED);
        assertThat(rulebook.baseCapital(Activity.PROVIDING_CUSTODY, on).orElseThrow().confidence())
                .isEqualTo(Confidence.UNVERIFIED);
        assertThat(rulebook.baseCapital(Activity.MONEY_SERVICES, on).orElseThrow().configured()).isFalse();
        assertThat(rulebook.baseCapital(Activity.ADVISING, on)).isEmpty();
    }

    @Test
    @DisplayName("typed parameters: buffer 120%, liquid fraction 0.25 (PRU(INV) 4.2), gap PT36H, PRU(INV) for nobody by default (A6, H13), CAP-001 immediately (GEN 6.2.3) with 1 business day for PRU(INV) firms (6.5)")
    void shouldReadTheTypedParameters() {
        CapitalRulebook rulebook = Fixtures.rulebook();

        assertThat(rulebook.version()).isEqualTo("2026.1");
        assertThat(rulebook.bufferPercent()).isEqualByComparingTo("120");
        assertThat(rulebook.liquidAssetsFraction()).isEqualByComparingTo("0.25");
        assertThat(rulebook.maxGap()).isEqualTo(Duration.ofHours(36));
        assertThat(rulebook.liquidTestActivities()).isEmpty();
        assertThat(rulebook.liquidTestFirms()).isEmpty();
        assertThat(rulebook.rule(CapitalRulebook.CAP_001).deadline().kind()).isEqualTo(Deadline.Kind.IMMEDIATE);
        assertThat(rulebook.pruInvNoticeDays()).isEqualTo(1);
    }

    @Test
    @DisplayName("an amount is picked by its effective dates: a row that ended no longer applies")
    void shouldPickAmountsByEffectiveDate() {
        CapitalRulebook rulebook = Fixtures.rulebook(doc -> ((ObjectNode) ((ObjectNode) doc.get("tables")).withArray("baseCapital").get(0))
                .put("effectiveTo", "2026-06-30"));

        assertThat(rulebook.baseCapital(Activity.DEALING_AS_PRINCIPAL, LocalDate.parse("2026-06-30"))).isPresent();
        assertThat(rulebook.baseCapital(Activity.DEALING_AS_PRINCIPAL, LocalDate.parse("2026-07-01"))).isEmpty();
    }

    @Test
    @DisplayName("a zero amount is refused at start: an unknown amount is null (CAP-006), never zero")
    void shouldRefuseAZeroAmount() {
        assertThatThrownBy(() -> Fixtures.rulebook(doc -> ((ObjectNode) ((ObjectNode) doc.get("tables")).withArray("baseCapital").get(0))
                .put("amountUsd", "0"))).hasMessageContaining("amountUsd must be positive");
    }

    @Test
    @DisplayName("a rulebook that lacks one of CAP-001 … CAP-006 is refused at start")
    void shouldRefuseARulebookWithoutEveryRule() {
        assertThatThrownBy(() -> Fixtures.rulebook(doc -> doc.withArray("rules").remove(5)))
                .hasMessageContaining("CAP-006");
    }
}
