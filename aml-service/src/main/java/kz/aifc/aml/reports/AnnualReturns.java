package kz.aifc.aml.reports;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import kz.aifc.aml.reports.AnnualReturnDraft.AnnualFigure;
import kz.aifc.aml.reports.AnnualReturnDraft.AnnualFigures;
import kz.aifc.aml.reports.AnnualReturnDraft.Period;
import kz.aifc.aml.reports.AnnualReturnDraft.ToCompleteItem;
import kz.aifc.aml.rules.AmlRules;
import kz.aifc.aml.rules.CustomerHistory;
import kz.aifc.platform.store.Jdbc;

/**
 * The annual AML return's figures for a firm and an Asia/Almaty calendar year, from what the service holds: the
 * MLRO's decisions, the screened transactions and the customer facts they carried. The figures are the counts DAA
 * 2.13.11(2) and 3.13.1(2) list (domain-facts D4, verified); the rest of that list is left for the firm to complete.
 */
@ApplicationScoped
public class AnnualReturns {

    static final String SOURCE = "DAA 2.13.11(2), 3.13.1(2) (domain-facts D4)";

    /** Items of the same list the service holds no data for: {key, label}. */
    static final List<String[]> TO_COMPLETE = List.of(
            new String[] {"rejectedProspects", "Rejected prospects"},
            new String[] {"offboardedClients", "Off-boarded clients"},
            new String[] {"faceToFaceOnboardings", "Clients onboarded face to face"},
            new String[] {"mlroSupportStaff", "Staff supporting the MLRO"},
            new String[] {"onboardingChanges", "Changes to onboarding"},
            new String[] {"lastRiskAssessmentDate", "Date of the last risk assessment"},
            new String[] {"privateKeysHeld", "Private keys held"},
            new String[] {"thirdPartyCustodian", "Third-party custodian"},
            new String[] {"groupStructure", "Group structure"},
            new String[] {"resourceSharing", "Resource sharing"},
            new String[] {"outsourcing", "Outsourcing"},
            new String[] {"shareholderInvolvement", "Shareholder involvement"});

    private static final String COUNTING = "count the annual AML return";

    private final Jdbc jdbc;
    private final AmlRules rules;

    AnnualReturns(Jdbc jdbc, AmlRules rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    /** Why a compliance officer (or admin) reads the return without the STR count. */
    static final String STRS_WITHHELD = "Withheld: whether and how many STRs were filed is shown to the firm's MLRO "
            + "and the regulator only (tipping-off, AML 13.8.3(b); contract/README.md section 3).";

    /** The counts behind the figures; {@code strsFiled} null when the caller may not learn it. */
    record Counts(Long strsFiled, long eddClients, long totalClients, Map<String, Long> highRiskByCountry) {
    }

    /**
     * The draft; {@code withStrs} false leaves the STR count out, uncounted and marked withheld (it moves with each
     * FILE_STR decision, so reading it around a decision would tell the decision).
     */
    public AnnualReturnDraft draft(String firmId, int year, boolean withStrs) {
        Timestamp from = Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(CustomerHistory.ALMATY).toInstant());
        Timestamp to = Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(CustomerHistory.ALMATY).toInstant());
        Long strs = !withStrs ? null : count("select count(*) from aml_case where firm_id = ? "
                + "and status = 'FILE_STR' and decided_at >= ? and decided_at < ?", firmId, from, to);
        long total = count("select count(distinct customer_id) from aml_transaction where firm_id = ? "
                + "and occurred_at >= ? and occurred_at < ?", firmId, from, to);
        long edd = count("select count(*) from aml_customer_year where firm_id = ? and year = ? "
                + "and edd_completed", firmId, year);
        Map<String, Long> byCountry = new TreeMap<>();
        jdbc.query(COUNTING, "select high_risk_country, count(*) from aml_customer_year "
                + "where firm_id = ? and year = ? and high_risk_country is not null group by 1",
                rs -> Map.entry(rs.getString(1), rs.getLong(2)), firmId, year)
                .forEach(e -> byCountry.put(e.getKey(), e.getValue()));
        return compose(firmId, year, new Counts(strs, edd, total, byCountry), rules.rulebook().version());
    }

    private long count(String sql, Object... params) {
        return jdbc.queryOne(COUNTING, sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    /** The draft from its counts: figures with their source and derivation, what the firm completes, the deadline. */
    static AnnualReturnDraft compose(String firmId, int year, Counts counts, String rulebookVersion) {
        AnnualFigures figures = new AnnualFigures(
                new AnnualFigure("STRs filed", counts.strsFiled(), SOURCE, "verified",
                        "Cases the MLRO decided FILE_STR in the year (decision time, Asia/Almaty; AML 13.8.1). The "
                                + "service records the decision to file; it does not see the submission to the AFM "
                                + "itself.",
                        null, null, counts.strsFiled() == null ? Boolean.TRUE : null,
                        counts.strsFiled() == null ? STRS_WITHHELD : null),
                figure("EDD clients", counts.eddClients(),
                        "Customers reported with eddCompleted = true on at least one transaction screened in the year."),
                figure("Total clients", counts.totalClients(),
                        "Customers with at least one transaction screened in the year: clients who did not transact "
                                + "are not known to the service, so this is a lower bound."),
                new AnnualFigure("Clients from high-risk jurisdictions",
                        counts.highRiskByCountry().values().stream().mapToLong(Long::longValue).sum(), SOURCE,
                        "verified", "Customers whose residency was on a high-risk jurisdiction list of the rulebook "
                                + "(dated FATF lists, AML-008) in force on the date of one of their transactions "
                                + "screened in the year.",
                        "secondary", counts.highRiskByCountry(), null, null));
        return new AnnualReturnDraft(firmId, year,
                new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), CustomerHistory.ALMATY.getId()),
                "DRAFT",
                // Two months after 31 December: the last day of February.
                LocalDate.of(year, 12, 31).plusMonths(2),
                "Annual AML Return to AFSA within 2 months after the calendar year end "
                        + "(AFSA AML/CTF regime page; domain-facts D5, verified)",
                "Counts listed for the annual information of DAA 2.13.11(2) (DATF operators) and 3.13.1(2) (digital "
                        + "asset service providers) (domain-facts D4, verified); AFSA Annual AML Return (D5)",
                rulebookVersion, figures,
                TO_COMPLETE.stream().map(item -> new ToCompleteItem(item[0], item[1], SOURCE,
                        "not held by aml-service: the firm completes it")).toList(),
                List.of("The AFSA Annual AML Return form's own fields were not read (domain-facts D5 names the form "
                                + "and its deadline only): these are the counts DAA 2.13.11(2) and 3.13.1(2) list (D4). "
                                + "Check them against the current AFSA form before submission.",
                        "Each figure's confidence is that of the source asking for it; how it is derived from the "
                                + "service's data (derivation) is this service's reading and unverified.",
                        "The DAA annual information is due within 6 months after the financial year end (D4); the "
                                + "service does not know the firm's financial year.",
                        "EDD and high-risk-jurisdiction counts start with the transactions screened since the service "
                                + "keeps those customer facts (schema V4); earlier transactions of the year are not "
                                + "counted."));
    }

    private static AnnualFigure figure(String label, long value, String derivation) {
        return new AnnualFigure(label, value, SOURCE, "verified", derivation, null, null, null, null);
    }
}
