package kz.aifc.aml.reports;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every label, heading and fixed phrase of the printed AML drafts, in English; messages/msg_ru.properties and
 * msg_kk.properties word the same keys in Russian and Kazakh. Templates read it as {@code msg:}, or as a bundle of
 * one language for a section of the STR.
 */
@MessageBundle(locale = "en")
public interface AmlMessages {

    // Common to every draft

    /** The language tag of this bundle, for the document's lang attribute. */
    @Message("en")
    String lang();

    @Message("DRAFT — review before submission")
    String banner();

    @Message("Drafted by aml-service from the firm's screened transactions and the MLRO's records; check every fact "
            + "against the firm's records before submission.")
    String footer();

    @Message("Signed: ______________________ (MLRO)    Date: ______________")
    String signature();

    @Message("Firm")
    String firm();

    @Message("Legal basis")
    String legal_basis();

    @Message("Deadline basis")
    String deadline_basis();

    @Message("Source")
    String source();

    @Message("{#when confidence}{#is 'verified'}verified{#is 'secondary'}secondary source{#is 'unverified'}unverified"
            + "{#else}{confidence}{/when}")
    String confidence(String confidence);

    // The suspicious transaction report (Law 191-IV Art. 10(2)) and the AFSA notice (AML 13.8.1(c))

    @Message("Suspicious transaction report")
    String str_title();

    @Message("Status")
    String str_status_label();

    @Message("{#when status}{#is 'READY_TO_FILE'}ready to file: the MLRO decided to file (FILE_STR)"
            + "{#is 'NOT_TO_BE_FILED'}not to be filed: the MLRO decided not to file (NO_STR)"
            + "{#is 'DRAFT_PENDING_MLRO_DECISION'}draft: the MLRO has not decided yet{#else}{status}{/when}")
    String str_status(String status);

    @Message("Law 191-IV Art. 10(2); AIFC AML 13.6.1(d), 13.8.1")
    String str_legal_basis();

    @Message("Submit electronically to the Agency for Financial Monitoring in Kazakh or Russian (Law 191-IV Art. 10(2)).")
    String str_note_submit();

    @Message("The STR deadline and the AFM form/XML schema are not verified (domain-facts B7, G6): check the current "
            + "AFM order before filing.")
    String str_note_unverified();

    @Message("Tipping-off: do not disclose this report to the customer (AML 13.8.3(b)).")
    String str_note_tipping_off();

    @Message("Date of the MLRO's decision")
    String str_decided_at();

    @Message("Operation {number}")
    String op_number(int number);

    @Message("No operation of the case is stored.")
    String str_no_operations();

    @Message("None given.")
    String str_no_additional_information();

    @Message("Reporting subject")
    String str_heading_reporting_subject();

    @Message("Operation")
    String str_heading_operations();

    @Message("Participants")
    String str_heading_participants();

    @Message("Suspicion indicators")
    String str_heading_indicators();

    @Message("Additional information")
    String str_heading_additional_information();

    @Message("Firm identifier")
    String str_firm_id();

    @Message("Regime")
    String str_regime_label();

    @Message("AIFC participant, financial-monitoring subject (Law 191-IV Art. 3(1)(19))")
    String str_regime();

    @Message("Customer")
    String str_customer();

    @Message("Counterparties")
    String str_counterparties();

    @Message("{#when ruleId}{#is 'AML-001'}Sanctions list match{#is 'AML-005'}Structuring below a reporting threshold"
            + "{#is 'AML-006'}Rapid in-and-out of deposited funds{#is 'AML-007'}Wallet exposure to mixer, darknet, "
            + "sanctioned or ransomware addresses{#else}{/when}")
    String indicator(String ruleId);

    @Message("Rule")
    String ind_rule();

    @Message("Detected")
    String ind_detected();

    @Message("Notice to AFSA")
    String afsa_notice();

    @Message("To")
    String afsa_to();

    @Message("Basis")
    String afsa_basis();

    @Message("AIFC Financial Services Authority")
    String afsa_name();

    @Message("AIFC AML 13.8.1(c): notify AFSA promptly after filing an STR with the FIU")
    String afsa_notice_basis();

    @Message("The firm {firmId} has filed (or is filing) a suspicious transaction report with the Agency for Financial "
            + "Monitoring of the Republic of Kazakhstan concerning the customer and on the grounds below.")
    String afsa_notice_body(String firmId);

    @Message("AIFC DAA 2.13.1(b): a DATF operator reports suspected money laundering to AFSA immediately, in writing, "
            + "with full details (the suspicious transaction report above)")
    String afsa_datf_basis();

    // Threshold-transaction reports (Law 191-IV Art. 4(1), 10(2))

    @Message("Threshold-transaction reports due on {dueOn}")
    String threshold_title(String dueOn);

    @Message("Due on")
    String threshold_due_on();

    @Message("Law 191-IV Art. 4(1) (KZT 5,000,000 or more with an offshore counterparty, or from or to an anonymous "
            + "account), Art. 10(2); AIFC AML 13.6.1(d)")
    String threshold_legal_basis();

