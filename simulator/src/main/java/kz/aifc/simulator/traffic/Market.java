package kz.aifc.simulator.traffic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** Reference prices and amount precision of the assets the firms move; a day's prices are held fixed. */
final class Market {

    private record Asset(BigDecimal priceUsd, int scale) {
    }

    private static final Map<String, Asset> ASSETS = Map.of(
            "USDT", new Asset(BigDecimal.ONE, 2),
            "USDC", new Asset(BigDecimal.ONE, 2),
            "BTC", new Asset(new BigDecimal("68250.00"), 8),
            "ETH", new Asset(new BigDecimal("3420.00"), 8),
            "SOL", new Asset(new BigDecimal("162.40"), 6));

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private Market() {
    }

    /** Amount in asset units for about {@code usd}, at the asset's precision and never zero. */
    static BigDecimal units(String asset, BigDecimal usd) {
        Asset a = ASSETS.get(asset);
        BigDecimal units = usd.divide(a.priceUsd(), a.scale(), RoundingMode.HALF_EVEN);
        return units.signum() > 0 ? units : BigDecimal.ONE.movePointLeft(a.scale());
    }

    /** USD value of an amount, to the cent, so amount and amountUsd always agree at the day's price. */
    static BigDecimal usd(String asset, BigDecimal units) {
        BigDecimal usd = units.multiply(ASSETS.get(asset).priceUsd()).setScale(2, RoundingMode.HALF_EVEN);
        return usd.signum() > 0 ? usd : CENT;
    }

    static boolean known(String asset) {
        return ASSETS.containsKey(asset);
    }
}
