package kz.aifc.licensing.reports;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.StaffChange;
import kz.aifc.contract.v1.StaffChangeKind;
import kz.aifc.licensing.rules.Obligation;
import kz.aifc.platform.report.DraftFormat;
import kz.aifc.platform.report.DraftLabels;
import kz.aifc.platform.rules.Finding;
import kz.aifc.licensing.rules.NotificationKind;

/** Drafts the AFSA notification a finding calls for: facts, citation, deadline and a statement to review. */
public final class NotificationDrafts {

    public static final String ADDRESSEE = "AIFC Financial Services Authority (AFSA), Supervision";
    public static final String BANNER = "DRAFT — review before submission";

    private NotificationDrafts() {
    }

    /** The report path an alert links to. */
    public static String link(String firmId, String alertId) {
        return "/firms/" + firmId + "/notifications/" + alertId;
    }

    public static Map<String, Object> draft(Finding<Obligation> f, AlertRaised alert, Optional<LicenceChanged> licence,
            OffsetDateTime now) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", alert.alertId());
        d.put("status", "DRAFT");
        d.put("banner", BANNER);
        d.put("kind", f.duty().notification().name());
        d.put("heading", f.duty().notification().heading());
        d.put("firmId", f.firmId());
        d.put("firmName", licence.map(LicenceChanged::firmName).orElse(null));
        d.put("licenceNumber", licence.map(LicenceChanged::licenceNumber).orElse(null));
        d.put("addressee", ADDRESSEE);
        d.put("subject", alert.title());
        d.put("ruleId", alert.ruleId());
        d.put("rulebookVersion", alert.rulebookVersion());
        d.put("citation", alert.citation());
        d.put("confidence", f.rule().confidence());
        d.put("severity", alert.severity().name());
        d.put("detectedAt", alert.detectedAt().toString());
        d.put("regulatoryDeadline", alert.regulatoryDeadline() == null ? null : alert.regulatoryDeadline().toString());
        d.put("deadlineBasis", alert.deadlineBasis());
        d.put("facts", alert.evidence());
        d.put("statement", statement(f, alert, licence));
        d.put("causedBy", alert.causedBy());
        d.put("draftedAt", now.toString());
        return d;
    }

    /**
     * GEN 6.2.1 notice of a change in a firm's Approved Individuals (an appointment to, or departure from, a
     * Controlled Function): drafted for every such event, whether or not a rule found a breach.
     */
    public static Map<String, Object> staffNotice(StaffChange e, Set<Role> controlled, Optional<LicenceChanged> licence,
            String rulebookVersion, OffsetDateTime now) {
        boolean appointed = e.change() == StaffChangeKind.APPOINTED;
        String firm = licence.map(l -> l.firmName() + " (licence " + l.licenceNumber() + ", firm " + e.firmId() + ")")
                .orElse("firm " + e.firmId());
        String codes = controlled.stream().sorted().map(Enum::name).reduce((a, b) -> a + ", " + b).orElse("");
        DraftLabels english = DraftLabels.shared(Locale.ENGLISH);
        String roles = controlled.stream().sorted().map(r -> english.value(r.name())).reduce((a, b) -> a + ", " + b)
                .orElse("");
        String from = DraftFormat.date(e.effectiveDate(), Locale.ENGLISH);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("personId", e.personId());
        facts.put("fullName", e.fullName());
        facts.put("controlledFunctions", codes);
        facts.put("afsaApproval", e.afsaApproval().name());
        facts.put("residentInKazakhstan", e.residentInKazakhstan());
        facts.put("seniority", e.seniority().name());
        facts.put("effectiveDate", e.effectiveDate().toString());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", staffNoticeId(e));
        d.put("status", "DRAFT");
        d.put("banner", BANNER);
        d.put("kind", appointed ? "APPOINTMENT" : "DEPARTURE");
        d.put("heading", appointed ? NotificationKind.APPOINTMENT.heading() : NotificationKind.DEPARTURE.heading());
        d.put("firmId", e.firmId());
        d.put("firmName", licence.map(LicenceChanged::firmName).orElse(null));
        d.put("licenceNumber", licence.map(LicenceChanged::licenceNumber).orElse(null));
        d.put("addressee", ADDRESSEE);
        d.put("subject", (appointed ? "Appointment of " : "Departure of ") + e.fullName() + " (" + roles + ")");
        d.put("ruleId", "GEN-6.2.1");
        d.put("rulebookVersion", rulebookVersion);
        d.put("citation", "AIFC GEN 6.2.1; GEN 2.2");
        d.put("confidence", "verified");
        d.put("severity", null);
        d.put("detectedAt", now.toString());
        d.put("regulatoryDeadline", null);
        d.put("deadlineBasis", "Reasonable advance notice of a change in an Approved Individual (GEN 6.2.1); no fixed "
                + "period found in AIFC text (domain-facts D10, G2).");
        d.put("facts", facts);
        d.put("statement", List.of(appointed
                ? firm + " notifies the AFSA of the appointment of " + e.fullName() + " to " + roles
                        + " with effect from " + from + ". AFSA approval status: " + english.value(e.afsaApproval().name())
                        + ". The individual will not perform a Controlled Function before the AFSA approves it (GEN 2.2)."
                : firm + " notifies the AFSA that " + e.fullName() + " ceased to hold " + roles + " with effect from "
                        + from + " and asks the AFSA to withdraw the approval for those Controlled Functions.",
                "Deadline basis: " + d.get("deadlineBasis")));
        d.put("causedBy", List.of());
        d.put("draftedAt", now.toString());
        return d;
    }

    public static String staffNoticeId(StaffChange e) {
        return "GEN-6.2.1:" + e.firmId() + ":" + e.personId() + ":" + e.change() + ":" + e.effectiveDate();
    }

    private static List<String> statement(Finding<Obligation> f, AlertRaised alert, Optional<LicenceChanged> licence) {
        String firm = licence.map(l -> l.firmName() + " (licence " + l.licenceNumber() + ", firm " + f.firmId() + ")")
                .orElse("firm " + f.firmId());
        Map<String, Object> e = alert.evidence();
        List<String> out = new ArrayList<>();
        switch (f.duty().notification()) {
            case DEPARTURE -> {
                out.add(firm + " notifies the AFSA under GEN 6.2.1 of a change in its Approved Individuals: "
                        + alert.detail());
                out.add("The role is one the firm must fill at all times (" + e.getOrDefault("roleCitation", alert.citation())
                        + "). The firm is appointing a replacement and will apply for approval of the Controlled "
                        + "Function under GEN 2.2 where the role requires it.");
            }
            case APPOINTMENT -> {
                out.add(firm + " notifies the AFSA concerning the appointment of an individual to a Controlled Function: "
                        + alert.detail());
                out.add("The firm will ensure the individual does not perform the function until the AFSA has approved "
                        + "the application (GEN 2.2.5-1).");
            }
            case UNFITNESS_EVENT -> {
                out.add(firm + " notifies the AFSA immediately under GEN 6.2.3 of a matter affecting the fitness and "
                        + "propriety of an individual: " + alert.detail());
                Object due = e.get("individualNoticeDeadline");
                out.add("The individual must also notify the AFSA; the firm has recorded that notice as due by "
                        + (due == null ? "(see deadline)" : DraftFormat.dateTimeText(due.toString(), Locale.ENGLISH)
                                + " Astana time") + " (AFSA F&P Guidance 5.4).");
            }
            case MATERIAL_MATTER -> out.add(firm + " notifies the AFSA of a material matter: " + alert.detail());
            case CHANGE_IN_CONTROL -> {
                out.add(firm + " notifies the AFSA of a change in control: " + alert.detail());
                out.add("Where prior approval is required (GEN 3.2), the proposed Controller applies to the AFSA, "
                        + "which decides within " + e.getOrDefault("afsaDecisionPeriod", "30 days")
                        + " of a complete application; a decrease is notified under GEN 3.3.1.");
            }
            default -> out.add(alert.detail());
        }
        if (alert.deadlineBasis() != null) {
            out.add("Deadline basis: " + alert.deadlineBasis());
        }
        return out;
    }
}