    @Message("Submit electronically to the Agency for Financial Monitoring in Kazakh or Russian, no later than the "
            + "business day after the operation (Law 191-IV Art. 10(2)).")
    String threshold_note_submit();

    @Message("The AFM form and XML schema are not verified (domain-facts G6).")
    String threshold_note_unverified();

    @Message("The KZT 5,000,000 threshold and the next-business-day deadline are read in an English translation of "
            + "Law 191-IV as amended by Law 219-VIII (2025), not in the official consolidated text (domain-facts H11): "
            + "check it before relying on them.")
    String threshold_note_translation();

    @Message("No threshold operation falls due on this date.")
    String threshold_none();

    @Message("Operation {number}")
    String threshold_operation_number(int number);

    // The annual AML return (DAA 2.13.11(2), 3.13.1(2); AFSA Annual AML Return)

    @Message("Annual AML return: figures for {year}")
    String annual_title(String year);

    @Message("Period")
    String annual_period();

    @Message("{from} to {to} ({zone})")
    String annual_period_value(String from, String to, String zone);

    @Message("Submit to AFSA by")
    String annual_submit_by();

    @Message("Annual AML Return to AFSA within 2 months after the calendar year end (AFSA AML/CTF regime page; "
            + "domain-facts D5, verified)")
    String annual_due_by_basis();

    @Message("Counts listed for the annual information of DAA 2.13.11(2) (DATF operators) and 3.13.1(2) (digital "
            + "asset service providers) (domain-facts D4, verified); AFSA Annual AML Return (D5)")
    String annual_legal_basis();

    @Message("Rulebook version")
    String annual_rulebook();

    @Message("Figures")
    String annual_figures();

    @Message("Figure")
    String annual_figure();

    @Message("Value")
    String annual_value();

    @Message("Derivation")
    String annual_derivation();

    @Message("{#when key}{#is 'strsFiled'}STRs filed{#is 'eddClients'}EDD clients{#is 'totalClients'}Total clients"
            + "{#is 'clientsFromHighRiskJurisdictions'}Clients from high-risk jurisdictions{#else}{label}{/when}")
    String annual_figure_label(String key, String label);

    @Message("{#when key}"
            + "{#is 'strsFiled'}Cases the MLRO decided FILE_STR in the year (decision time, Asia/Almaty; AML 13.8.1). "
            + "The service records the decision to file; it does not see the submission to the AFM itself."
            + "{#is 'eddClients'}Customers reported with eddCompleted = true on at least one transaction screened in "
            + "the year."
            + "{#is 'totalClients'}Customers with at least one transaction screened in the year: clients who did not "
            + "transact are not known to the service, so this is a lower bound."
            + "{#is 'clientsFromHighRiskJurisdictions'}Customers whose residency was on a high-risk jurisdiction list "
            + "of the rulebook (dated FATF lists, AML-008) in force on the date of one of their transactions screened "
            + "in the year."
            + "{#else}{derivation}{/when}")
    String annual_figure_derivation(String key, String derivation);

    @Message("withheld: shown to the firm's MLRO and the regulator only (tipping-off)")
    String annual_withheld();

    @Message("By country: {countries} (lists: {confidence}).")
    String annual_by_country(String countries, String confidence);

    @Message("To be completed by the firm")
    String annual_to_complete();

    @Message("Item")
    String annual_item();

    @Message("{#when key}{#is 'rejectedProspects'}Rejected prospects{#is 'offboardedClients'}Off-boarded clients"
            + "{#is 'faceToFaceOnboardings'}Clients onboarded face to face{#is 'mlroSupportStaff'}Staff supporting the "
            + "MLRO{#is 'onboardingChanges'}Changes to onboarding{#is 'lastRiskAssessmentDate'}Date of the last risk "
            + "assessment{#is 'privateKeysHeld'}Private keys held{#is 'thirdPartyCustodian'}Third-party custodian"
            + "{#is 'groupStructure'}Group structure{#is 'resourceSharing'}Resource sharing{#is 'outsourcing'}"
            + "Outsourcing{#is 'shareholderInvolvement'}Shareholder involvement{#else}{label}{/when}")
    String annual_to_complete_label(String key, String label);

    @Message("Notes")
    String annual_notes();

    @Message("{#when index}"
            + "{#is 0}The AFSA Annual AML Return form's own fields were not read (domain-facts D5 names the form and "
            + "its deadline only): these are the counts DAA 2.13.11(2) and 3.13.1(2) list (D4). Check them against the "
            + "current AFSA form before submission."
            + "{#is 1}Each figure's confidence is that of the source asking for it; how it is derived from the "
            + "service's data (derivation) is this service's reading and unverified."
            + "{#is 2}The DAA annual information is due within 6 months after the financial year end (D4); the "
            + "service does not know the firm's financial year."
            + "{#is 3}EDD and high-risk-jurisdiction counts start with the transactions screened since the service "
            + "keeps those customer facts (schema V4); earlier transactions of the year are not counted."
            + "{#else}{note}{/when}")
    String annual_note(int index, String note);
}
