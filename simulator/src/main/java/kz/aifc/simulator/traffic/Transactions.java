package kz.aifc.simulator.traffic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.SplittableRandom;
import kz.aifc.contract.v1.Channel;
import kz.aifc.contract.v1.Counterparty;
import kz.aifc.contract.v1.Direction;
import kz.aifc.contract.v1.Exposure;
import kz.aifc.contract.v1.ScreenedTransaction;
import kz.aifc.contract.v1.Screening;
import kz.aifc.contract.v1.TravelRule;
import kz.aifc.simulator.firms.Business;

/** Builds screened transactions: clean ones, realistic ones for load, red flags and scripted incidents. */
final class Transactions {

    /** Travel Rule and structuring threshold, USD (AML 11-1.1). */
    static final BigDecimal TRAVEL_RULE_USD = new BigDecimal("1000");
    /** Kazakh threshold (Law 191-IV Art. 4(1)), which structuring can also aim under. */
    static final BigDecimal THRESHOLD_KZT = new BigDecimal("5000000");

    private static final Direction[] DIRECTIONS = {Direction.DEPOSIT, Direction.WITHDRAWAL, Direction.TRANSFER_IN,
        Direction.TRANSFER_OUT, Direction.TRADE};
    private static final double[] ASSET_WEIGHTS = {0.45, 0.25, 0.15, 0.10, 0.05};
    private static final List<Exposure> BENIGN_EXPOSURES = List.of(Exposure.GAMBLING, Exposure.P2P,
            Exposure.PRIVACY_COIN);
    private static final List<Exposure> SEVERE_EXPOSURES = List.of(Exposure.MIXER, Exposure.DARKNET,
            Exposure.SANCTIONED, Exposure.RANSOMWARE);
    private static final BigDecimal ZERO_SCORE = BigDecimal.ZERO;
    /** Clean amounts stay clear of 75-100% of a threshold, wider than the 80-100% band AML-005 watches. */
    private static final BigDecimal BAND_LOW = new BigDecimal("0.75");

    private final EventFactory factory;
    private final BigDecimal kztPerUsd;
    private final BigDecimal bandLowUsd;
    private final BigDecimal bandLowKzt;

    Transactions(EventFactory factory, BigDecimal kztPerUsd) {
        this.factory = factory;
        this.kztPerUsd = kztPerUsd;
        this.bandLowUsd = TRAVEL_RULE_USD.multiply(BAND_LOW);
        this.bandLowKzt = THRESHOLD_KZT.multiply(BAND_LOW);
    }

    /** An ordinary transaction of this firm's business; with {@code clean} it provably trips no AML rule. */
    ScreenedTransaction routine(String firmId, Business business, SimCustomer c, OffsetDateTime at,
            SplittableRandom rnd, boolean clean, double medianUsd, double sigma) {
        Direction direction = direction(business, c, rnd);
        String asset = asset(business, rnd);
        BigDecimal units;
        BigDecimal usd;
        int tries = 0;
        do {
            double target = Math.min(2_000_000, Math.max(5, medianUsd * Math.exp(sigma * rnd.nextGaussian())));
            units = Market.units(asset, BigDecimal.valueOf(target).setScale(2, RoundingMode.HALF_EVEN));
            usd = Market.usd(asset, units);
        } while (clean && nearThreshold(usd) && ++tries < 20);
        if (clean && nearThreshold(usd)) {
            units = Market.units(asset, new BigDecimal("420.00"));
            usd = Market.usd(asset, units);
        }
        return build(firmId, c, direction, asset, units, usd, at, rnd, clean);
    }

    /** Within 75-100% of the USD 1,000 or the KZT 5,000,000 threshold: a structuring-shaped amount. */
    boolean nearThreshold(BigDecimal usd) {
        BigDecimal kzt = kzt(usd);
        return usd.compareTo(bandLowUsd) >= 0 && usd.compareTo(TRAVEL_RULE_USD) <= 0
                || kzt.compareTo(bandLowKzt) >= 0 && kzt.compareTo(THRESHOLD_KZT) <= 0;
    }

    BigDecimal kzt(BigDecimal usd) {
        return usd.multiply(kztPerUsd).setScale(2, RoundingMode.HALF_EVEN);
    }

