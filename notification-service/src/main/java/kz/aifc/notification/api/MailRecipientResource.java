package kz.aifc.notification.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import kz.aifc.contract.FirmLanes;
import kz.aifc.notification.mail.MailConfig;
import kz.aifc.notification.mail.MailQueue;
import kz.aifc.platform.api.ProblemException;
import kz.aifc.platform.security.Roles;

/**
 * Where a firm's alert mail goes, per role, and what was sent. Kept in the database rather than in configuration so an
 * administrator changes it without a restart, each change audited; only the admin, since the addresses decide who
 * learns of an AML suspicion.
 */
@Path("/firms/{firmId}")
@Tag(name = "Alert mail")
@RolesAllowed(Roles.ADMIN)
public class MailRecipientResource {

    /** A plain address: local part, @, a domain of dot-separated labels; no display name, no spaces or line breaks. */
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private final MailQueue mail;
    private final MailConfig config;
    private final SecurityIdentity identity;

    MailRecipientResource(MailQueue mail, MailConfig config, SecurityIdentity identity) {
        this.mail = mail;
        this.config = config;
        this.identity = identity;
    }

    @GET
    @Path("/mail-recipients")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The firm's alert mail addresses by role")
    public MailQueue.Recipients get(@PathParam("firmId") String firmId) {
        return mail.recipients(firm(firmId));
    }

    @PUT
    @Path("/mail-recipients")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the firm's alert mail addresses",
            description = "Mail goes out for a CRITICAL alert raised or raised again, and for every escalation (not "
                    + "acknowledged in time, deadline within the window, deadline passed), once per alert, event and "
                    + "address. An AML alert's substance goes only to MLRO addresses; compliance officer addresses get "
                    + "the restricted view. Each list holds plain addresses (name@domain.tld), each once, at most "
                    + "aifc.mail.max-addresses-per-role; a missing list means none. The change is audited.")
    public MailQueue.Recipients put(@PathParam("firmId") String firmId, @NotNull MailQueue.Recipients body) {
        String firm = firm(firmId);
        MailQueue.Recipients wanted = new MailQueue.Recipients(addresses(body.complianceOfficer(), "complianceOfficer"),
                addresses(body.mlro(), "mlro"));
        return mail.replace(firm, wanted, identity.getPrincipal().getName());
    }

    @GET
    @Path("/mail-deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The firm's alert mail log, newest first",
            description = "Each mail with its recipient, subject, status (PENDING, SENT, FAILED), attempts and the "
                    + "outcome of the latest (SENT, SMTP_UNAVAILABLE).")
    public List<MailQueue.Sent> deliveries(@PathParam("firmId") String firmId,
            @Parameter(description = "most recent mails to show, 1 to 1000", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("limit") String limit) {
        return mail.log(firm(firmId), Filters.number(limit, "limit", 100, 1, 1000));
    }

    private static String firm(String firmId) {
        if (!FirmLanes.laneable(firmId)) {
            throw ProblemException.badRequest("firmId", "a firm id: letters, digits, '_' and '-', 1 to 100 of them");
        }
        return firmId;
    }

    private List<String> addresses(List<String> given, String field) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > config.maxAddressesPerRole()) {
            throw ProblemException.badRequest(field, "at most " + config.maxAddressesPerRole() + " addresses");
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : given) {
            String address = raw == null ? "" : raw.strip();
            if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
                throw ProblemException.badRequest(field, "not a plain e-mail address (name@domain.tld): "
                        + (address.length() > 60 ? address.substring(0, 60) + "…" : address));
            }
            if (!seen.add(address.toLowerCase(java.util.Locale.ROOT))) {
                throw ProblemException.badRequest(field, "lists " + address + " twice");
            }
            out.add(address);
        }
        return out;
    }
}
