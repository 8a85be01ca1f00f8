package kz.aifc.licensing.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import kz.aifc.licensing.reports.NotificationDocuments;
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
    FirmViews views;

    @Inject
    NotificationDocuments documents;

    @GET
    @Path("/licence")
    @Operation(summary = "The firm's licence as registered",
            description = "Any role; firm-scoped roles see only their own firm.")
    public LicenceView licence(@PathParam("firmId") String firmId) {
        access.requireRead(firmId);
        return views.licence(firmId);
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
    public FitAndProperView fitAndProper(@PathParam("firmId") String firmId) {
        access.requireRead(firmId);
        return views.fitAndProper(firmId);
    }

    @GET
    @Path("/notifications")
    @Operation(summary = "Drafted AFSA notifications of the firm, newest first",
            description = "One draft per finding (id = the alert id): appointments, departures and vacancies, "
                    + "unfitness events, material matters, changes in control.")
    public List<NotificationSummary> notifications(@PathParam("firmId") String firmId) {
        access.requireRead(firmId);
        return views.notifications(firmId);
    }

    @GET
    @Path("/notifications/{id}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "One drafted AFSA notification: JSON, or a printable HTML document on Accept: text/html",
            description = "The printed document's labels, headings, facts and times are in English, Russian or "
                    + "Kazakh: `lang`, else Accept-Language, else English (JSON: `labelledFacts`); the drafted "
                    + "statement stays as drafted (English).")
    @APIResponse(responseCode = "200", description = "The draft", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationView.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "lang other than ru, kk or en (problem names `lang`)")
    @APIResponse(responseCode = "404", description = "The firm has no such draft")
    public Response notification(@PathParam("firmId") String firmId, @PathParam("id") String id,
            @Parameter(description = "Language of the printed document: ru, kk or en (default: Accept-Language, "
                    + "else en)") @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        access.requireRead(firmId);
        Locale locale = DraftLanguage.of(lang, headers);
        Map<String, Object> draft = views.draft(firmId, id);
        return DraftResponses.answer(headers, NotificationView.of(draft, locale), () -> documents.render(draft, locale));
    }
}
