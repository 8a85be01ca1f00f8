package kz.aifc.simulator.firms;

import java.math.BigDecimal;
import kz.aifc.contract.v1.Currency;

/** A firm's balance sheet in USD; snapshots move only interim losses, so paid-up capital never falls (CAP-004). */
public record CapitalPlan(
        Currency reportingCurrency,
        BigDecimal paidUpShareCapital,
        BigDecimal sharePremium,
        BigDecimal auditedRetainedEarnings,
        BigDecimal otherReserves,
        BigDecimal intangibleAssets,
        BigDecimal deferredTaxAssets,
        BigDecimal annualOperatingExpenditure,
        BigDecimal normalResourcesUsd) {

    /** Resources before interim losses: the ceiling a snapshot can show. */
    public BigDecimal resourcesBeforeLosses() {
        return paidUpShareCapital.add(sharePremium).add(auditedRetainedEarnings).add(otherReserves)
                .subtract(intangibleAssets).subtract(deferredTaxAssets);
    }
}
