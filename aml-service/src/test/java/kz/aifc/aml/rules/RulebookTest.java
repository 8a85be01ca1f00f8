package kz.aifc.aml.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kz.aifc.contract.v1.Exposure;
import kz.aifc.platform.rules.Confidence;
import kz.aifc.platform.rules.Rule;
import kz.aifc.platform.time.BusinessCalendar;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** The bundled rulebook parses into the documented parameters; a gap fails loudly rather than reading as zero. */
class RulebookTest {

    @Test
    void shouldParseTheBundledRulebook() {
        AmlRulebook book = TxBuilder.bundledRulebook();
        assertThat(book.version()).isEqualTo("2026.1");
        assertThat(book.travelRuleThresholdUsd()).isEqualByComparingTo("1000");
        assertThat(book.structuringThresholdKzt()).isEqualByComparingTo(new BigDecimal("5000000"));
        assertThat(book.structuringWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(book.severeExposures()).containsExactlyInAnyOrder(Exposure.MIXER, Exposure.DARKNET,
                Exposure.SANCTIONED, Exposure.RANSOMWARE);
        assertThat(book.rules()).hasSize(15);
        assertThat(book.jurisdictionListsOn(LocalDate.of(2026, 11, 20))).hasSize(2);
        assertThat(book.jurisdictionListsOn(LocalDate.of(2026, 6, 18))).isEmpty();
    }

    /**
     * AML-010 and the KZT 5,000,000 thresholds (Law 191-IV Art. 4(1), 10(2)) rest on an English translation of the law
     * as amended by Law 219-VIII (2025), not on the official consolidated text (domain-facts H11): the rulebook says
     * "secondary", not "verified", and the alert's deadline basis says what it was read in.
     */
    @Test
    void shouldLabelTheLaw191ThresholdsAsReadInATranslation() {
        AmlRulebook book = TxBuilder.bundledRulebook();
        Rule aml010 = book.rule("AML-010");
        assertThat(aml010.confidence()).isEqualTo(Confidence.SECONDARY);
        assertThat(aml010.deadlineBasis()).contains("translation", "not the official text");
        assertThat(aml010.parameters().confidence("offshoreThresholdKzt")).isEqualTo(Confidence.SECONDARY);
        assertThat(aml010.parameters().confidence("thresholdReportBusinessDays")).isEqualTo(Confidence.SECONDARY);
        assertThat(book.rule("AML-005").parameters().confidence("structuringThresholdKzt"))
                .isEqualTo(Confidence.SECONDARY);
    }

    @Test
    void shouldNameTheHighRiskListInForceForACountry() {
        AmlRulebook book = TxBuilder.bundledRulebook();
        assertThat(book.listNaming("IR", LocalDate.of(2026, 11, 20)).list()).contains("call for action");
        assertThat(book.listNaming("VG", LocalDate.of(2026, 11, 20)).list()).contains("increased monitoring");
        assertThat(book.listNaming("IR", LocalDate.of(2026, 6, 18))).isNull();
        assertThat(book.listNaming("KZ", LocalDate.of(2026, 11, 20))).isNull();
    }

    @Test
    void shouldDescribeHowEachResolvableAlertEnds() throws Exception {
        var doc = new ObjectMapper().readTree(getClass().getClassLoader().getResource("rulebook.json"));
        AmlRules rules = new AmlRules(AmlRulebook.parse(doc), BusinessCalendar.kazakhstan(), TxBuilder.ALERT_IDS);
        for (var rule : doc.path("rules")) {
            String id = rule.path("id").asText();
            String resolvedWhen = rule.path("resolvedWhen").asText("");
            assertThat(resolvedWhen.contains("decision")).as(id).isEqualTo(rules.settledByDecision(id));
            boolean cured = Set.of("AML-008", "AML-009", "AML-011").contains(id);
            assertThat(resolvedWhen.contains("later screened transaction")).as(id).isEqualTo(cured);
        }
    }

    @Test
    void shouldRefuseARulebookWithAnUnconfiguredParameter() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = (ObjectNode) json.readTree(getClass().getClassLoader().getResource("rulebook.json"));
        ((ObjectNode) ruleOf(doc, "AML-012").get("parameters")).remove("caseDecisionTime");
        assertThatThrownBy(() -> AmlRulebook.parse(doc))
                .hasMessageContaining("rules[AML-012].parameters.caseDecisionTime is missing");
    }

    @Test
    void shouldMarkEveryInternalNumberUnverified() throws Exception {
        var doc = new ObjectMapper().readTree(getClass().getClassLoader().getResource("rulebook.json"));
        for (String name : new String[] {"structuringBandLowPct", "structuringMinCount", "rapidInOutPct",
                "walletRiskScoreLimit", "caseDecisionTime"}) {
            assertThat(parameterOf(doc, name).path("confidence").asText()).as(name).isEqualTo("unverified");
        }
    }

    private static JsonNode ruleOf(JsonNode doc, String id) {
        for (JsonNode rule : doc.path("rules")) {
            if (id.equals(rule.path("id").asText())) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + id);
    }

    /** A parameter from whichever rule states it (each parameter belongs to the one rule that uses it). */
    private static JsonNode parameterOf(JsonNode doc, String name) {
        for (JsonNode rule : doc.path("rules")) {
            if (rule.path("parameters").has(name)) {
                return rule.path("parameters").path(name);
            }
        }
        throw new AssertionError("no parameter " + name);
    }
}
