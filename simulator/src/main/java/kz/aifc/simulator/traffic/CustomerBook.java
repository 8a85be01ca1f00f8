package kz.aifc.simulator.traffic;

import java.util.List;
import java.util.SplittableRandom;
import kz.aifc.contract.v1.Customer;
import kz.aifc.contract.v1.CustomerType;
import kz.aifc.contract.v1.RiskRating;

/** A firm's customers, each derived on first use from (seed, firm, index): 50,000 cost nothing until they trade. */
final class CustomerBook {

    /** Residencies of foreign customers: none on a FATF list, so clean traffic never meets AML-008. */
    private static final List<String> ORDINARY_COUNTRIES = List.of("AE", "GB", "DE", "SG", "US", "UZ", "KG", "CH",
            "KR", "CN");

    private final String firmId;
    private final long seed;
    private final boolean clean;
    private final SimCustomer[] customers;

    /**
     * @param clean every customer passes every check (steady and demo-day); otherwise a realistic few do not:
     *     some Kazakh retail clients lack the knowledge test, a few PEPs or high-risk residents lack EDD
     */
    CustomerBook(String firmId, int size, long seed, boolean clean) {
        this.firmId = firmId;
        this.seed = seed;
        this.clean = clean;
        this.customers = new SimCustomer[size];
    }

    int size() {
        return customers.length;
    }

    SimCustomer get(int index) {
        SimCustomer c = customers[index];
        if (c == null) {
            c = create(index);
            customers[index] = c;
        }
        return c;
    }

    /** A customer, more often one of the first ones: activity is concentrated in a minority of accounts. */
    SimCustomer pick(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        return get((int) (customers.length * u * u));
    }

    private SimCustomer create(int index) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + firmId.hashCode() * 1_000_003L
                + index);
        boolean natural = rnd.nextDouble() < 0.88;
        boolean kazakh = rnd.nextDouble() < 0.70;
        String residency = kazakh ? "KZ" : Names.pick(rnd, ORDINARY_COUNTRIES);
        double r = rnd.nextDouble();
        RiskRating rating = r < 0.78 ? RiskRating.LOW : r < 0.97 ? RiskRating.MEDIUM : RiskRating.HIGH;
        boolean pep = natural && rnd.nextDouble() < 0.008;
        boolean edd = rating == RiskRating.HIGH || pep;
        boolean retail = natural && rnd.nextDouble() < 0.92;
        boolean tested = kazakh && retail ? clean || rnd.nextDouble() < 0.95 : rnd.nextDouble() < 0.6;
        if (!clean) {
            double flaw = rnd.nextDouble();
            if (flaw < 0.002 && natural) {
                pep = true;
                edd = false;
            } else if (flaw < 0.004) {
                residency = Names.pick(rnd, Vasps.HIGH_RISK_COUNTRIES);
                kazakh = false;
                edd = false;
            }
        }
        String name = natural ? Names.person(rnd, kazakh) : Names.company(rnd);
        String identifier = Names.identifier(rnd, kazakh, natural, residency);
        Customer customer = new Customer(customerId(index), natural ? CustomerType.NATURAL : CustomerType.LEGAL,
                residency, rating, pep, edd, retail, tested);
        return new SimCustomer(customer, name, identifier, rnd.nextBoolean(), Names.ip(rnd), Names.device(rnd),
                rnd.nextLong());
    }

    private static String customerId(int index) {
        String digits = Integer.toString(index + 1);
        return digits.length() >= 6 ? "C-" + digits : "C-" + "000000".substring(digits.length()) + digits;
    }
}
