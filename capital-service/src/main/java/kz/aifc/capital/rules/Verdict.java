package kz.aifc.capital.rules;

/**
 * One rule's answer for one evaluation. BREACH raises (or refreshes) the rule's alert, CLEAR resolves an open one
 * with {@code reason}, UNDETERMINED leaves any open alert as it is (the facts cannot say either way).
 */
public record Verdict(String ruleId, Outcome outcome, Finding finding, String reason) {

    /** The three answers a rule can give. */
    public enum Outcome {
        BREACH,
        CLEAR,
        UNDETERMINED
    }

    public static Verdict breach(Finding finding) {
        return new Verdict(finding.ruleId(), Outcome.BREACH, finding, null);
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
