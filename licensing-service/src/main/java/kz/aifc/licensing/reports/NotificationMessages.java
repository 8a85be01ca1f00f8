package kz.aifc.licensing.reports;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every label, heading and fixed phrase of the printed AFSA notifications, in English; messages/msg_ru.properties
 * and msg_kk.properties word the same keys in Russian and Kazakh.
 */
@MessageBundle(locale = "en")
public interface NotificationMessages {

    /** The language tag of this bundle, for the document's lang attribute. */
    @Message("en")
    String lang();

    @Message("DRAFT — review before submission")
    String banner();

    @Message("To")
    String to();

    @Message("AIFC Financial Services Authority (AFSA), Supervision")
    String addressee();

    @Message("{#when kind}"
            + "{#is 'DEPARTURE'}Notice of departure of an Approved Individual / vacancy in a mandatory role"
            + "{#is 'APPOINTMENT'}Application / notice concerning the appointment of an Approved Individual"
            + "{#is 'UNFITNESS_EVENT'}Immediate notice of an event affecting fitness and propriety"
            + "{#is 'MATERIAL_MATTER'}Notice of a material matter relating to fitness, eligibility or governance"
            + "{#is 'CHANGE_IN_CONTROL'}Notice / application concerning a change in control"
            + "{#else}{heading}{/when}")
    String heading(String kind, String heading);

    @Message("Firm")
    String firm();

    @Message("Licence number")
    String licence_number();

    @Message("Rule")
    String rule();

    @Message("{ruleId} (rulebook {version})")
    String rule_value(String ruleId, String version);

    @Message("Citation")
    String citation();

    @Message("Severity")
    String severity();

    @Message("{#when severity}{#is 'CRITICAL'}critical{#is 'HIGH'}high{#is 'MEDIUM'}medium{#is 'LOW'}low"
            + "{#else}{severity}{/when}")
    String severity_value(String severity);

    @Message("Detected")
    String detected();

    @Message("Regulatory deadline")
    String regulatory_deadline();

    @Message("none set")
    String no_deadline();

    @Message("Deadline basis")
    String deadline_basis();

    @Message("Alert status")
    String alert_status();

    @Message("{#when status}{#is 'OPEN'}open{#is 'RESOLVED'}resolved{#is 'NO_ALERT'}no alert (a notice drafted "
            + "without a finding){#else}{status}{/when}")
    String alert_status_value(String status);

    @Message("Statement")
    String statement();

    @Message("Facts")
    String facts();

    @Message("The statement and the facts are given as the service drafted them.")
    String drafted_note();

    @Message("{#if value is null}—{#else if value}yes{#else}no{/if}")
    String yes_no(Boolean value);

    @Message("{#when key}"
            + "{#is 'role'}Role{#is 'roleCitation'}Citation of the role{#is 'requiresApproval'}AFSA approval required"
            + "{#is 'holdersWithoutApproval'}Holders without AFSA approval"
            + "{#is 'departedPersonId'}Departed person (identifier){#is 'departedFullName'}Departed person"
            + "{#is 'departedOn'}Departed on{#is 'notificationPeriod'}Notification period"
            + "{#is 'notificationPeriodConfidence'}Confidence of the notification period"
            + "{#is 'controlledFunctions'}Controlled functions{#is 'problems'}Problems"
            + "{#is 'personId'}Person (identifier){#is 'fullName'}Full name{#is 'roles'}Roles"
            + "{#is 'disclosureKind'}Matter disclosed{#is 'occurredOn'}Occurred on{#is 'details'}Details"
            + "{#is 'individualNoticeDeadline'}The individual's notice due by{#is 'firmNoticeRule'}The firm's notice"
            + "{#is 'combinedRoles'}Combined roles{#is 'approvalSource'}Source of the approval"
            + "{#is 'boardSize'}Board size{#is 'independentDirectors'}Independent directors"
            + "{#is 'minimumFraction'}Minimum independent fraction{#is 'directors'}Directors"
            + "{#is 'thresholdsCrossedWithoutApproval'}Thresholds crossed without approval (%)"
            + "{#is 'controllerThresholdPct'}Controller threshold (%)"
            + "{#is 'controllerThresholdConfidence'}Confidence of the controller threshold"
            + "{#is 'afsaDecisionPeriod'}AFSA decision period{#is 'controllerId'}Controller (identifier)"
            + "{#is 'name'}Name{#is 'type'}Type{#is 'holdingPct'}Holding (%)"
            + "{#is 'previousHoldingPct'}Previous holding (%){#is 'newHoldingPct'}New holding (%)"
            + "{#is 'sourceOfWealthEvidence'}Source-of-wealth evidence{#is 'effectiveDate'}Effective date"
            + "{#is 'afsaApproval'}AFSA approval{#is 'residentInKazakhstan'}Resident in Kazakhstan"
            + "{#is 'seniority'}Seniority"
            + "{#else}{key}{/when}")
    String fact(String key);

    @Message("Signed: ______________________ (Compliance Officer / Senior Executive Officer)")
    String signature();

    @Message("Date: ______________")
    String date_line();

    @Message("Drafted {draftedAt} by licensing-service, notification {id}.")
    String drafted(String draftedAt, String id);
}
