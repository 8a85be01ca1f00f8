package kz.aifc.contract.v1;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Payload of {@code kz.aifc.capital.snapshot.v1}: a firm's capital position as of a moment. */
public record CapitalSnapshot(
        String firmId,
        OffsetDateTime asOf,
        Currency currency,
        BigDecimal usdRate,
        CapitalComponents capital,
        BigDecimal liquidAssets,
        BigDecimal annualOperatingExpenditure,
        String capitalReductionApprovalRef) implements FirmEvent {

    public CapitalSnapshot {
        Checks.text(firmId, "firmId");
        Checks.present(asOf, "asOf");
        Checks.present(currency, "currency");
        usdRate = checkedUsdRate(currency, usdRate);
        Checks.present(capital, "capital");
        Checks.amount(liquidAssets, "liquidAssets");
        Checks.amount(annualOperatingExpenditure, "annualOperatingExpenditure");
    }

    /** A USD snapshot's rate is 1 by definition, so consumers can always divide by {@link #usdRate()}. */
    private static BigDecimal checkedUsdRate(Currency currency, BigDecimal usdRate) {
        if (currency == Currency.USD) {
            if (usdRate == null) {
                return BigDecimal.ONE;
            }
            if (usdRate.compareTo(BigDecimal.ONE) != 0) {
                throw new InvalidPayloadException("usdRate",
                        "must be 1 when currency is USD (was " + usdRate.toPlainString() + ")");
            }
            return usdRate;
        }
        if (usdRate == null) {
            throw new InvalidPayloadException("usdRate", "required when currency is " + currency);
        }
        if (usdRate.signum() <= 0) {
            throw new InvalidPayloadException("usdRate",
                    "must be greater than zero (was " + usdRate.toPlainString() + ")");
        }
        return usdRate;
    }
}