    ScreenedTransaction build(String firmId, SimCustomer c, Direction direction, String asset, BigDecimal units,
            BigDecimal usd, OffsetDateTime at, SplittableRandom rnd, boolean clean) {
        String id = factory.nextTransactionId();
        if (direction == Direction.TRADE) {
            return new ScreenedTransaction(firmId, id, at, direction, asset, units, usd, kzt(usd), c.customer(), null,
                    null, new Screening(false, null, ZERO_SCORE, 0, List.of()), channel(c));
        }
        boolean inflow = direction == Direction.DEPOSIT || direction == Direction.TRANSFER_IN;
        boolean ownFunds = rnd.nextDouble() < 0.6;
        String otherParty = Names.person(rnd, rnd.nextBoolean());
        Counterparty counterparty;
        if (rnd.nextDouble() < 0.18) {
            // Self-hosted: clean traffic always has ownership verified; realistic traffic only checks above USD 1,000.
            Boolean verified = clean || usd.compareTo(TRAVEL_RULE_USD) > 0 || rnd.nextBoolean() ? Boolean.TRUE : null;
            counterparty = new Counterparty(ownFunds ? c.fullName() : otherParty, Names.wallet(rnd, asset), null, true,
                    verified, null, null, false);
        } else {
            Vasps.Vasp vasp = Vasps.ordinary(rnd);
            counterparty = new Counterparty(vasp.name(), Names.wallet(rnd, asset), vasp.id(), false, null, true,
                    vasp.jurisdiction(), vasp.offshore());
        }
        String partyName = ownFunds ? c.fullName() : otherParty;
        TravelRule travelRule = inflow
                ? new TravelRule(partyName, counterparty.wallet(),
                        ownFunds ? c.identifier() : Names.dateAndPlaceOfBirth(rnd), c.fullName(),
                        c.depositAddress(asset))
                : new TravelRule(c.fullName(), c.depositAddress(asset), c.identifier(), partyName,
                        counterparty.wallet());
        BigDecimal matchScore = rnd.nextDouble() < 0.88 ? ZERO_SCORE : BigDecimal.valueOf(3 + rnd.nextInt(33));
        int walletRisk = (int) Math.min(22, Math.abs(rnd.nextGaussian() * 7));
        List<Exposure> exposures = List.of();
        if (!clean && rnd.nextDouble() < 0.05) {
            exposures = List.of(Names.pick(rnd, BENIGN_EXPOSURES));
            walletRisk = 25 + rnd.nextInt(21);
        }
        return new ScreenedTransaction(firmId, id, at, direction, asset, units, usd, kzt(usd), c.customer(),
                counterparty, travelRule, new Screening(false, null, matchScore, walletRisk, exposures),
                inflow ? null : channel(c));
    }

    /** A deposit of exactly {@code usd} in USDT from the customer's own account at a Kazakh exchange. */
    ScreenedTransaction deposit(String firmId, SimCustomer c, BigDecimal usd, OffsetDateTime at,
            SplittableRandom rnd) {
        Vasps.Vasp vasp = Vasps.ORDINARY.get(0);
        String wallet = Names.wallet(rnd, "USDT");
        return new ScreenedTransaction(firmId, factory.nextTransactionId(), at, Direction.DEPOSIT, "USDT", usd, usd,
                kzt(usd), c.customer(),
                new Counterparty(vasp.name(), wallet, vasp.id(), false, null, true, vasp.jurisdiction(), false),
                new TravelRule(c.fullName(), wallet, c.identifier(), c.fullName(), c.depositAddress("USDT")),
                new Screening(false, null, ZERO_SCORE, 4, List.of()), null);
    }

    /** A withdrawal to a beneficiary that matches a sanctions list: the firm must freeze and report (AML 12.1). */
    ScreenedTransaction sanctionsHit(String firmId, SimCustomer c, BigDecimal usd, String beneficiary, String list,
            BigDecimal matchScore, OffsetDateTime at, SplittableRandom rnd) {
        Vasps.Vasp vasp = Vasps.ORDINARY.get(2);
        String wallet = Names.wallet(rnd, "USDT");
        return new ScreenedTransaction(firmId, factory.nextTransactionId(), at, Direction.WITHDRAWAL, "USDT", usd, usd,
                kzt(usd), c.customer(),
                new Counterparty(vasp.name(), wallet, vasp.id(), false, null, true, vasp.jurisdiction(), false),
                new TravelRule(c.fullName(), c.depositAddress("USDT"), c.identifier(), beneficiary, wallet),
                new Screening(true, list, matchScore, 18, List.of()), channel(c));
    }

