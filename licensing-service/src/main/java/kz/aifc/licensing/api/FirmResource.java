package kz.aifc.licensing.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import kz.aifc.contract.v1.AlertRaised;
import kz.aifc.licensing.alerts.FitAndProperMonitor;
import kz.aifc.licensing.reports.NotificationDocuments;
import kz.aifc.licensing.rules.FirmFacts;
import kz.aifc.licensing.rules.Finding;
import kz.aifc.licensing.rules.MandatoryRole;
import kz.aifc.licensing.rules.PersonState;
import kz.aifc.licensing.store.FirmStateStore;
import kz.aifc.licensing.store.LicenceStore;
import kz.aifc.licensing.store.NotificationStore;
import kz.aifc.platform.alerts.AlertBook;
import kz.aifc.platform.api.ProblemException;
import kz.aifc.platform.report.DraftLanguage;
import kz.aifc.platform.report.DraftResponses;
import kz.aifc.platform.security.FirmAccess;
import kz.aifc.platform.security.Roles;

/** Read side per firm: the licence, the fit-and-proper picture and the drafted AFSA notifications. */
@Path("/firms/{firmId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.FIRM_REPORTER, Roles.COMPLIANCE_OFFICER, Roles.MLRO, Roles.REGULATOR, Roles.ADMIN})
public class FirmResource {

    @Inject
    FirmAccess access;

    @Inject
    LicenceStore licences;

    @Inject
    FirmStateStore state;

    @Inject
    NotificationStore notifications;

    @Inject
    AlertBook alerts;

    @Inject
    FitAndProperMonitor monitor;

    @Inject
    NotificationDocuments documents;

    @GET
    @Path("/licence")
    @Operation(summary = "The firm's licence as registered",
            description = "Any role; firm-scoped roles see only their own firm.")
    public LicenceView licence(@PathParam("firmId") String firmId) {
        access.requireRead(firmId);
        return licences.find(firmId).map(LicenceView::of)
                .orElseThrow(() -> ProblemException.notFound("firm " + firmId + " has no registered licence"));
    }

    @GET
    @Path("/fit-and-proper")
    @Operation(summary = "Each mandatory role with holder, approval, residency, vacancy and deadline; people, "
            + "controllers, disclosures and open FP findings",
            description = "Mandatory roles per rulebook FP-001 (the Chief IT Officer only for a DATF operator). "
                    + "A role is vacant when no current holder meets it (approval APPROVED where the role is a "
                    + "Controlled Function). vacantSince and deadline come from the open FP-001 alert. A firm whose "
                    + "licence is not registered yet is recorded but not monitored (monitored: false): no alerts, "
                    + "no deadlines.")
    public Map<String, Object> fitAndProper(@PathParam("firmId") String firmId) {
        access.requireRead(firmId);
        Optional<LicenceStore.StoredLicence> licence = licences.find(firmId);
        FirmFacts facts = monitor.facts(firmId);
        if (licence.isEmpty() && facts.people().isEmpty() && facts.controllers().isEmpty()) {
            throw ProblemException.notFound("firm " + firmId + " is unknown to licensing-service");
        }
        // Vacancies are facts either way; a deadline runs only for a firm on the register (see reassess).
        boolean monitored = licence.isPresent();
        Map<String, Finding> vacancies = new LinkedHashMap<>();
        monitor.rules().vacancies(facts, monitor.now()).forEach(f -> vacancies.put(f.alertId(), f));
        List<Map<String, Object>> roles = new ArrayList<>();
        for (MandatoryRole m : monitor.rules().rulebook().mandatoryRoles()) {
            if (m.datfOnly() && !facts.datf()) {
                continue;
            }
            String alertId = "FP-001:" + firmId + ":" + m.role().name();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("role", m.role().name());
            r.put("citation", m.citation());
            r.put("requiresApproval", m.requiresApproval());
            r.put("holders", facts.people().stream().filter(p -> p.holds(m.role())).map(FirmResource::person).toList());
            Finding vacancy = vacancies.get(alertId);
            r.put("vacant", vacancy != null);
            if (vacancy != null && monitored) {
                Optional<AlertRaised> open = alerts.find(alertId).filter(AlertBook.StoredAlert::open)
                        .map(AlertBook.StoredAlert::payload);
                r.put("alertId", alertId);
                r.put("vacantSince", open.map(a -> a.detectedAt().toString()).orElse(null));
                r.put("deadline", open.map(AlertRaised::regulatoryDeadline).orElse(vacancy.deadline()).toString());
                r.put("deadlineConfidence", "unverified");
                r.put("deadlineBasis", vacancy.deadlineBasis());
                r.put("report", "/firms/" + firmId + "/notifications/" + alertId);
            }
            roles.add(r);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("firmId", firmId);
        out.put("licence", licence.map(l -> Map.of("status", l.licence().status().name(),
                "activities", l.licence().activities(), "datfOperator", facts.datf())).orElse(null));
        out.put("rulebookVersion", monitor.rules().rulebook().version());
        out.put("monitored", monitored);
        out.put("staffReported", !facts.people().isEmpty());
        out.put("mandatoryRoles", roles);
        out.put("people", facts.people().stream().map(p -> {
            Map<String, Object> m = person(p);
            m.put("current", p.current());
            m.put("lastChange", p.lastChange().name());
            m.put("effectiveDate", p.effectiveDate().toString());
            return m;
        }).toList());
        out.put("disclosures", state.disclosures(firmId).stream().map(d -> Map.of("personId", d.personId(),
                "kind", d.disclosure().kind().name(), "occurredOn", d.disclosure().occurredOn().toString(),
                "details", d.disclosure().details())).toList());
        out.put("controllers", facts.controllers().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("controllerId", c.controllerId());
            m.put("name", c.name());
            m.put("type", c.type().name());
            m.put("holdingPct", c.holdingPct().toPlainString());
            m.put("afsaApproval", c.approval().name());
            m.put("sourceOfWealthEvidence", c.sourceOfWealthEvidence());
            m.put("thresholdsCrossedWithoutApproval", c.pendingThresholds().stream().map(b -> b.toPlainString()).toList());
            m.put("effectiveDate", c.effectiveDate().toString());
            return m;
        }).toList());
        out.put("openFindings", alerts.open(firmId, null).stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("alertId", a.alertId());
            m.put("ruleId", a.ruleId());
            m.put("severity", a.payload().severity().name());
            m.put("title", a.payload().title());
            m.put("detail", a.payload().detail());
            m.put("detectedAt", a.payload().detectedAt().toString());
            m.put("regulatoryDeadline", a.payload().regulatoryDeadline() == null ? null
                    : a.payload().regulatoryDeadline().toString());
            m.put("report", a.payload().links().get("report"));
            return m;
        }).toList());
        return out;
    }

    @GET
    @Path("/notifications")
    @Operation(summary = "Drafted AFSA notifications of the firm, newest first",
            description = "One draft per finding (id = the alert id): appointments, departures and vacancies, "
                    + "unfitness events, material matters, changes in control.")
    public List<Map<String, Object>> notifications(@PathParam("firmId") String firmId) {
        access.requireRead(firmId);
        return notifications.list(firmId).stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String k : List.of("id", "kind", "subject", "ruleId", "severity", "detectedAt", "regulatoryDeadline")) {
                m.put(k, d.get(k));
            }
            m.put("alertStatus", status(String.valueOf(d.get("id"))));
            m.put("href", "/firms/" + firmId + "/notifications/" + d.get("id"));
            return m;
        }).toList();
    }

    @GET
    @Path("/notifications/{id}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "One drafted AFSA notification: JSON, or a printable HTML document on Accept: text/html",
            description = "The printed document's labels and headings are in English, Russian or Kazakh: `lang`, "
                    + "else Accept-Language, else English; the drafted statement and facts stay as drafted.")
    @APIResponse(responseCode = "400", description = "lang other than ru, kk or en (problem names `lang`)")
    public Response notification(@PathParam("firmId") String firmId, @PathParam("id") String id,
            @Parameter(description = "Language of the printed document: ru, kk or en (default: Accept-Language, "
                    + "else en)") @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        access.requireRead(firmId);
        Locale locale = DraftLanguage.of(lang, headers);
        Map<String, Object> draft = new LinkedHashMap<>(notifications.find(firmId, id)
                .orElseThrow(() -> ProblemException.notFound("no drafted notification " + id + " for firm " + firmId)));
        draft.put("alertStatus", status(id));
        return DraftResponses.answer(headers, draft, () -> documents.render(draft, locale));
    }

    private String status(String alertId) {
        // GEN 6.2.1 appointment and departure notices are drafted without an alert.
        return alerts.find(alertId).map(a -> a.open() ? "OPEN" : "RESOLVED").orElse("NO_ALERT");
    }

    private static Map<String, Object> person(PersonState p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("personId", p.personId());
        m.put("fullName", p.fullName());
        m.put("roles", p.roles().stream().map(Enum::name).sorted().toList());
        m.put("afsaApproval", p.approval().name());
        m.put("residentInKazakhstan", p.resident());
        m.put("seniority", p.seniority().name());
        return m;
    }
}
