package kz.aifc.notification.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import kz.aifc.notification.upstream.RefusalPage;
import kz.aifc.notification.upstream.Upstreams;
import kz.aifc.platform.api.Problem;

/**
 * {@code GET|POST /upstream/{service}/{path...}}: the drafted reports, cases and STR drafts of capital-, aml- and
 * licensing-service through the desk's own origin, as the signed-in person (their access token goes upstream), so
 * the browser never talks to another port. The upstream service decides who may see what; a browser tab that asked
 * for HTML gets a plain refusal page instead of its 401/403/404 problem.
 */
@Path("/upstream/{service}/{path: .+}")
@Tag(name = "Dashboard")
@Authenticated
public class UpstreamResource {

    /** Larger JSON bodies than any decision or request of the services. */
    private static final int MAX_BODY = 64 * 1024;

    private final Upstreams upstreams;
    private final SecurityIdentity identity;

    UpstreamResource(DashboardConfig config, SecurityIdentity identity) {
        DashboardConfig.ReportBaseUrls urls = config.reportBaseUrl();
        this.upstreams = new Upstreams(Map.of("capital", URI.create(urls.capital()), "aml", URI.create(urls.aml()),
                "licensing", URI.create(urls.fitAndProper())), config.upstreamTimeout());
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Read from a source service as the caller",
            description = "service is capital, aml or licensing; the path and query are the service's own. Answers "
                    + "the service's status and body; 400 for a path that is not a plain relative one, 404 for an "
                    + "unknown service, 502 when the service does not answer.")
    public CompletionStage<Response> get(@PathParam("service") String service, @Context HttpServerRequest request,
            @Context HttpHeaders headers) {
        return forward(service, request, headers, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send JSON to a source service as the caller",
            description = "As GET, with the JSON body passed on (at most 64 KiB).")
    public CompletionStage<Response> post(@PathParam("service") String service, @Context HttpServerRequest request,
            @Context HttpHeaders headers, byte[] body) {
        if (body != null && body.length > MAX_BODY) {
            return CompletableFuture.completedFuture(
                    problem(413, "Content Too Large", "the body is larger than 64 KiB"));
        }
        return forward(service, request, headers, body == null ? new byte[0] : body);
    }

    private CompletionStage<Response> forward(String service, HttpServerRequest request, HttpHeaders headers,
            byte[] body) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            return CompletableFuture.completedFuture(
                    problem(401, "Unauthorized", "sign in, or send a bearer token"));
        }
        // The request line as received (not a normalised form): what the caller asked for is what gets checked.
        String prefix = "/upstream/" + service + "/";
        String uri = request.uri() == null ? "" : request.uri();
        String rawPath = uri.indexOf('?') < 0 ? uri : uri.substring(0, uri.indexOf('?'));
        String relative = rawPath != null && rawPath.startsWith(prefix) ? rawPath.substring(prefix.length()) : "";
        boolean page = wantsPage(headers);
        Upstreams.Call call = new Upstreams.Call(service, relative, request.query(), body == null ? "GET" : "POST",
                headers.getHeaderString(HttpHeaders.ACCEPT), headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE),
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body, token.getToken());
        return upstreams.forward(call).thenApply(answer -> relay(answer, service, page));
    }

    private static Response relay(Upstreams.Answer answer, String service, boolean page) {
        if (answer.failure() != null) {
            return switch (answer.failure()) {
                case UNKNOWN_SERVICE -> problem(404, "Not Found", "no such service: one of capital, aml, licensing");
                case BAD_PATH -> Response.status(400).type(Problem.MEDIA_TYPE)
                        .entity(Problem.of(400, "Bad Request", "path: a plain relative path on the service",
                                List.of(new Problem.FieldError("path", "a plain relative path on the service"))))
                        .build();
                case UNAVAILABLE -> page ? html(502, RefusalPage.unavailable())
                        : problem(502, "Bad Gateway", "the " + service + " service did not answer; try again shortly");
            };
        }
        int status = answer.status();
        if (page && (status == 401 || status == 403 || status == 404)) {
            return html(status, RefusalPage.notEntitled(service));
        }
        Response.ResponseBuilder out = Response.status(status).entity(answer.body()).header("Cache-Control", "no-store");
        answer.headers().forEach(out::header);
        return out.build();
    }

    /** A tab the person opened (a link) asks for HTML first; the desk's own fetch() asks for JSON. */
    private static boolean wantsPage(HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }

    private static Response html(int status, String page) {
        return Response.status(status).type("text/html; charset=utf-8").header("Cache-Control", "no-store")
                .entity(page).build();
    }

    private static Response problem(int status, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).header("Cache-Control", "no-store")
                .entity(Problem.of(status, title, detail, List.of())).build();
    }
}
