package kz.aifc.licensing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.aifc.platform.rules.Rule;
import kz.aifc.platform.rules.Confidence;
import kz.aifc.contract.v1.Severity;

class RulebookParserTest {

    @Test
    void shouldReadEveryFpRuleWithCitationConfidenceAndDates() {
        FitAndProperRulebook book = Fixtures.rulebook();
        assertThat(book.version()).isEqualTo("2026.1");
        assertThat(book.rules()).containsOnlyKeys(RulebookParser.RULE_IDS);
        book.rules().values().forEach(r -> {
            assertThat(r.citation()).isNotBlank();
            assertThat(r.inForce(LocalDate.of(2026, 11, 20))).isTrue();
        });
    }

    @Test
    void shouldKeepUnverifiedNumbersConfigurableWithTheirSource() throws Exception {
        var root = new ObjectMapper().readTree(getClass().getClassLoader().getResource("rulebook.json"));
        var fp1 = rule(root, "FP-001").path("parameters").path("notificationDays");
        assertThat(fp1.path("confidence").asText()).isEqualTo("unverified");
        assertThat(fp1.path("source").asText()).contains("C10");
        var fp8 = rule(root, "FP-008").path("parameters");
        assertThat(fp8.path("controllerThresholdPct").path("confidence").asText()).isEqualTo("unverified");
        assertThat(fp8.path("approvalThresholdsPct").path("confidence").asText()).isEqualTo("verified");
        FitAndProperRulebook book = Fixtures.rulebook();
        assertThat(book.controllerThresholdPct()).isEqualByComparingTo("10");
        assertThat(book.approvalThresholdsPct()).containsExactly(new BigDecimal("30"), new BigDecimal("50"));
        assertThat(book.vacancyNotice()).isEqualTo(new Days(7, false));
        assertThat(book.unfitnessFirmNotice()).isEqualTo(new Days(0, true));
        assertThat(book.rule("FP-001").deadlineBasis()).contains("within 7 days").contains("UNVERIFIED");
    }

    @Test
    void shouldRefuseARulebookWithoutARuleOrWithoutAParameter() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(getClass().getClassLoader().getResource("rulebook.json"));
        ((ObjectNode) rule(root, "FP-009").path("parameters")).remove("holdingAbovePct");
        assertThatThrownBy(() -> RulebookParser.parse(root)).hasMessageContaining("rules[FP-009].parameters.holdingAbovePct is missing");
        var withoutRule = (ObjectNode) json.readTree(getClass().getClassLoader().getResource("rulebook.json"));
        ((com.fasterxml.jackson.databind.node.ArrayNode) withoutRule.get("rules")).remove(0);
        assertThatThrownBy(() -> RulebookParser.parse(withoutRule)).hasMessageContaining("FP-001");
    }

    @Test
    void shouldNotApplyARuleOutsideItsEffectiveDates() {
        Rule r = new Rule("FP-X", "t", Severity.LOW, "c", Confidence.VERIFIED, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 30), false, null, null, null, null);
        assertThat(r.inForce(LocalDate.of(2025, 12, 31))).isFalse();
        assertThat(r.inForce(LocalDate.of(2026, 6, 30))).isTrue();
        assertThat(r.inForce(LocalDate.of(2026, 7, 1))).isFalse();
    }

    private static com.fasterxml.jackson.databind.JsonNode rule(com.fasterxml.jackson.databind.JsonNode root, String id) {
        for (var r : root.path("rules")) {
            if (id.equals(r.path("id").asText())) {
                return r;
            }
        }
        throw new AssertionError(id);
    }
}
