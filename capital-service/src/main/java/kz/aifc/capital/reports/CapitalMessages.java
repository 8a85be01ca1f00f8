package kz.aifc.capital.reports;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every label, heading and fixed phrase of the printed capital reports, in English; messages/msg_ru.properties and
 * msg_kk.properties word the same keys in Russian and Kazakh. The wording that the JSON also carries (statements,
 * items to complete, bases) reads as CapitalReports writes it.
 */
@MessageBundle(locale = "en")
public interface CapitalMessages {

    /** The language tag of this bundle, for the document's lang attribute. */
    @Message("en")
    String lang();

    @Message("DRAFT — review before submission")
    String banner();

    @Message("Working view of the capital position — not a submission")
    String position_banner();

    @Message("Drafted by capital-service from rulebook {version} on {at}. Figures come from the firm's own capital "
            + "snapshots; check them against the books before submission.")
    String footer(String version, String at);

    @Message("{#if value is null}—{#else if value}yes{#else}no{/if}")
    String yes_no(Boolean value);

    @Message("None.")
    String none();

    // The firm

    @Message("Firm")
    String firm();

    @Message("(licence not on record)")
    String licence_not_on_record();

    @Message("Licence")
    String licence();

    @Message("{#when status}{#is 'ACTIVE'}active{#is 'SUSPENDED'}suspended{#is 'WITHDRAWN'}withdrawn"
            + "{#is 'UNKNOWN'}not on record{#else}{status}{/when}")
    String licence_status(String status);

    @Message("Licensed activities")
    String licensed_activities();

    @Message("{#when activity}"
            + "{#is 'DATF_OPERATOR'}Operating a Digital Asset Trading Facility"
            + "{#is 'DEALING_AS_PRINCIPAL'}Dealing in Investments as Principal"
            + "{#is 'DEALING_AS_MATCHED_PRINCIPAL'}Dealing in Investments as Matched Principal"
            + "{#is 'DEALING_AS_AGENT'}Dealing in Investments as Agent"
            + "{#is 'MANAGING_INVESTMENTS'}Managing Investments"
            + "{#is 'PROVIDING_CUSTODY'}Providing Custody"
            + "{#is 'ARRANGING_CUSTODY'}Arranging Custody"
            + "{#is 'ADVISING'}Advising on Investments"
            + "{#is 'ARRANGING_DEALS'}Arranging Deals in Investments"
            + "{#is 'MONEY_SERVICES'}Providing Money Services"
            + "{#else}{activity}{/when}")
    String activity(String activity);

    // The capital resources calculation

    @Message("Capital resources ({currency}{#if rate}, {rate} per USD{/if}), as of {asOf}")
    String calc_heading(String currency, String rate, String asOf);

    @Message("USD")
    String usd();

    @Message("USD {amount}")
    String usd_amount(String amount);

    @Message("{#if sign is '-'}less {/if}{label}")
    String capital_line(String label, String sign);

    @Message("Capital resources")
    String capital_resources();

    @Message("Base capital requirement")
    String requirement();

    @Message("USD {amount} ({activity}; {citation}; {confidence})")
    String requirement_value(String amount, String activity, String citation, String confidence);

    @Message("cannot be computed ({#when status}{#is 'LICENCE_UNKNOWN'}licence unknown"
            + "{#is 'LICENCE_NOT_ACTIVE'}licence not active{#is 'NONE'}no activity has a configured amount"
            + "{#else}{status}{/when})")
    String requirement_unknown(String status);

    @Message("{#when confidence}{#is 'verified'}verified{#is 'secondary'}secondary source{#is 'unverified'}unverified"
            + "{#is 'internal'}internal{#else}{confidence}{/when}")
    String confidence(String confidence);

    @Message("Activities with no configured amount")
    String unconfigured_activities();

    @Message("Capital resources in USD")
    String resources_usd();

    @Message("Headroom over the requirement")
    String headroom();

    @Message("Internal early-warning level")
    String early_warning();

    @Message("Liquid assets test (PRU(INV) 4.2)")
    String liquid_test();

    @Message("{liquid} against {required} ({fraction} of annual operating expenditure): {#if met}met{#else}not met{/if}")
    String liquid_value(String liquid, String required, String fraction, Boolean met);

    @Message("not applied to this firm (PRU(INV) 4.2 not configured)")
    String liquid_not_applied();

    @Message("No capital snapshot is on record.")
    String no_snapshot();

    // The capital position

    @Message("Capital position")
    String position_title();

    @Message("Current position")
    String current_position();

    @Message("Open alerts")
    String open_alerts();

    @Message("Alert")
    String alert();

    @Message("Severity")
    String severity();

    @Message("{#when severity}{#is 'CRITICAL'}critical{#is 'HIGH'}high{#is 'MEDIUM'}medium{#is 'LOW'}low"
            + "{#else}{severity}{/when}")
    String severity_value(String severity);

    @Message("Title")
    String title();

    @Message("{#when ruleId}"
            + "{#is 'CAP-001'}Capital resources below the base capital requirement"
            + "{#is 'CAP-002'}Capital resources below the early-warning buffer"
            + "{#is 'CAP-003'}Liquid assets below the required fraction of annual operating expenditure"
            + "{#is 'CAP-004'}Paid-up share capital reduced without AFSA approval"
            + "{#is 'CAP-005'}No capital snapshot within the reporting interval"
            + "{#is 'CAP-006'}Capital requirement cannot be computed"
            + "{#is 'CAP-007'}Business calendar does not cover a deadline's year"
            + "{#else}{title}{/when}")
    String rule_title(String ruleId, String title);

