package kz.aifc.notification.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import kz.aifc.contract.v1.Duty;
import kz.aifc.contract.v1.Severity;
import kz.aifc.notification.alerts.AmlView;
import kz.aifc.notification.alerts.Viewer;
import kz.aifc.notification.webhooks.Signatures;
import kz.aifc.notification.webhooks.Subscription;
import kz.aifc.notification.webhooks.TargetPolicy;
import kz.aifc.notification.webhooks.WebhookConfig;
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
    private final TargetPolicy targets;
    private final WebhookConfig config;
    private final FirmAccess access;
    private final SecurityIdentity identity;

    SubscriptionResource(WebhookQueue queue, TargetPolicy targets, WebhookConfig config, FirmAccess access,
            SecurityIdentity identity) {
        this.queue = queue;
        this.targets = targets;
        this.config = config;
        this.access = access;
        this.identity = identity;
    }

    /** A new subscription; the only time its secret is shown. */
    public record Created(UUID id, String url, String firmId, List<String> duties, List<String> severities,
            AmlView amlView, String createdBy, OffsetDateTime createdAt,
            @Schema(description = "The signing secret, in this answer only: it is stored encrypted and never shown again")
            String secret) {

        /** Never prints the secret. */
        @Override
        public String toString() {
            return "Created[id=" + id + ", url=" + url + ", firmId=" + firmId + "]";
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a webhook endpoint",
            description = "Each new or changed alert the subscriber may see (same visibility as GET /alerts) is POSTed "
                    + "as JSON {id, change, occurredAt, alert} with headers X-Signature: sha256=<hex HMAC-SHA256 of the "
                    + "body under the secret>, X-Signature-Timestamp (epoch seconds of the attempt), X-Timed-Signature: t=<those seconds>,v1=<hex "
                    + "HMAC-SHA256 of t + \".\" + body> (check it and the timestamp's age to refuse replays), X-Delivery-Id "
                    + "and X-Delivery-Attempt. Deliveries to one subscription go one at a time in order; a slow receiver "
                    + "delays only its own. Any 2xx acknowledges; anything else is retried with exponential back-off "
                    + "(less a random share, aifc.webhooks.retry-jitter) from a persistent queue. The body's id is unique per delivery: use it to drop replays. The "
                    + "regulator may subscribe (it changes no firm's data); firm-scoped callers subscribe to their own "
                    + "firm. The secret is returned in this answer only; it is stored encrypted (AES-256-GCM under the "
                    + "operator's aifc.webhooks.secret-key) and never logged or shown again. The URL is shown back as given, so "
                    + "it may not carry user:password@ (400) and should carry no token. The URL's host must resolve to public addresses only (checked "
                    + "again before every delivery) unless an operator allow-listed it; a firm holds at most "
                    + "aifc.webhooks.max-subscriptions-per-firm subscriptions (409 beyond); duties and severities list "
                    + "each value at most once.")
    public Response create(@Valid @NotNull SubscriptionRequest body) {
        URI url = url(body.url());
        checkTarget(url);
        Viewer viewer = Viewer.of(access::hasRole, access.callerFirm());
        String firmId = body.firmId() == null || body.firmId().isBlank() ? null : body.firmId().strip();
        if (viewer.firmId() != null) {
            if (firmId != null) {
                access.requireRead(firmId);
            }
            firmId = viewer.firmId();
        }
        List<String> duties = Filters.distinctValues(body.duties(), "duties", Filters.names(Duty.class));
        List<String> severities = Filters.distinctValues(body.severities(), "severities", Filters.names(Severity.class));
        String secret = body.secret() == null ? Signatures.newSecret() : body.secret();
        Subscription s;
        try {
            s = queue.create(url.toString(), secret, firmId, duties, severities, viewer.aml(),
                    identity.getPrincipal().getName(), config.maxSubscriptionsPerFirm());
        } catch (WebhookQueue.QuotaReached e) {
            throw ProblemException.conflict((firmId == null ? "the every-firm subscriptions" : "firm " + firmId)
                    + " already hold the quota of " + config.maxSubscriptionsPerFirm()
                    + " webhook subscriptions (aifc.webhooks.max-subscriptions-per-firm); delete one first");
        }
        Created created = new Created(s.id(), s.url(), s.firmId(), s.duties(), s.severities(), s.amlView(),
                s.createdBy(), s.createdAt(), secret);
        return Response.created(URI.create("/subscriptions/" + s.id())).entity(created).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscriptions the caller may see (without secrets)")
    public List<Subscription> list() {
        return queue.list(Viewer.of(access::hasRole, access.callerFirm()).firmId());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a subscription and drop its pending deliveries",
            description = "204 when deleted. compliance-officer and mlro delete their own firm's subscriptions, admin any, "
                    + "the regulator those it made; any other id answers 404 exactly as an unknown one.")
    @APIResponse(responseCode = "204", description = "Deleted, with its delivery log and pending deliveries")
    public Response delete(@PathParam("id") String id) {
        Subscription s = changeable(id);
        if (!queue.delete(s.id())) {
            throw unknownSubscription();
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/pause")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pause a subscription",
            description = "Changes keep being queued for it, but none is sent until it is resumed; then they go out in "
                    + "the order they were made (attempts and back-off as usual). Pausing a paused subscription changes "
                    + "nothing. Who may: as for DELETE; any other id answers 404 exactly as an unknown one. Audited.")
    public Subscription pause(@PathParam("id") String id) {
        return setPaused(id, true);
    }

    @POST
    @Path("/{id}/resume")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resume a paused subscription: its queued deliveries go out in order",
            description = "Who may: as for DELETE; any other id answers 404 exactly as an unknown one. Audited.")
    public Subscription resume(@PathParam("id") String id) {
        return setPaused(id, false);
    }

    @GET
    @Path("/{id}/deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Delivery log of one subscription, newest first",
            description = "Each delivery with its status (PENDING, DELIVERED, FAILED), next attempt, and every attempt with "
                    + "its outcome (DELIVERED, HTTP_3XX, HTTP_4XX, HTTP_5XX, TIMEOUT, CONNECTION_FAILED, UNKNOWN_HOST, "
                    + "REFUSED_ADDRESS) and the receiver's status code if it answered. Another firm's subscription "
                    + "answers 404 exactly as an unknown one.")
    public List<WebhookQueue.Delivery> deliveries(@PathParam("id") String id,
            @Parameter(description = "most recent deliveries to show, 1 to 1000", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("limit") String limit) {
        int max = Filters.number(limit, "limit", 100, 1, 1000);
        return queue.deliveries(visible(id).id(), max);
    }

    private Subscription setPaused(String id, boolean paused) {
        return queue.pause(changeable(id).id(), paused, identity.getPrincipal().getName())
                .orElseThrow(SubscriptionResource::unknownSubscription);
    }

    /** The subscription if the caller may change it (the regulator only those it made); else as an unknown id. */
    private Subscription changeable(String id) {
        Subscription s = visible(id);
        if (access.hasRole(Roles.REGULATOR) && !access.hasRole(Roles.ADMIN)
                && !s.createdBy().equals(identity.getPrincipal().getName())) {
            throw unknownSubscription();
        }
        return s;
    }

    /** The subscription if the caller may see it; another firm's answers exactly like an unknown id. */
    private Subscription visible(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("id", "not a subscription id (UUID)");
        }
        Subscription s = queue.find(uuid).orElseThrow(SubscriptionResource::unknownSubscription);
        String own = Viewer.of(access::hasRole, access.callerFirm()).firmId();
        if (own != null && !own.equals(s.firmId())) {
            throw unknownSubscription();
        }
        return s;
    }

    private static ProblemException unknownSubscription() {
        return ProblemException.notFound("no such subscription");
    }

    /** Refuses a URL whose host resolves to an internal address (unless allow-listed), naming only the field. */
    private void checkTarget(URI url) {
        try {
            targets.check(url);
        } catch (TargetPolicy.RefusedTarget e) {
            throw ProblemException.badRequest("url", switch (e.refusal()) {
                case NOT_HTTP -> "must be an absolute http or https URL";
                case UNKNOWN_HOST -> "the host name does not resolve";
                case INTERNAL_ADDRESS -> "the host is or resolves to a loopback, private, link-local or other non-public "
                        + "address, which webhooks may not reach unless an operator allow-lists it";
            });
        }
    }

    private static URI url(String text) {
        URI url;
        try {
            url = new URI(text.strip());
        } catch (java.net.URISyntaxException e) {
            throw ProblemException.badRequest("url", "not a URL: " + e.getReason());
        }
        if (url.getRawUserInfo() != null) {
            // It would be shown back by GET /subscriptions; receivers authenticate deliveries by X-Signature instead.
            throw ProblemException.badRequest("url", "must not carry credentials (user:password@); the receiver "
                    + "checks X-Signature instead");
        }
        return url;
    }
}
