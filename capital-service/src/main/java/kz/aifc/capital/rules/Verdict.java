package kz.aifc.capital.rules;

import java.util.Map;

import kz.aifc.platform.rules.Deadline;
import kz.aifc.platform.rules.Finding;
import kz.aifc.platform.rules.Rule;

/**
 * One rule's answer for one evaluation. BREACH raises (or refreshes) the rule's alert, CLEAR resolves an open one
 * with {@code reason}, UNDETERMINED leaves any open alert as it is (the facts cannot say either way).
 *
 * @param deadline how the breach's deadline is counted (the rule's own unless the firm's case sets another, as
 *                 PRU(INV) 6.5 does for CAP-001); null where none applies
 */
public record Verdict(String ruleId, Outcome outcome, Finding<Void> finding, String reason, Deadline deadline) {

    /** The three answers a rule can give. */
    public enum Outcome {
        BREACH,
        CLEAR,
        UNDETERMINED
    }

    /**
     * The rule is breached: its finding carries the rule's title and deadline; the alert id and the deadline's time
     * are the alert book's to set, from the day the breach began.
     */
    public static Verdict breach(Rule rule, String firmId, String detail, Map<String, Object> evidence) {
        return breach(rule, firmId, rule.title(), detail, evidence, rule.deadline());
    }

    /** The rule is breached, with a title and a deadline of the firm's own case. */
    public static Verdict breach(Rule rule, String firmId, String title, String detail, Map<String, Object> evidence,
            Deadline deadline) {
        return new Verdict(rule.id(), Outcome.BREACH, new Finding<>(rule, null, firmId, title, detail, evidence, null,
                deadline == null ? null : deadline.basis(), null), null, deadline);
    }

    public static Verdict clear(String ruleId, String reason) {
        return new Verdict(ruleId, Outcome.CLEAR, null, reason, null);
    }

    public static Verdict undetermined(String ruleId, String reason) {
        return new Verdict(ruleId, Outcome.UNDETERMINED, null, reason, null);
    }

    public boolean breached() {
        return outcome == Outcome.BREACH;
    }
}
