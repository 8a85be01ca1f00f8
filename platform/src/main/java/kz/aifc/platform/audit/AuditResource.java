package kz.aifc.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.aifc.platform.security.Roles;

/** {@code GET /audit/verify}: recomputes the hash chain of the service's audit log. */
@Path("/audit/verify")
@Tag(name = "Audit")
public class AuditResource {

    private final AuditTrail trail;

    AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.REGULATOR })
    @Operation(summary = "Verify the audit log",
            description = "Recomputes every entry's SHA-256 over the previous hash and its content; names the first "
                    + "entry that does not match.")
    public AuditTrail.Verification verify() {
        return trail.verify();
    }
}
