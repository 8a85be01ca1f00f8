package kz.aifc.notification.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import kz.aifc.contract.v1.Duty;
import kz.aifc.contract.v1.Severity;
import kz.aifc.notification.alerts.AlertDesk;
import kz.aifc.notification.alerts.AlertView;
import kz.aifc.notification.alerts.Viewer;
import kz.aifc.notification.store.AlertStore;
import kz.aifc.notification.store.StoredAlert;
import kz.aifc.notification.stream.AlertStream;
import kz.aifc.platform.security.FirmAccess;
import kz.aifc.platform.security.Roles;

/** The alert desk over REST: list, read, acknowledge, resolve, and the live stream. */
@Path("/alerts")
@Tag(name = "Alerts")
public class AlertResource {

    static final int MAX_SIZE = 500;
    /** Deeper than any desk pages; keeps the offset a sane number. */
    static final int MAX_PAGE = 100_000;
    private static final List<String> STATUSES = List.of(StoredAlert.OPEN, StoredAlert.ACKNOWLEDGED, StoredAlert.RESOLVED);

    private final AlertStore store;
    private final AlertDesk desk;
    private final AlertStream stream;
    private final FirmAccess access;
    private final SecurityIdentity identity;

    AlertResource(AlertStore store, AlertDesk desk, AlertStream stream, FirmAccess access, SecurityIdentity identity) {
        this.store = store;
        this.desk = desk;
        this.stream = stream;
        this.access = access;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COMPLIANCE_OFFICER, Roles.MLRO, Roles.REGULATOR, Roles.ADMIN })
    @Operation(summary = "Alerts, newest first (by detectedAt), paged",
            description = "Every filter takes repeated or comma-separated values (status=OPEN,ACKNOWLEDGED). A firm-scoped "
                    + "caller (compliance-officer, mlro) sees its own firm only: firmId defaults to it and another firm "
                    + "answers 403. regulator and admin see every firm. firm-reporter has no access to alerts. AML alerts "
                    + "are shown to the firm's compliance officer in a restricted view (no detail, evidence, causedBy, "
                    + "links or resolution reason; `withheld` names them); mlro, regulator and admin see them in full.")
    public AlertPage list(@QueryParam("firmId") List<String> firmId,
            @Parameter(description = "CAPITAL, AML, FIT_AND_PROPER") @QueryParam("duty") List<String> duty,
            @Parameter(description = "OPEN, ACKNOWLEDGED, RESOLVED") @QueryParam("status") List<String> status,
            @Parameter(description = "CRITICAL, HIGH, MEDIUM, LOW") @QueryParam("severity") List<String> severity,
            @Parameter(description = "0-based page, 0 to " + MAX_PAGE, schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("page") String pageParam,
            @Parameter(description = "page size, 1 to " + MAX_SIZE, schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("size") String sizeParam) {
        int page = Filters.number(pageParam, "page", 0, 0, MAX_PAGE);
        int size = Filters.number(sizeParam, "size", 50, 1, MAX_SIZE);
        List<String> firms = Filters.values(firmId, "firmId", null);
        String own = viewer().firmId();
        if (own != null) {
            firms.forEach(access::requireRead);
            firms = List.of(own);
        }
        AlertStore.Page result = store.list(new AlertStore.Query(firms, Filters.values(duty, "duty", Filters.names(Duty.class)),
                Filters.values(status, "status", STATUSES), Filters.values(severity, "severity",
                        Filters.names(Severity.class)), page, size));
        Viewer viewer = viewer();
        return new AlertPage(result.items().stream().map(a -> AlertView.of(a, viewer.aml())).toList(), page,
                size, result.total());
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ Roles.COMPLIANCE_OFFICER, Roles.MLRO, Roles.REGULATOR, Roles.ADMIN })
    @Operation(summary = "Live stream of new and changed alerts (server-sent events)",
            description = "First a `ready` event (the stream is live from then on), then one `alert` event per change: "
                    + "data is {id, change (RAISED, UPDATED, REOPENED, ACKNOWLEDGED, RESOLVED, ESCALATED), occurredAt, "
                    + "alert}; the event id is alertId@version. A comment every 15 s keeps it open. Same visibility as "
                    + "GET /alerts. Send the token in the Authorization header: the dashboard reads the stream with "
                    + "fetch(), so no token ever travels in a URL.")
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        stream.add(sink, sse, viewer());
    }

    @GET
    @Path("/{alertId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COMPLIANCE_OFFICER, Roles.MLRO, Roles.REGULATOR, Roles.ADMIN })
    @Operation(summary = "One alert with its lifecycle")
    public AlertView get(@PathParam("alertId") String alertId) {
        StoredAlert alert = store.find(alertId, false).orElseThrow(AlertDesk::noSuchAlert);
        visible(alert.firmId());
        return AlertView.of(alert, viewer().aml());
    }

    @POST
    @Path("/{alertId}/acknowledge")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COMPLIANCE_OFFICER, Roles.MLRO, Roles.ADMIN })
    @Operation(summary = "Acknowledge an OPEN alert",
            description = "Records who and when; 409 when the alert is not OPEN. compliance-officer or mlro of the firm, or admin.")
    public AlertView acknowledge(@PathParam("alertId") String alertId) {
        return AlertView.of(desk.acknowledge(alertId, actor(), this::writable), viewer().aml());
    }

    @POST
    @Path("/{alertId}/resolve")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COMPLIANCE_OFFICER, Roles.MLRO, Roles.ADMIN })
    @Operation(summary = "Resolve an OPEN or ACKNOWLEDGED alert with a reason",
            description = "409 when it is already resolved. A later alert.raised for the same alertId reopens it.")
    public AlertView resolve(@PathParam("alertId") String alertId, @Valid @NotNull ResolveRequest body) {
        return AlertView.of(desk.resolve(alertId, actor(), body.reason().strip(), this::writable),
                viewer().aml());
    }

    /** Another firm's alert answers exactly like one that does not exist: no existence oracle, no firm named. */
    private void visible(String alertFirm) {
        if (!viewer().sees(alertFirm)) {
            throw AlertDesk.noSuchAlert();
        }
    }

    private void writable(String alertFirm) {
        visible(alertFirm);
        access.requireWrite(alertFirm);
    }

    private Viewer viewer() {
        return Viewer.of(access::hasRole, access.callerFirm());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
