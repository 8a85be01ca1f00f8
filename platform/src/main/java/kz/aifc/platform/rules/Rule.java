package kz.aifc.platform.rules;

import java.time.LocalDate;
import kz.aifc.contract.v1.Severity;

/**
 * One rule as the rulebook states it: what every service's rules share (id, title, severity, citation, confidence,
 * the dates it applies, its deadline) and its own parameters.
 *
 * @param severity     of the alert it raises; null for a rule that raises none (an escalation of the desk)
 * @param opensCase    whether its finding opens (or joins) a suspicious-activity case for the MLRO
 * @param fires        when it fires, in words
 * @param resolvedWhen when its alert resolves, in words; null where the rule says nothing
 * @param deadline     the deadline its finding carries; null where none applies
 */
public record Rule(String id, String title, Severity severity, String citation, Confidence confidence,
        LocalDate effectiveFrom, LocalDate effectiveTo, boolean opensCase, String fires, String resolvedWhen,
        Deadline deadline, Parameters parameters) {

    /** Whether the rule applies on {@code day}: {@code effectiveTo} is inclusive, null is open-ended. */
    public boolean inForce(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /** The deadline's basis in words, or null. */
    public String deadlineBasis() {
        return deadline == null ? null : deadline.basis();
    }

    /** Business days to the deadline, or null when the deadline is not counted so. */
    public Integer deadlineBusinessDays() {
        return deadline != null && deadline.kind() == Deadline.Kind.BUSINESS_DAYS ? deadline.days() : null;
    }
}
