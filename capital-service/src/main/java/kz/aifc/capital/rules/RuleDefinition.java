package kz.aifc.capital.rules;

import java.time.LocalDate;

import kz.aifc.contract.v1.Severity;

/** A CAP rule as the rulebook states it; {@code deadlineBusinessDays} is null where no deadline applies. */
public record RuleDefinition(String id, String title, Severity severity, String citation, Confidence confidence,
        LocalDate effectiveFrom, LocalDate effectiveTo, Integer deadlineBusinessDays, String deadlineBasis) {

    public boolean effectiveOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
