package kz.aifc.notification.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import kz.aifc.platform.security.FirmAccess;
import kz.aifc.platform.security.Roles;

/**
 * Who is at the desk: {@code GET /me} for the page, and {@code GET /login}, which the identity provider's sign-in
 * (OpenID Connect authorization code flow, {@code quarkus.http.auth.permission.sign-in}) guards and which then
 * sends the person back to the desk. Signing out is {@code GET /logout} (quarkus-oidc's RP-initiated logout).
 */
@Path("/")
@Tag(name = "Dashboard")
public class SessionResource {

    private final SecurityIdentity identity;
    private final FirmAccess access;

    SessionResource(SecurityIdentity identity, FirmAccess access) {
        this.identity = identity;
        this.access = access;
    }

    /** The caller as the desk shows it; {@code session} is true when signed in through the identity provider. */
    public record Me(boolean signedIn, String name, List<String> roles, String firmId, boolean session) {
    }

    @GET
    @Path("me")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who is signed in", description = "Name, roles and firm of the session or bearer token; "
            + "signedIn is false for an anonymous caller.")
    public Me me() {
        if (identity.isAnonymous()) {
            return new Me(false, null, List.of(), null, false);
        }
        List<String> roles = Roles.ALL.stream().filter(identity::hasRole).sorted().toList();
        return new Me(true, identity.getPrincipal().getName(), roles, access.callerFirm(),
                identity.getCredential(IdTokenCredential.class) != null);
    }

    @GET
    @Path("login")
    @Authenticated
    @Operation(summary = "Sign in", description = "Goes through the identity provider's sign-in, then back to the desk.")
    public Response login() {
        return Response.seeOther(URI.create("/")).build();
    }
}
