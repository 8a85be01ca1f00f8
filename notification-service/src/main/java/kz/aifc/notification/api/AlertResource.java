package kz.aifc.notification.api;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import kz.aifc.contract.CloudEvent;
import kz.aifc.notification.alerts.AlertDesk;
import kz.aifc.notification.alerts.AlertHistory;
import kz.aifc.notification.alerts.AlertTimeline;
import kz.aifc.notification.alerts.AlertView;
import kz.aifc.notification.alerts.Viewer;
import kz.aifc.notification.store.AlertStore;
import kz.aifc.notification.store.StoredAlert;
import kz.aifc.notification.stream.AlertStream;
import kz.aifc.platform.api.ProblemException;
import kz.aifc.platform.security.FirmAccess;
import kz.aifc.platform.security.Roles;

/**
 * The alert desk over REST: search the alerts and their history, export a view as CSV, read one with its timeline,
 * acknowledge, resolve, and the live stream.
 */
@Path("/alerts")
@Tag(name = "Alerts")
public class AlertResource {

    static final int MAX_SIZE = 500;
    /** Deeper than any desk pages; keeps the offset a sane number. */
    static final int MAX_PAGE = 100_000;

    private final AlertStore store;
    private final AlertDesk desk;
    private final AlertStream stream;
    private final FirmAccess access;
    private final SecurityIdentity identity;
    private final AlertHistory history;
    private final ExportConfig exportConfig;

    AlertResource(AlertStore store, AlertDesk desk, AlertStream stream, FirmAccess access, SecurityIdentity identity,
            AlertHistory history, ExportConfig exportConfig) {
        this.store = store;
        this.history = history;
        this.exportConfig = exportConfig;
        this.desk = desk;
        this.stream = stream;
        this.access = access;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COMPLIANCE_OFFICER, Roles.MLRO, Roles.REGULATOR, Roles.ADMIN })
    @Operation(summary = "Alerts and their history, newest first (by detectedAt, then alertId), paged",
            description = "Open, acknowledged and resolved alerts alike (status narrows it), by firm, duty, rule, "
                    + "severity and detection time (from, to). Every list filter takes repeated or comma-separated "
                    + "values (status=OPEN,ACKNOWLEDGED). A firm-scoped caller (compliance-officer, mlro) sees its own "
                    + "firm only: firmId defaults to it and another firm answers 403. regulator and admin see every "
                    + "firm. firm-reporter has no access to alerts. AML alerts are shown to the firm's compliance "
                    + "officer in a restricted view (no detail, evidence, causedBy, links or resolution reason; "
                    + "`withheld` names them); mlro, regulator and admin see them in full. A bad parameter is a 400 "
                    + "problem naming it.")
    public AlertPage list(@BeanParam AlertSearch search,
            @Parameter(description = "0-based page, 0 to " + MAX_PAGE, schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("page") String pageParam,
            @Parameter(description = "page size, 1 to " + MAX_SIZE, schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("size") String sizeParam) {
        int page = Filters.number(pageParam, "page", 0, 0, MAX_PAGE);
        int size = Filters.number(sizeParam, "size", 50, 1, MAX_SIZE);
        Viewer viewer = viewer();
        AlertStore.Page result = store.list(search.query(viewer.firmId(), access, page, size));
        return new AlertPage(result.items().stream().map(a -> AlertView.of(a, viewer.aml())).toList(), page,
                size, result.total());
    }

    @GET
    @Path("/export")
    @Produces(AlertCsv.MEDIA_TYPE)
    @RolesAllowed({ Roles.COMPLIANCE_OFFICER, Roles.MLRO, Roles.REGULATOR, Roles.ADMIN })
    @Operation(summary = "The same view as GET /alerts (same filters, same order, every page) as a CSV file",
            description = "text/csv in UTF-8 with a byte-order mark (so Excel reads Cyrillic), comma-separated, every "
                    + "cell quoted, a header row, times in Astana time (yyyy-MM-dd HH:mm:ss, UTC+05:00). A cell that "
                    + "starts with = + - @, a tab or a carriage return is prefixed with an apostrophe so that no "
                    + "spreadsheet runs it as a formula. Same roles, firm scoping and AML view as GET /alerts (a "
                    + "withheld field is empty and named in the `withheld` column). At most aifc.export.max-rows "
                    + "alerts (10,000 unless configured): a view holding more answers a 400 problem naming `from`, "
                    + "to be narrowed. X-Total-Count carries the number of rows.")
    @APIResponse(responseCode = "200", description = "the CSV file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response export(@BeanParam AlertSearch search) {
        Viewer viewer = viewer();
        int max = exportConfig.maxRows();
        AlertStore.Query query = search.query(viewer.firmId(), access, 0, max);
        long total = store.count(query);
        if (total > max) {
            throw ProblemException.badRequest("from", "the view holds " + total + " alerts, more than the " + max
                    + " one export carries; narrow it (from, to, firmId, status …)");
        }
        List<AlertView> rows = store.list(query).items().stream().map(a -> AlertView.of(a, viewer.aml())).toList();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now(CloudEvent.ALMATY));
        return Response.ok(AlertCsv.write(rows), AlertCsv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"alerts-" + stamp + ".csv\"")
                .header("X-Total-Count", rows.size())
                .build();
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

    @GET
    @Path("/{alertId}/timeline")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COMPLIANCE_OFFICER, Roles.MLRO, Roles.REGULATOR, Roles.ADMIN })
    @Operation(summary = "One alert and its timeline: raised, updated, reopened, acknowledged, escalated, resolved",
            description = "Read from the hash-chained audit log, oldest step first, with who (a person, the source "
                    + "service or the escalation clock) and why, across every lifecycle of the alert (a reopened "
                    + "alert keeps its earlier ones here). Same visibility as GET /alerts/{alertId}; on an AML alert "
                    + "a compliance officer gets a neutral text for every resolution reason (`reasonWithheld`).")
    public AlertTimeline timeline(@PathParam("alertId") String alertId) {
        StoredAlert alert = store.find(alertId, false).orElseThrow(AlertDesk::noSuchAlert);
        visible(alert.firmId());
        return history.timeline(alert, viewer().aml());
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
