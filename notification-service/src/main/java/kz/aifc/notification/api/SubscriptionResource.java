package kz.aifc.notification.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import kz.aifc.contract.v1.Duty;
import kz.aifc.contract.v1.Severity;
import kz.aifc.notification.alerts.Viewer;
import kz.aifc.notification.webhooks.Signatures;
import kz.aifc.notification.webhooks.Subscription;
import kz.aifc.notification.webhooks.WebhookQueue;
import kz.aifc.platform.api.ProblemException;
import kz.aifc.platform.security.FirmAccess;
import kz.aifc.platform.security.Roles;

/** Webhook subscriptions and their delivery log. */
@Path("/subscriptions")
@Tag(name = "Webhooks")
@RolesAllowed({ Roles.COMPLIANCE_OFFICER, Roles.MLRO, Roles.REGULATOR, Roles.ADMIN })
public class SubscriptionResource {

    private final WebhookQueue queue;
    private final FirmAccess access;
    private final SecurityIdentity identity;

    SubscriptionResource(WebhookQueue queue, FirmAccess access, SecurityIdentity identity) {
        this.queue = queue;
        this.access = access;
        this.identity = identity;
    }

    /** A new subscription; the only time its secret is shown. */
    public record Created(UUID id, String url, String firmId, List<String> duties, List<String> severities,
            boolean seesAmlLinks, String createdBy, OffsetDateTime createdAt, String secret) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a webhook endpoint",
            description = "Each new or changed alert the subscriber may see (same visibility as GET /alerts) is POSTed "
                    + "as JSON {id, change, occurredAt, alert} with headers X-Signature: sha256=<hex HMAC-SHA256 of the "
                    + "body under the secret>, X-Signature-Timestamp (epoch seconds of the attempt), X-Delivery-Id and "
                    + "X-Delivery-Attempt. Any 2xx acknowledges; anything else is retried with exponential back-off "
                    + "from a persistent queue. The body's id is unique per delivery: use it to drop replays. The "
                    + "regulator may subscribe (it changes no firm's data); firm-scoped callers subscribe to their own "
                    + "firm. The secret is returned once.")
    public Response create(@Valid @NotNull SubscriptionRequest body) {
        URI url = url(body.url());
        Viewer viewer = Viewer.of(access::hasRole, access.callerFirm());
        String firmId = body.firmId() == null || body.firmId().isBlank() ? null : body.firmId().strip();
        if (viewer.firmId() != null) {
            if (firmId != null) {
                access.requireRead(firmId);
            }
            firmId = viewer.firmId();
        }
        List<String> duties = Filters.values(body.duties(), "duties", Filters.names(Duty.class));
        List<String> severities = Filters.values(body.severities(), "severities", Filters.names(Severity.class));
        String secret = body.secret() == null ? Signatures.newSecret() : body.secret();
        Subscription s = queue.create(url.toString(), secret, firmId, duties, severities, viewer.seesAmlLinks(),
                identity.getPrincipal().getName());
        Created created = new Created(s.id(), s.url(), s.firmId(), s.duties(), s.severities(), s.seesAmlLinks(),
                s.createdBy(), s.createdAt(), secret);
        return Response.created(URI.create("/subscriptions/" + s.id())).entity(created).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscriptions the caller may see (without secrets)")
    public List<Subscription> list() {
        return queue.list(Viewer.of(access::hasRole, access.callerFirm()).firmId());
    }

    @GET
    @Path("/{id}/deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Delivery log of one subscription, newest first",
            description = "Each delivery with its status (PENDING, DELIVERED, FAILED), next attempt, and every HTTP attempt.")
    public List<WebhookQueue.Delivery> deliveries(@PathParam("id") String id,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("id", "not a subscription id (UUID)");
        }
        Subscription s = queue.find(uuid).orElseThrow(() -> ProblemException.notFound("no subscription " + id));
        String own = Viewer.of(access::hasRole, access.callerFirm()).firmId();
        if (own != null && !own.equals(s.firmId())) {
            throw ProblemException.notFound("no subscription " + id);
        }
        return queue.deliveries(uuid, limit);
    }

    private static URI url(String text) {
        try {
            URI uri = new URI(text.strip());
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw ProblemException.badRequest("url", "must be an absolute http or https URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw ProblemException.badRequest("url", "not a URL: " + e.getReason());
        }
    }
}
