package kz.aifc.capital.rules;

import java.math.BigDecimal;

import kz.aifc.contract.v1.CapitalSnapshot;

/** Paid-up share capital with the rate of its snapshot, so two snapshots in different currencies compare exactly. */
public record PaidUpCapital(BigDecimal amount, String currency, BigDecimal usdRate) {

    public static PaidUpCapital of(CapitalSnapshot snapshot) {
        return new PaidUpCapital(snapshot.capital().paidUpShareCapital(), snapshot.currency().name(),
                snapshot.usdRate());
    }

    /** a / ra < b / rb  ⇔  a × rb < b × ra (rates are positive): no division, no rounding. */
    public boolean lessThan(PaidUpCapital other) {
        return amount.multiply(other.usdRate).compareTo(other.amount.multiply(usdRate)) < 0;
    }

    public String display() {
        return Money.format(currency, amount);
    }
}
