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

    @Message("The statement, and the facts the firm or the rules described in words, are given as the service drafted them (in English).")
    String drafted_note();

    @Message("Signed: ______________________ (Compliance Officer / Senior Executive Officer)")
    String signature();

    @Message("Date: ______________")
    String date_line();

    @Message("Drafted {draftedAt} by licensing-service.")
    String drafted(String draftedAt);
}
