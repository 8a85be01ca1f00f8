package kz.aifc.capital.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

import kz.aifc.contract.v1.Activity;
import kz.aifc.platform.rules.Confidence;

/** One base-capital row of the rulebook: an activity's amount in USD (null when no source gives one). */
public record BaseCapital(Activity activity, BigDecimal amountUsd, String citation, Confidence confidence,
        String source, LocalDate effectiveFrom, LocalDate effectiveTo) {

    public boolean configured() {
        return amountUsd != null;
    }

    /** Where the amount is set, for people who must confirm or change it (the file aifc.rulebook.location names). */
    public String setting() {
        return "aifc.rulebook.location: rulebook.json tables.baseCapital[activity=" + activity + "].amountUsd";
    }

    public boolean effectiveOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
