package kz.aifc.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import kz.aifc.contract.v1.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one rulebook format (DESIGN.md "The rulebook"): effective-dated rules with citation, confidence and parameters. */
class RulebookTest {

    private static final String DOC = """
            {"service": "x-service", "version": "2026.9", "effectiveFrom": "2026-01-01", "notes": "one note",
             "rules": [
              {"id": "X-001", "title": "Below the limit", "severity": "HIGH", "citation": "AIFC GEN 1.1",
               "confidence": "verified", "effectiveFrom": "2026-01-01", "effectiveTo": "2026-06-30",
               "deadline": {"kind": "BUSINESS_DAYS", "days": 1, "basis": "Notify within {noticeDays} business day"},
               "parameters": {"limitUsd": {"value": "1000", "confidence": "unverified", "source": "seed"},
                              "noticeDays": 1, "window": "PT24H", "kinds": ["LOW", "HIGH"]}},
              {"id": "X-002", "title": "Escalation", "citation": "internal", "confidence": "internal",
               "effectiveFrom": "2026-01-01", "opensCase": true, "parameters": {}}
             ],
             "tables": {"limits": [{"a": 1}]}}""";

    private static JsonNode doc(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    @Test
    @DisplayName("a rule reads with its citation, confidence, dates, deadline and typed parameters")
    void shouldReadRulesWithTheirParameters() throws Exception {
        Rulebook book = Rulebook.parse(doc(DOC));

        Rule rule = book.rule("X-001");
        assertThat(book.version()).isEqualTo("2026.9");
        assertThat(book.notes()).containsExactly("one note");
        assertThat(rule.severity()).isEqualTo(Severity.HIGH);
        assertThat(rule.confidence()).isEqualTo(Confidence.VERIFIED);
        assertThat(rule.deadlineBusinessDays()).isEqualTo(1);
        assertThat(rule.deadlineBasis()).isEqualTo("Notify within 1 business day");
        assertThat(rule.parameters().decimal("limitUsd")).isEqualByComparingTo("1000");
        assertThat(rule.parameters().confidence("limitUsd")).isEqualTo(Confidence.UNVERIFIED);
        assertThat(rule.parameters().source("limitUsd")).isEqualTo("seed");
        assertThat(rule.parameters().duration("window")).isEqualTo(Duration.ofHours(24));
        assertThat(rule.parameters().enums("kinds", Severity.class)).containsExactlyInAnyOrder(Severity.LOW,
                Severity.HIGH);
        assertThat(book.rule("X-002").severity()).isNull();
        assertThat(book.rule("X-002").opensCase()).isTrue();
        assertThat(book.table("limits")).hasSize(1);
        assertThat(book.table("absent")).isEmpty();
    }

    @Test
    @DisplayName("a rule applies from its effectiveFrom to its effectiveTo, both inclusive")
    void shouldApplyARuleOnlyWithinItsDates() throws Exception {
        Rule rule = Rulebook.parse(doc(DOC)).rule("X-001");

        assertThat(rule.inForce(LocalDate.of(2025, 12, 31))).isFalse();
        assertThat(rule.inForce(LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(rule.inForce(LocalDate.of(2026, 6, 30))).isTrue();
        assertThat(rule.inForce(LocalDate.of(2026, 7, 1))).isFalse();
    }

    @Test
    @DisplayName("what cannot be applied fails with its path: a missing parameter, a bad confidence, a rule lacking")
    void shouldRefuseWhatCannotBeAppliedNamingThePath() throws Exception {
        Rulebook book = Rulebook.parse(doc(DOC));

        assertThatThrownBy(() -> book.rule("X-001").parameters().decimal("absent"))
                .isInstanceOf(RulebookException.class).hasMessage("rules[X-001].parameters.absent is missing");
        assertThatThrownBy(() -> book.rule("X-001").parameters().duration("limitUsd"))
                .hasMessageContaining("rules[X-001].parameters.limitUsd is not an ISO 8601 duration");
        assertThatThrownBy(() -> book.requireRules(List.of("X-003"))).hasMessageContaining("lacks rule X-003");
        assertThatThrownBy(() -> Rulebook.parse(doc(DOC.replace("\"confidence\": \"verified\"",
                "\"confidence\": \"sure\"")))).hasMessageContaining("rules[X-001]: confidence must be verified");
        assertThatThrownBy(() -> Rulebook.parse(doc(DOC.replace("\"days\": 1,", ""))))
                .hasMessageContaining("rules[X-001]: a deadline of kind BUSINESS_DAYS needs days");
        assertThatThrownBy(() -> Rulebook.parse(doc(DOC.replace("\"id\": \"X-002\"", "\"id\": \"X-001\""))))
                .hasMessageContaining("rules[X-001] appears twice");
    }
}
