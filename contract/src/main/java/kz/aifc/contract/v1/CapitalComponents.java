package kz.aifc.contract.v1;

import java.math.BigDecimal;

/** The lines of a capital resources calculation, in the snapshot's currency; deductions are positive amounts. */
public record CapitalComponents(
        BigDecimal paidUpShareCapital,
        BigDecimal sharePremium,
        BigDecimal auditedRetainedEarnings,
        BigDecimal otherReserves,
        BigDecimal interimLosses,
        BigDecimal intangibleAssets,
        BigDecimal deferredTaxAssets,
        BigDecimal otherDeductions) {

    public CapitalComponents {
        Checks.amount(paidUpShareCapital, "paidUpShareCapital");
        Checks.amount(sharePremium, "sharePremium");
        Checks.amount(auditedRetainedEarnings, "auditedRetainedEarnings");
        Checks.amount(otherReserves, "otherReserves");
        Checks.amount(interimLosses, "interimLosses");
        Checks.amount(intangibleAssets, "intangibleAssets");
        Checks.amount(deferredTaxAssets, "deferredTaxAssets");
        Checks.amount(otherDeductions, "otherDeductions");
    }

    /** Capital resources exactly as contract/README.md defines them: the four additions less the four deductions. */
    public BigDecimal capitalResources() {
        return paidUpShareCapital.add(sharePremium).add(auditedRetainedEarnings).add(otherReserves)
                .subtract(interimLosses).subtract(intangibleAssets).subtract(deferredTaxAssets)
                .subtract(otherDeductions);
    }
}
