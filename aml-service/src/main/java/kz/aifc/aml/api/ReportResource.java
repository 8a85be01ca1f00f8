package kz.aifc.aml.api;

import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.aifc.aml.reports.AnnualReturnDraft;
import kz.aifc.aml.reports.AnnualReturns;
import kz.aifc.aml.reports.DraftDocuments;
import kz.aifc.aml.reports.ThresholdDraft;
import kz.aifc.aml.reports.ThresholdReports;
import kz.aifc.platform.report.DraftLanguage;
import kz.aifc.platform.report.DraftResponses;
import kz.aifc.platform.security.FirmAccess;
import kz.aifc.platform.security.Roles;

/**
 * Drafted reports that name no suspicion: threshold-transaction reports to the FIU and the annual AML return's figures
 * (aggregate counts only, so the compliance officer may read them too, without the STR count: tipping-off). JSON, or printable HTML on Accept: text/html,
 * in English, Russian or Kazakh ({@code lang}, else Accept-Language).
 */
@Path("/firms/{firmId}/reports")
@Tag(name = "Reports")
@RolesAllowed({Roles.MLRO, Roles.COMPLIANCE_OFFICER, Roles.REGULATOR, Roles.ADMIN})
@Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
public class ReportResource {

    private static final String LANG = "Language of the printed document: ru, kk or en (default: Accept-Language, "
            + "else en)";

    private final ThresholdReports threshold;
    private final AnnualReturns annual;
    private final FirmAccess access;
    private final DraftDocuments documents;

    ReportResource(ThresholdReports threshold, AnnualReturns annual, FirmAccess access, DraftDocuments documents) {
        this.threshold = threshold;
        this.annual = annual;
        this.access = access;
        this.documents = documents;
    }

    @GET
    @Path("threshold")
    @Operation(summary = "Threshold-transaction reports due on a date (Law 191-IV Art. 10(2))",
            description = "The AML-010 operations (offshore counterparty, KZT 5,000,000 or more) whose report to the FIU "
                    + "is due by close of business on `date` (YYYY-MM-DD, Asia/Almaty). JSON, or a printable document "
                    + "on Accept: text/html.")
    @APIResponse(responseCode = "200", description = "The reports due", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ThresholdDraft.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "date missing, not YYYY-MM-DD or outside the years 2000 to 2100, "
            + "or lang other than ru, kk or en (problem names the parameter)")
    public Response thresholdReports(@PathParam("firmId") String firmId,
            @Parameter(description = "YYYY-MM-DD, Asia/Almaty", example = "2026-11-23") @QueryParam("date") String date,
            @Parameter(description = LANG) @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        access.requireRead(firmId);
        Locale locale = DraftLanguage.of(lang, headers);
        ThresholdDraft draft = threshold.dueOn(firmId, QueryParams.date("date", date), locale);
        return DraftResponses.answer(headers, draft, () -> documents.thresholdReports(draft, locale));
    }

    @GET
    @Path("annual-aml-return")
    @Operation(summary = "Drafted annual AML return figures for a calendar year",
            description = "The counts DAA 2.13.11(2) / 3.13.1(2) list that the service can derive (domain-facts D4): "
                    + "STRs filed (cases the MLRO decided FILE_STR in the year), EDD clients, total clients (customers "
                    + "who transacted) and clients from high-risk jurisdictions (residency on a rulebook FATF list in "
                    + "force on a transaction date), each with its source and derivation; the rest of that list under "
                    + "toComplete for the firm. Year bounded in Asia/Almaty; due to AFSA within 2 months after the "
                    + "year end (D5). The AFSA form's own fields are unverified. Tipping-off: strsFiled is given to the "
                    + "firm's mlro and the regulator only; for the compliance officer and admin it is withheld (value "
                    + "null, withheld true, withheldReason). JSON, or a printable document on Accept: text/html.")
    @APIResponse(responseCode = "200", description = "The figures", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnualReturnDraft.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "year missing, not YYYY or outside 2000 to 2100, or lang other "
            + "than ru, kk or en (problem names the parameter)")
    public Response annualReturn(@PathParam("firmId") String firmId,
            @Parameter(description = "Calendar year YYYY", example = "2026") @QueryParam("year") String year,
            @Parameter(description = LANG) @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        access.requireRead(firmId);
        Locale locale = DraftLanguage.of(lang, headers);
        // Tipping-off: the STR count moves with each decision, so only the MLRO and the regulator read it.
        boolean withStrs = access.hasRole(Roles.MLRO) || access.hasRole(Roles.REGULATOR);
        AnnualReturnDraft draft = annual.draft(firmId, QueryParams.year("year", year), withStrs);
        return DraftResponses.answer(headers, draft, () -> documents.annualReturn(draft, locale));
    }
}
