package kz.aifc.licensing.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.security.identity.SecurityIdentity;
import kz.aifc.licensing.licences.LicenceRegister;
import kz.aifc.licensing.licences.LicenceRequest;
import kz.aifc.licensing.licences.LicenceValidator;
import kz.aifc.platform.security.Roles;

/** The licence register over REST: only the operator ({@code admin}) registers and varies licences. */
@Path("/licences")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LicenceResource {

    @Inject
    LicenceRegister register;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a firm's licence",
            description = "Role admin only: the register is run by the operator from AFSA's licensing decisions; firms "
                    + "and the regulator cannot write it. Stores the licence and publishes kz.aifc.licence.changed.v1 on "
                    + "aifc.licences (compacted, key = firm id) in the same transaction (outbox).")
    @APIResponse(responseCode = "201", description = "Registered; Location is GET /firms/{firmId}/licence",
            content = @Content(schema = @Schema(implementation = LicenceView.class)))
    @APIResponse(responseCode = "400", description = "problem+json naming each invalid field")
    @APIResponse(responseCode = "409", description = "The firm, or the licence number, is already registered")
    public Response register(LicenceRequest request) {
        LicenceView view = LicenceView.of(register.register(LicenceValidator.validate(request, null), actor()));
        return Response.created(URI.create("/firms/" + view.firmId() + "/licence")).entity(view).build();
    }

    @PUT
    @Path("/{firmId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Vary a firm's licence (status, activities, conditions …)",
            description = "Role admin only. Replaces the licence as a whole and publishes kz.aifc.licence.changed.v1.")
    @APIResponse(responseCode = "200", description = "Varied")
    @APIResponse(responseCode = "400", description = "problem+json naming each invalid field")
    @APIResponse(responseCode = "404", description = "The firm has no licence yet (use POST)")
    public LicenceView vary(@PathParam("firmId") String firmId, LicenceRequest request) {
        return LicenceView.of(register.vary(LicenceValidator.validate(request, firmId), actor()));
    }

    private String actor() {
        return identity.getPrincipal() == null ? "admin" : identity.getPrincipal().getName();
    }
}
