package kz.aifc.capital.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("amounts for people: grouped, two decimals, half-even, as the alerts and notices have always shown them")
class MoneyTest {

    @Test
    @DisplayName("formats every amount as String.format(\"%,.2f\") did: small, large, negative, rounded half-even, many digits")
    void shouldFormatAsBefore() {
        List<String> amounts = List.of("0", "0.005", "0.015", "1", "999.995", "1000", "240000", "250000.00",
                "-30000.5", "1234567.125", "1234567.135", "98765432109876543210.99", "0.1E+7", "-0.004");
        for (String amount : amounts) {
            BigDecimal value = new BigDecimal(amount);
            assertThat(Money.usd(value)).as(amount).isEqualTo("USD " + String.format(Locale.ROOT, "%,.2f",
                    value.setScale(2, RoundingMode.HALF_EVEN)));
        }
        assertThat(Money.format("KZT", new BigDecimal("125000000"))).isEqualTo("KZT 125,000,000.00");
    }
}
