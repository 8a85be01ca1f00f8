package kz.aifc.licensing.rules;

import java.time.LocalDate;

import kz.aifc.contract.v1.Severity;

/** What the rulebook says about one rule: its title, severity, citation, confidence and the dates it applies. */
public record RuleMeta(String id, String title, Severity severity, String citation, String confidence,
        LocalDate effectiveFrom, LocalDate effectiveTo, String deadlineBasis) {

    /** Whether the rule applies on {@code day} (effectiveTo is inclusive; null means open-ended). */
    public boolean inForce(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }
}
