package kz.aifc.simulator.firms;

import static kz.aifc.contract.v1.Role.CHIEF_IT_OFFICER;
import static kz.aifc.contract.v1.Role.COMPLIANCE_OFFICER;
import static kz.aifc.contract.v1.Role.DEPUTY_MLRO;
import static kz.aifc.contract.v1.Role.DIRECTOR;
import static kz.aifc.contract.v1.Role.FINANCE_OFFICER;
import static kz.aifc.contract.v1.Role.INDEPENDENT_DIRECTOR;
import static kz.aifc.contract.v1.Role.MLRO;
import static kz.aifc.contract.v1.Role.SENIOR_EXECUTIVE_OFFICER;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.contract.v1.Currency;
import kz.aifc.contract.v1.CustomerType;
import kz.aifc.contract.v1.Seniority;

/** The demo firms of the local stack, plus a generic exchange profile for any other firm id (load tests). */
public final class DemoFirms {

    public static final String DATF = "F-DATF-01";
    public static final String CUSTODY = "F-CUST-01";
    public static final String DEALER = "F-DEAL-01";
    public static final String CLEAN = "F-CLEAN-01";

    /** Firm ids end up in topic keys, URLs and alert ids, so keep them to a safe alphabet. */
    public static final Pattern FIRM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** K-9 is the controller whose stake crosses 10% without approval in the demo day (FP-008). */
    public static final String SILK_ROAD = "K-9";

