package kz.aifc.capital.rules;

import java.util.Map;

import kz.aifc.contract.v1.Severity;
import kz.aifc.platform.rules.Rule;

/** What a rule found: everything an alert needs except its id, times and causes, which the caller owns. */
public record Finding(String ruleId, Severity severity, String title, String detail, String citation,
        Map<String, Object> evidence, Integer deadlineBusinessDays, String deadlineBasis) {

    static Finding of(Rule rule, String detail, Map<String, Object> evidence) {
        return new Finding(rule.id(), rule.severity(), rule.title(), detail, rule.citation(), evidence,
                rule.deadlineBusinessDays(), rule.deadlineBasis());
    }
}
