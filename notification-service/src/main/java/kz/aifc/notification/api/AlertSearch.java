package kz.aifc.notification.api;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import kz.aifc.contract.v1.Duty;
import kz.aifc.contract.v1.Severity;
import kz.aifc.notification.store.AlertStore;
import kz.aifc.notification.store.StoredAlert;
import kz.aifc.platform.api.ProblemException;
import kz.aifc.platform.security.FirmAccess;

/**
 * The filters of the alert history, shared by {@code GET /alerts} and its CSV export so that an export is exactly the
 * view on screen: every status, resolved alerts included, unless {@code status} narrows it.
 */
public class AlertSearch {

    private static final List<String> STATUSES = List.of(StoredAlert.OPEN, StoredAlert.ACKNOWLEDGED, StoredAlert.RESOLVED);
    /** A rule id: CAP-001, AML-005, FP-008. */
    private static final Pattern RULE = Pattern.compile("[A-Z][A-Z0-9]{0,15}(-[A-Z0-9]{1,16}){0,3}");

    @QueryParam("firmId")
    @Parameter(description = "A firm-scoped caller's own firm is the default and the only one allowed (another is 403)")
    List<String> firmId;

    @QueryParam("duty")
    @Parameter(description = "CAPITAL, AML, FIT_AND_PROPER")
    List<String> duty;

    @QueryParam("status")
    @Parameter(description = "OPEN, ACKNOWLEDGED, RESOLVED; absent means all three")
    List<String> status;

    @QueryParam("severity")
    @Parameter(description = "CRITICAL, HIGH, MEDIUM, LOW")
    List<String> severity;

    @QueryParam("ruleId")
    @Parameter(description = "Rule ids such as CAP-001, AML-005, FP-008 (any case)")
    List<String> ruleId;

    @QueryParam("from")
    @Parameter(description = "Detected at or after: a day (2026-12-05, from its first moment in Astana time) or an "
            + "RFC 3339 date-time with offset", schema = @Schema(type = SchemaType.STRING))
    String from;

    @QueryParam("to")
    @Parameter(description = "Detected at or before: a day (2026-12-05, the whole day in Astana time) or an RFC 3339 "
            + "date-time with offset; not before from", schema = @Schema(type = SchemaType.STRING))
    String to;

    /**
     * The store's query for this search as {@code ownFirm} may run it: a firm-scoped caller (non-null {@code ownFirm})
     * is held to its own firm, and naming another is a 403 from {@code access}.
     */
    AlertStore.Query query(String ownFirm, FirmAccess access, int page, int size) {
        List<String> firms = Filters.values(firmId, "firmId", null);
        if (ownFirm != null) {
            firms.forEach(access::requireRead);
            firms = List.of(ownFirm);
        }
        Instant start = Filters.startOf(from, "from");
        Instant end = Filters.endOf(to, "to");
        if (start != null && end != null && !start.isBefore(end)) {
            throw ProblemException.badRequest("to", "before from (expected a range from … to, in that order)");
        }
        return new AlertStore.Query(firms, Filters.values(duty, "duty", Filters.names(Duty.class)),
                Filters.values(status, "status", STATUSES), Filters.values(severity, "severity",
                        Filters.names(Severity.class)), Filters.codes(ruleId, "ruleId", RULE, "CAP-001"), start, end,
                page, size);
    }
}
