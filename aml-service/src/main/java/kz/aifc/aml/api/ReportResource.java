package kz.aifc.aml.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.aifc.aml.reports.ThresholdReports;
import kz.aifc.platform.api.ProblemException;
import kz.aifc.platform.security.FirmAccess;
import kz.aifc.platform.security.Roles;

/** Drafted FIU reports that are not about suspicion: threshold-transaction reports. */
@Path("/firms/{firmId}/reports")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ThresholdReports threshold;
    private final FirmAccess access;

    ReportResource(ThresholdReports threshold, FirmAccess access) {
        this.threshold = threshold;
        this.access = access;
    }

    @GET
    @Path("threshold")
    @RolesAllowed({Roles.MLRO, Roles.COMPLIANCE_OFFICER, Roles.REGULATOR, Roles.ADMIN})
    @Operation(summary = "Threshold-transaction reports due on a date (Law 191-IV Art. 10(2))",
            description = "The AML-010 operations (offshore counterparty, KZT 5,000,000 or more) whose report to the FIU "
                    + "is due by close of business on `date` (YYYY-MM-DD, Asia/Almaty).")
    public Map<String, Object> thresholdReports(@PathParam("firmId") String firmId, @QueryParam("date") String date) {
        access.requireRead(firmId);
        if (date == null) {
            throw ProblemException.badRequest("date", "required, YYYY-MM-DD");
        }
        try {
            return threshold.dueOn(firmId, LocalDate.parse(date));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("date", "must be a date YYYY-MM-DD");
        }
    }
}
