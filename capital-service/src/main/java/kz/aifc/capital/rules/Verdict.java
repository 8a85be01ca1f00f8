package kz.aifc.capital.rules;

import java.util.Map;

import kz.aifc.platform.rules.Finding;
import kz.aifc.platform.rules.Rule;

/**
 * One rule's answer for one evaluation. BREACH raises (or refreshes) the rule's alert, CLEAR resolves an open one
 * with {@code reason}, UNDETERMINED leaves any open alert as it is (the facts cannot say either way).
 */
public record Verdict(String ruleId, Outcome outcome, Finding<Void> finding, String reason) {

    /** The three answers a rule can give. */
    public enum Outcome {
        BREACH,
        CLEAR,
        UNDETERMINED
    }

    /**
     * The rule is breached: its finding carries the rule's title and deadline basis; the alert id and the deadline
     * are the alert book's to set, from the day the breach began.
     */
    public static Verdict breach(Rule rule, String firmId, String detail, Map<String, Object> evidence) {
        return new Verdict(rule.id(), Outcome.BREACH,
                new Finding<>(rule, null, firmId, rule.title(), detail, evidence, null, rule.deadlineBasis(), null),
                null);
    }

    public static Verdict clear(String ruleId, String reason) {
        return new Verdict(ruleId, Outcome.CLEAR, null, reason);
    }

    public static Verdict undetermined(String ruleId, String reason) {
        return new Verdict(ruleId, Outcome.UNDETERMINED, null, reason);
    }

    public boolean breached() {
        return outcome == Outcome.BREACH;
    }
}
