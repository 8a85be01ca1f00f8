package kz.aifc.capital.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.Currency;
import kz.aifc.platform.time.BusinessCalendar;

/**
 * A snapshot measured against the requirement. Comparisons are exact: USD figures are multiplied by the
 * snapshot's rate (KZT per USD) into the snapshot's currency, which never rounds. Only the USD figures shown to
 * people are rounded: to cents, half-even ({@link #toUsd}); headroom to 0.01 percentage point, half-even.
 *
 * @param resources             capital resources in the snapshot's currency (contract/README.md formula, exact)
 * @param requirementInCurrency the requirement in the snapshot's currency (exact), null when none
 * @param bufferInCurrency      the CAP-002 early-warning level in the snapshot's currency (exact), null when none
 * @param liquidRequired        CAP-003 liquid assets needed: annual operating expenditure × fraction (exact)
 */
public record CapitalPosition(String firmId, OffsetDateTime asOf, Currency currency, BigDecimal usdRate,
        BigDecimal resources, Requirement requirement, BigDecimal requirementInCurrency, BigDecimal bufferInCurrency,
        BigDecimal liquidAssets, BigDecimal liquidRequired, boolean liquidTestApplies) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static CapitalPosition of(CapitalSnapshot snapshot, Requirement requirement, CapitalRulebook rulebook) {
        BigDecimal rate = snapshot.usdRate();
        BigDecimal required = requirement.hasAmount() ? requirement.amountUsd().multiply(rate) : null;
        BigDecimal buffer = required == null ? null
                : required.multiply(rulebook.bufferPercent()).divide(HUNDRED);
        return new CapitalPosition(snapshot.firmId(), snapshot.asOf(), snapshot.currency(), rate,
                snapshot.capital().capitalResources(), requirement, required, buffer, snapshot.liquidAssets(),
                snapshot.annualOperatingExpenditure().multiply(rulebook.liquidAssetsFraction()),
                requirement.status() != Requirement.Status.LICENCE_UNKNOWN
                        && rulebook.liquidTestApplies(snapshot.firmId(), requirement.activities()));
    }

    /** The Almaty date of the snapshot: rulebook rows are picked by it. */
    public static LocalDate almatyDate(OffsetDateTime time) {
        return time.atZoneSameInstant(BusinessCalendar.ALMATY).toLocalDate();
    }

    public boolean belowRequirement() {
        return requirementInCurrency != null && resources.compareTo(requirementInCurrency) < 0;
    }

    public boolean belowBuffer() {
        return bufferInCurrency != null && resources.compareTo(bufferInCurrency) < 0;
    }

    public boolean liquidShortfall() {
        return liquidAssets.compareTo(liquidRequired) < 0;
    }

    /** An amount of the snapshot's currency in USD, for display: cents, half-even. */
    public BigDecimal toUsd(BigDecimal amount) {
        return amount == null ? null : amount.divide(usdRate, 2, RoundingMode.HALF_EVEN);
    }

    public BigDecimal resourcesUsd() {
        return toUsd(resources);
    }

    /** (resources − requirement) / requirement in percent; null when there is no requirement. */
    public BigDecimal headroomPercent() {
        if (requirementInCurrency == null) {
            return null;
        }
        return resources.subtract(requirementInCurrency).multiply(HUNDRED)
                .divide(requirementInCurrency, 2, RoundingMode.HALF_EVEN);
    }

    /** Resources as a percentage of the requirement (for "96.0%" in the alert); null when none. */
    public BigDecimal coveragePercent() {
        if (requirementInCurrency == null) {
            return null;
        }
        return resources.multiply(HUNDRED).divide(requirementInCurrency, 1, RoundingMode.HALF_EVEN);
    }
}