    @Message("Deadline")
    String deadline();

    @Message("History")
    String history();

    @Message("As of")
    String as_of();

    @Message("Resources (USD)")
    String history_resources();

    @Message("Requirement (USD)")
    String history_requirement();

    @Message("Late")
    String late();

    @Message("late")
    String late_value();

    // The breach notice to AFSA (PRU(INV) 6.5, GEN 6.2.3)

    @Message("Notification to AFSA: {title}")
    String breach_title(String title);

    @Message("To")
    String to();

    @Message("AIFC Financial Services Authority (AFSA), Astana")
    String addressee();

    @Message("Under")
    String under();

    @Message("{#when status}{#is 'OPEN'}open{#is 'RESOLVED'}resolved{#else}{status}{/when}")
    String alert_status(String status);

    @Message("Detected")
    String detected();

    @Message("Notify AFSA by")
    String notify_by();

    @Message("no regulatory deadline (internal alert)")
    String no_deadline();

    @Message("Notification")
    String notification();

    @Message("{firm}{#if licence} (licence {licence}){/if} notifies the AIFC Financial Services Authority under "
            + "{citation} of the following matter, detected on {detectedOn}: {detail}")
    String breach_notifies(String firm, String licence, String citation, String detectedOn, String detail);

    @Message("The firm's base capital requirement is the highest amount among its licensed activities "
            + "(DAA 3.2(1)(b)). Until this notice is given, the firm makes no cash transfers, payments or transfers of "
            + "liquid assets to Affiliates or Related Persons except as PRU(INV) 6.5(2) allows.")
    String breach_cap001();

    @Message("The firm's base capital requirement is the highest amount among its licensed activities "
            + "(DAA 3.2(1)(b)). GEN 6.2.3 requires AFSA to be advised immediately of a significant breach of a Rule and "
            + "of a material change in capital adequacy. The time under 'Notify AFSA by' is this draft's interpretation "
            + "of 'immediately' (the moment of detection), not a time the rule text sets.")
    String breach_cap001_immediate();

    @Message("The base capital amount this notice rests on, USD {amount} for {activity}, is {confidence}: the rule "
            + "text read does not confirm it. It is held in the setting {setting}. Confirm it with AFSA before submission.")
    String breach_unverified_amount(String amount, String activity, String confidence, String setting);

    @Message("The matter is continuing at the date of this notice.")
    String breach_continuing();

    @Message("The matter has since been resolved: see the firm's latest capital position.")
    String breach_resolved();

    @Message("Evidence")
    String evidence();

    @Message("To complete before submission")
    String to_complete();

    @Message("Cause of the matter and when the firm became aware of it")
    String to_complete_cause();

    @Message("Remedial steps taken or planned, and the expected date the requirement is met again")
    String to_complete_remedy();

    @Message("Name and position of the person signing for the firm (SEO or Finance Officer)")
    String to_complete_signatory();

    @Message("Signed: ______________________    Date: ____________")
    String signature();

    // The quarterly return (DAA 2.13.11(1), 3.13.1(1))

    @Message("Quarterly report: capital resources calculation and statement of compliance")
    String quarterly_title();

    @Message("Quarter {quarter}: {start} to {end} (Astana time).")
    String quarter_period(String quarter, String start, String end);

    @Message("Submit by {dueBy}")
    String submit_by(String dueBy);

    @Message("DAA 2.13.11(1) and 3.13.1(1) set no deadline; AFSA's guidance for prudential returns is one month after "
            + "the quarter end (domain-facts D1, G3)")
    String quarterly_due_by_basis();

    @Message("Capital resources calculation (last snapshot of the quarter)")
    String quarterly_calculation();

    @Message("Statement of compliance")
    String statement_of_compliance();

    @Message("{#when status}{#is 'COMPLIANT'}Compliant{#is 'NON_COMPLIANT'}Not compliant"
            + "{#is 'UNKNOWN'}Compliance cannot be stated{#else}{status}{/when}")
    String compliance_status(String status);

    @Message("No capital snapshot was received for {quarter}, so compliance with the base capital requirement cannot "
            + "be stated.")
    String compliance_no_snapshot(String quarter);

    @Message("Not compliant: capital resources were below the base capital requirement (DAA 3.2(1)(b)) in {below} of "
            + "{total} capital snapshots of {quarter}; the alerts below list each breach and its notification.")
    String compliance_breached(int below, int total, String quarter);

    @Message("Compliance cannot be stated for {unknown} of {total} snapshots of {quarter}: the requirement could not "
            + "be computed (CAP-006). The others met the requirement.")
    String compliance_unknown(int unknown, int total, String quarter);

    @Message("Compliant: capital resources met the base capital requirement (DAA 3.2(1)(b)) in all {total} capital "
            + "snapshots of {quarter}.")
    String compliance_met(int total, String quarter);

    @Message("Snapshots in the quarter")
    String snapshots();

    @Message("{snapshots} (of which late: {late})")
    String snapshots_value(int snapshots, int late);

    @Message("Below the requirement")
    String below_requirement();

    @Message("Requirement not computable")
    String requirement_not_computable();

    @Message("Alerts concerning the quarter")
    String quarter_alerts();

    @Message("Status")
    String status();

    @Message("Raised")
    String raised();

    @Message("Detail")
    String detail();
}
