package kz.aifc.capital.api;

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

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import kz.aifc.capital.reports.CapitalReports;
import kz.aifc.platform.report.DraftResponses;
import kz.aifc.platform.security.FirmAccess;
import kz.aifc.platform.security.Roles;

/** Capital position and drafted AFSA reports (contract/README.md §2): JSON, or a printable document on Accept: text/html. */
@Path("/firms/{firmId}")
@RolesAllowed({ Roles.FIRM_REPORTER, Roles.COMPLIANCE_OFFICER, Roles.MLRO, Roles.REGULATOR, Roles.ADMIN })
@Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML })
public class CapitalResource {

    private final CapitalReports reports;
    private final FirmAccess access;
    private final Template position;
    private final Template breachNotice;
    private final Template quarterly;

    CapitalResource(CapitalReports reports, FirmAccess access,
            @Location("capital-position.html") Template position,
            @Location("breach-notice.html") Template breachNotice,
            @Location("quarterly-return.html") Template quarterly) {
        this.reports = reports;
        this.access = access;
        this.position = position;
        this.breachNotice = breachNotice;
        this.quarterly = quarterly;
    }

    @GET
    @Path("/capital")
    @Operation(summary = "Latest capital position", description = "Capital resources (contract/README.md formula), the "
            + "requirement (highest base capital among the ACTIVE licence's activities, DAA 3.2(1)(b)) with its basis "
            + "and confidence, headroom %, the liquid assets test where configured, open alerts and the snapshot "
            + "history (late snapshots flagged). USD amounts are rounded half-even to cents for display only.")
    @APIResponse(responseCode = "404", description = "No snapshot or licence is known for the firm")
    public Response position(@PathParam("firmId") String firmId, @Context HttpHeaders headers) {
        access.requireRead(firmId);
        return answer(headers, reports.position(firmId), position);
    }

    @GET
    @Path("/reports/capital-breach-notice/{alertId}")
    @Operation(summary = "Drafted breach notice to AFSA", description = "The notification PRU(INV) 6.5 / GEN 6.2.3 "
            + "ask for, drafted from a CAP alert: the facts, the evidence, the deadline, and what the firm must add.")
    @APIResponse(responseCode = "404", description = "Unknown firm, or no such alert for the firm")
    public Response breachNotice(@PathParam("firmId") String firmId, @PathParam("alertId") String alertId,
            @Context HttpHeaders headers) {
        access.requireRead(firmId);
        return answer(headers, reports.breachNotice(firmId, alertId), breachNotice);
    }

    @GET
    @Path("/reports/quarterly")
    @Operation(summary = "Drafted quarterly return", description = "Capital resources calculation at the quarter's "
            + "last snapshot and the statement of compliance (DAA 2.13.11(1), 3.13.1(1)); the quarter is bounded in "
            + "Asia/Almaty.")
    @APIResponse(responseCode = "400", description = "quarter missing or not YYYY-Qn (problem names `quarter`)")
    @APIResponse(responseCode = "404", description = "No snapshot or licence is known for the firm")
    public Response quarterly(@PathParam("firmId") String firmId,
            @Parameter(description = "Quarter as YYYY-Qn, e.g. 2026-Q3", example = "2026-Q3") @QueryParam("quarter") String quarter,
            @Context HttpHeaders headers) {
        access.requireRead(firmId);
        return answer(headers, reports.quarterly(firmId, quarter), quarterly);
    }

    private static Response answer(HttpHeaders headers, Object report, Template template) {
        return DraftResponses.answer(headers, report, () -> template.data(report).render());
    }
}