    private static final Map<String, FirmProfile> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put(DATF, datf());
        KNOWN.put(CUSTODY, custody());
        KNOWN.put(DEALER, dealer());
        KNOWN.put(CLEAN, clean());
    }

    private DemoFirms() {
    }

    /** All four demo firms, the default of {@code --firms}. */
    public static List<String> defaultIds() {
        return List.copyOf(KNOWN.keySet());
    }

    public static boolean isDemoFirm(String firmId) {
        return KNOWN.containsKey(firmId);
    }

    /** The demo profile for a demo firm id, otherwise a generic DATF exchange named after the id. */
    public static FirmProfile profile(String firmId) {
        FirmProfile known = KNOWN.get(firmId);
        return known != null ? known : generic(firmId);
    }

    public static List<FirmProfile> profiles(List<String> firmIds) {
        List<FirmProfile> profiles = new ArrayList<>();
        firmIds.forEach(id -> profiles.add(profile(id)));
        return profiles;
    }

    private static FirmProfile datf() {
        LocalDate since = LocalDate.of(2024, 3, 15);
        return new FirmProfile(DATF, "Steppe Digital Exchange Ltd", "AFSA-A-LA-2024-0007",
                List.of(Activity.DATF_OPERATOR, Activity.PROVIDING_CUSTODY), since,
                List.of("Spot trading in Accepted Digital Assets only",
                        "Client digital assets held in segregated wallets"),
                usd(300_000),
                new CapitalPlan(Currency.USD, usd(1_000_000), usd(200_000), usd(250_000), usd(50_000),
                        usd(120_000), usd(10_000), usd(2_400_000), usd(1_250_000)),
                List.of(
                        Person.approved("P-DATF-SEO", "Nurlan Abenov", Seniority.DIRECTOR, since,
                                SENIOR_EXECUTIVE_OFFICER),
                        Person.approved("P-DATF-FO", "Aliya Serikbayeva", Seniority.SENIOR_MANAGER, since,
                                FINANCE_OFFICER),
                        Person.approved("P-DATF-CO", "Daniyar Mukhametov", Seniority.SENIOR_MANAGER, since,
                                COMPLIANCE_OFFICER),
                        Person.approved("P-DATF-MLRO", "Aigerim Tulegenova", Seniority.SENIOR_MANAGER, since, MLRO),
                        Person.approved("P-DATF-DMLRO", "Yerlan Kassymov", Seniority.SENIOR_MANAGER, since,
                                DEPUTY_MLRO),
                        Person.approved("P-DATF-CIO", "Madina Zhaksylykova", Seniority.SENIOR_MANAGER, since,
                                CHIEF_IT_OFFICER),
                        // Independent directors first: the board is at least one-third independent (DAA 2.3.2)
                        // after every single roster event, not only after the last.
                        Person.approved("P-DATF-DIR2", "Sarah Whitfield", Seniority.DIRECTOR, since, DIRECTOR,
                                INDEPENDENT_DIRECTOR).nonResident(),
                        Person.approved("P-DATF-DIR3", "Gulnara Ismailova", Seniority.DIRECTOR, since, DIRECTOR,
                                INDEPENDENT_DIRECTOR),
                        Person.approved("P-DATF-DIR1", "Timur Bekov", Seniority.DIRECTOR, since, DIRECTOR)),
                List.of(
                        new Stake("K-1", "Steppe Digital Holdings Ltd", CustomerType.LEGAL, pct("62.0"),
                                AfsaApproval.APPROVED, true),
                        new Stake("K-2", "Askar Dzhumabayev", CustomerType.NATURAL, pct("9.0"), AfsaApproval.NONE,
                                true),
                        new Stake(SILK_ROAD, "Silk Road Holdings", CustomerType.LEGAL, pct("8.0"), AfsaApproval.NONE,
                                true)),
                new Business(0.50, 250, 1.3, List.of(0.30, 0.22, 0.08, 0.08, 0.32),
                        List.of("USDT", "BTC", "ETH", "USDC", "SOL")),
                false);
    }

    private static FirmProfile custody() {
        LocalDate since = LocalDate.of(2024, 7, 1);
        return new FirmProfile(CUSTODY, "Altyn Custody Ltd", "AFSA-A-LA-2024-0019",
                List.of(Activity.PROVIDING_CUSTODY), since,
                List.of("Custody of Accepted Digital Assets for Professional Clients and Retail Clients"),
                usd(300_000),
                // Reports in tenge, so the KZT path of the capital snapshot is exercised every day.
                new CapitalPlan(Currency.KZT, usd(700_000), usd(0), usd(180_000), usd(20_000), usd(40_000), usd(0),
                        usd(1_500_000), usd(800_000)),
                List.of(
                        Person.approved("P-CUST-SEO", "Bolat Nurmagambetov", Seniority.DIRECTOR, since,
                                SENIOR_EXECUTIVE_OFFICER),
                        Person.approved("P-CUST-FO", "Saule Akhmetova", Seniority.SENIOR_MANAGER, since,
                                FINANCE_OFFICER),
                        Person.approved("P-CUST-CO", "Arman Seitkali", Seniority.SENIOR_MANAGER, since,
                                COMPLIANCE_OFFICER),
                        Person.approved("P-CUST-MLRO", "Dinara Baimukhanova", Seniority.SENIOR_MANAGER, since, MLRO),
                        Person.approved("P-CUST-DMLRO", "Kairat Ospanov", Seniority.SENIOR_MANAGER, since,
                                DEPUTY_MLRO),
                        Person.approved("P-CUST-DIR1", "Marat Zhunusov", Seniority.DIRECTOR, since, DIRECTOR),
                        Person.approved("P-CUST-DIR2", "Elena Petrova", Seniority.DIRECTOR, since, DIRECTOR,
                                INDEPENDENT_DIRECTOR)),
                List.of(
                        new Stake("K-1", "Altyn Group JSC", CustomerType.LEGAL, pct("75.0"), AfsaApproval.APPROVED,
                                true),
                        new Stake("K-2", "Dana Omarova", CustomerType.NATURAL, pct("6.5"), AfsaApproval.NONE, true)),
                new Business(0.15, 6_000, 1.4, List.of(0.30, 0.25, 0.22, 0.23, 0.0),
                        List.of("BTC", "ETH", "USDT", "USDC")),
                false);
    }

    private static FirmProfile dealer() {
        LocalDate since = LocalDate.of(2025, 2, 1);
        return new FirmProfile(DEALER, "Tengri Markets Ltd", "AFSA-A-LA-2025-0004",
                List.of(Activity.DEALING_AS_PRINCIPAL), since,
                List.of("Dealing as Principal in Accepted Digital Assets with Professional Clients"),
                // The one verified amount: DAA 3.2 Table 2, Dealing as Principal.
                usd(250_000),
                new CapitalPlan(Currency.USD, usd(300_000), usd(50_000), usd(120_000), usd(10_000), usd(15_000),
                        usd(5_000), usd(900_000), usd(430_000)),
                List.of(
                        Person.approved("P-DEAL-SEO", "Yerzhan Karimov", Seniority.DIRECTOR, since,
                                SENIOR_EXECUTIVE_OFFICER),
                        Person.approved("P-DEAL-FO", "Asel Nurlanova", Seniority.SENIOR_MANAGER, since,
                                FINANCE_OFFICER),
                        Person.approved("P-DEAL-CO", "Ruslan Ibraimov", Seniority.SENIOR_MANAGER, since,
                                COMPLIANCE_OFFICER),
                        Person.approved("P-DEAL-MLRO", "Zarina Sadykova", Seniority.SENIOR_MANAGER, since, MLRO),
                        Person.approved("P-DEAL-DMLRO", "Azamat Zhakenov", Seniority.SENIOR_MANAGER, since,
                                DEPUTY_MLRO),
                        Person.approved("P-DEAL-DIR1", "Ilyas Omarov", Seniority.DIRECTOR, since, DIRECTOR),
                        Person.approved("P-DEAL-DIR2", "James Holloway", Seniority.DIRECTOR, since, DIRECTOR,
                                INDEPENDENT_DIRECTOR).nonResident()),
                List.of(
                        new Stake("K-1", "Tengri Capital Partners Ltd", CustomerType.LEGAL, pct("55.0"),
                                AfsaApproval.APPROVED, true),
                        new Stake("K-2", "Ruslan Akhmetov", CustomerType.NATURAL, pct("25.0"), AfsaApproval.APPROVED,
                                true)),
                new Business(0.15, 15_000, 1.1, List.of(0.20, 0.20, 0.0, 0.0, 0.60), List.of("BTC", "ETH", "USDT")),
                false);
    }

    private static FirmProfile clean() {
        LocalDate since = LocalDate.of(2023, 11, 1);
        return new FirmProfile(CLEAN, "Baiterek Brokers Ltd", "AFSA-A-LA-2023-0042",
                List.of(Activity.DEALING_AS_PRINCIPAL), since,
                List.of("Dealing in Investments as Principal, including Accepted Digital Assets"),
                // An activity with a verified requirement (USD 250,000, DAA 3.2 Table 2), so the clean firm's
                // capital is checked for real instead of raising CAP-006 for an unconfigured amount.
                null,
                // Resources stay above 120% of even USD 500,000, the highest figure any source suggests.
                new CapitalPlan(Currency.USD, usd(600_000), usd(0), usd(200_000), usd(0), usd(20_000), usd(0),
                        usd(800_000), usd(750_000)),
                List.of(
                        Person.approved("P-CLEAN-SEO", "Akmaral Utepova", Seniority.DIRECTOR, since,
                                SENIOR_EXECUTIVE_OFFICER),
                        Person.approved("P-CLEAN-FO", "Beibut Seitov", Seniority.SENIOR_MANAGER, since,
                                FINANCE_OFFICER),
                        Person.approved("P-CLEAN-CO", "Aizhan Kuanysheva", Seniority.SENIOR_MANAGER, since,
                                COMPLIANCE_OFFICER),
                        Person.approved("P-CLEAN-MLRO", "Samat Amanov", Seniority.SENIOR_MANAGER, since, MLRO),
                        Person.approved("P-CLEAN-DMLRO", "Laura Yessenova", Seniority.SENIOR_MANAGER, since,
                                DEPUTY_MLRO),
                        Person.approved("P-CLEAN-DIR1", "Dauren Abilov", Seniority.DIRECTOR, since, DIRECTOR),
                        Person.approved("P-CLEAN-DIR2", "Anna Schmidt", Seniority.DIRECTOR, since, DIRECTOR,
                                INDEPENDENT_DIRECTOR)),
                List.of(
                        new Stake("K-1", "Baiterek Financial Group LLP", CustomerType.LEGAL, pct("80.0"),
                                AfsaApproval.APPROVED, true),
                        new Stake("K-2", "Zhanna Nurpeisova", CustomerType.NATURAL, pct("9.0"), AfsaApproval.NONE,
                                true)),
                new Business(0.20, 1_800, 1.0, List.of(0.35, 0.25, 0.0, 0.0, 0.40), List.of("USDT", "BTC", "ETH")),
                true);
    }

    /** Any other id: a DATF exchange shaped like F-DATF-01, so load tests can spread keys over many firms. */
    private static FirmProfile generic(String firmId) {
        FirmProfile template = KNOWN.get(DATF);
        String prefix = "P-" + firmId + "-";
        List<Person> roster = new ArrayList<>();
        for (Person p : template.roster()) {
            String role = p.personId().substring("P-DATF-".length());
            roster.add(new Person(prefix + role, p.fullName(), p.roles(), p.afsaApproval(), p.residentInKazakhstan(),
                    p.seniority(), p.appointedOn()));
        }
        List<Stake> controllers = List.of(
                new Stake("K-1", firmId + " Holdings Ltd", CustomerType.LEGAL, pct("70.0"), AfsaApproval.APPROVED,
                        true),
                new Stake("K-2", "Askar Dzhumabayev", CustomerType.NATURAL, pct("9.0"), AfsaApproval.NONE, true));
        Business b = template.business();
        return new FirmProfile(firmId, "Simulated Exchange " + firmId, "AFSA-SIM-" + firmId, template.activities(),
                template.licensedSince(), template.conditions(), template.requirementUsd(), template.capital(),
                roster, controllers, new Business(0.50, b.medianUsd(), b.sigma(), b.directionWeights(), b.assets()),
                false);
    }

    private static BigDecimal usd(long amount) {
        return BigDecimal.valueOf(amount).setScale(2);
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }
}
