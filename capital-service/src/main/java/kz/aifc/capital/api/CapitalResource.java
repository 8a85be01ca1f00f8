package kz.aifc.capital.api;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import kz.aifc.capital.reports.CapitalReports;
import kz.aifc.capital.reports.ReportDocuments;
import kz.aifc.capital.reports.ReportViews;
import kz.aifc.platform.report.DraftLanguage;
import kz.aifc.platform.report.DraftResponses;
import kz.aifc.platform.security.FirmAccess;
import kz.aifc.platform.security.Roles;

/**
 * Capital position and drafted AFSA reports (contract/README.md §2): JSON, or a printable document on Accept: text/html
 * in English, Russian or Kazakh ({@code lang}, else Accept-Language).
 */
@Path("/firms/{firmId}")
@RolesAllowed({ Roles.FIRM_REPORTER, Roles.COMPLIANCE_OFFICER, Roles.MLRO, Roles.REGULATOR, Roles.ADMIN })
@Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML })
public class CapitalResource {

    private static final String LANG = "Language of the printed document: ru, kk or en (default: Accept-Language, "
            + "else en)";

    private final CapitalReports reports;
    private final FirmAccess access;
    private final ReportDocuments documents;

    CapitalResource(CapitalReports reports, FirmAccess access, ReportDocuments documents) {
        this.reports = reports;
        this.access = access;
        this.documents = documents;
    }

    @GET
    @Path("/capital")
    @Operation(summary = "Latest capital position", description = "Capital resources (contract/README.md formula), the "
            + "requirement (highest base capital among the ACTIVE licence's activities, DAA 3.2(1)(b)) with its basis "
            + "and confidence, headroom %, the liquid assets test where configured, open alerts and the snapshot "
            + "history (late snapshots flagged). USD amounts are rounded half-even to cents for display only.")
    @APIResponse(responseCode = "400", description = "lang other than ru, kk or en (problem names `lang`)")
    @APIResponse(responseCode = "404", description = "No snapshot or licence is known for the firm")
    public Response position(@PathParam("firmId") String firmId,
            @Parameter(description = LANG) @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        access.requireRead(firmId);
        Locale locale = DraftLanguage.of(lang, headers);
        ReportViews.Position position = reports.position(firmId);
        return DraftResponses.answer(headers, position, () -> documents.position(position, locale));
    }

    @GET
    @Path("/reports/capital-breach-notice/{alertId}")
    @Operation(summary = "Drafted breach notice to AFSA", description = "The notification PRU(INV) 6.5 / GEN 6.2.3 "
            + "ask for, drafted from a CAP alert: the facts, the evidence, the deadline, and what the firm must add.")
    @APIResponse(responseCode = "400", description = "lang other than ru, kk or en (problem names `lang`)")
    @APIResponse(responseCode = "404", description = "Unknown firm, or no such alert for the firm")
    public Response breachNotice(@PathParam("firmId") String firmId, @PathParam("alertId") String alertId,
            @Parameter(description = LANG) @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        access.requireRead(firmId);
        Locale locale = DraftLanguage.of(lang, headers);
        ReportViews.BreachNotice notice = reports.breachNotice(firmId, alertId, locale);
        return DraftResponses.answer(headers, notice, () -> documents.breachNotice(notice, locale));
    }

    @GET
    @Path("/reports/quarterly")
    @Operation(summary = "Drafted quarterly return", description = "Capital resources calculation at the quarter's "
            + "last snapshot and the statement of compliance (DAA 2.13.11(1), 3.13.1(1)); the quarter is bounded in "
            + "Asia/Almaty.")
    @APIResponse(responseCode = "400", description = "quarter missing or not YYYY-Qn, or lang other than ru, kk or en "
            + "(problem names the parameter)")
    @APIResponse(responseCode = "404", description = "No snapshot or licence is known for the firm")
    public Response quarterly(@PathParam("firmId") String firmId,
            @Parameter(description = "Quarter as YYYY-Qn, e.g. 2026-Q3", example = "2026-Q3") @QueryParam("quarter") String quarter,
            @Parameter(description = LANG) @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        access.requireRead(firmId);
        Locale locale = DraftLanguage.of(lang, headers);
        ReportViews.QuarterlyReturn quarterly = reports.quarterly(firmId, quarter);
        return DraftResponses.answer(headers, quarterly, () -> documents.quarterlyReturn(quarterly, locale));
    }
}
