package kz.aifc.capital.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Formats amounts for people: "USD 240,000.00" (grouped, two decimals, half-even). */
public final class Money {

    private Money() {
    }

    public static String format(String currency, BigDecimal amount) {
        return currency + " " + String.format(Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_EVEN));
    }

    public static String usd(BigDecimal amount) {
        return format("USD", amount);
    }

    /** Plain decimal string for evidence and JSON, never exponent form. */
    public static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