    /** Turns a realistic transfer into one that trips an AML rule; trades become transfers first. */
    ScreenedTransaction redFlag(ScreenedTransaction tx, SimCustomer c, SplittableRandom rnd) {
        if (tx.direction() == Direction.TRADE) {
            tx = build(tx.firmId(), c, Direction.WITHDRAWAL, tx.asset(), tx.amount(), tx.amountUsd(),
                    tx.occurredAt(), rnd, false);
        }
        Counterparty cp = tx.counterparty();
        TravelRule tr = tx.travelRule();
        Screening s = tx.screening();
        double kind = rnd.nextDouble();
        if (kind < 0.05) {
            s = new Screening(true, rnd.nextBoolean() ? "UN" : "KZ", BigDecimal.valueOf(88 + rnd.nextInt(12)),
                    s.walletRiskScore(), s.exposures());
        } else if (kind < 0.35) {
            s = new Screening(false, null, s.matchScore(), 80 + rnd.nextInt(19),
                    List.of(Names.pick(rnd, SEVERE_EXPOSURES)));
        } else if (kind < 0.60) {
            tr = new TravelRule(tr.originatorName(), tr.originatorWallet(), null, null, tr.beneficiaryWallet());
        } else if (kind < 0.75) {
            Vasps.Vasp v = Vasps.UNVETTED;
            cp = new Counterparty(v.name(), cp.wallet(), v.id(), false, null, false, v.jurisdiction(), false);
        } else if (kind < 0.90) {
            BigDecimal usd = new BigDecimal(1_200 + rnd.nextInt(20_000)).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal units = Market.units(tx.asset(), usd);
            cp = new Counterparty(cp.name(), cp.wallet(), null, true, false, null, null, false);
            return copy(tx, units, Market.usd(tx.asset(), units), cp, tr, s);
        } else {
            Vasps.Vasp v = Names.pick(rnd, Vasps.OFFSHORE);
            BigDecimal usd = new BigDecimal(10_000 + rnd.nextInt(90_000)).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal units = Market.units(tx.asset(), usd);
            cp = new Counterparty(v.name(), cp.wallet(), v.id(), false, null, true, v.jurisdiction(), true);
            return copy(tx, units, Market.usd(tx.asset(), units), cp, tr, s);
        }
        return copy(tx, tx.amount(), tx.amountUsd(), cp, tr, s);
    }

    private ScreenedTransaction copy(ScreenedTransaction tx, BigDecimal units, BigDecimal usd, Counterparty cp,
            TravelRule tr, Screening s) {
        return new ScreenedTransaction(tx.firmId(), tx.transactionId(), tx.occurredAt(), tx.direction(), tx.asset(),
                units, usd, kzt(usd), tx.customer(), cp, tr, s, tx.channel());
    }

    private static Channel channel(SimCustomer c) {
        return new Channel(c.ip(), c.deviceId());
    }

    /** The firm's direction mix, turned to the customer's side of the day: payers-in never take out. */
    private static Direction direction(Business business, SimCustomer c, SplittableRandom rnd) {
        Direction d = DIRECTIONS[weighted(business.directionWeights(), rnd)];
        return switch (d) {
            case DEPOSIT, WITHDRAWAL -> c.inflowBias() ? Direction.DEPOSIT : Direction.WITHDRAWAL;
            case TRANSFER_IN, TRANSFER_OUT -> c.inflowBias() ? Direction.TRANSFER_IN : Direction.TRANSFER_OUT;
            case TRADE -> Direction.TRADE;
        };
    }

    private static String asset(Business business, SplittableRandom rnd) {
        List<String> assets = business.assets();
        double total = 0;
        for (int i = 0; i < assets.size(); i++) {
            total += ASSET_WEIGHTS[Math.min(i, ASSET_WEIGHTS.length - 1)];
        }
        double u = rnd.nextDouble() * total;
        for (int i = 0; i < assets.size(); i++) {
            u -= ASSET_WEIGHTS[Math.min(i, ASSET_WEIGHTS.length - 1)];
            if (u < 0) {
                return assets.get(i);
            }
        }
        return assets.get(assets.size() - 1);
    }

    static int weighted(List<Double> weights, SplittableRandom rnd) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = rnd.nextDouble() * total;
        for (int i = 0; i < weights.size(); i++) {
            u -= weights.get(i);
            if (u < 0) {
                return i;
            }
        }
        return weights.size() - 1;
    }
}
