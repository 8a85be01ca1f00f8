package kz.aifc.platform.rulebook;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

/** {@code GET /rulebook}: the rules in force with their parameters, citations, confidence and effective dates. */
@Path("/rulebook")
@Tag(name = "Rulebook")
@Authenticated
public class RulebookResource {

    private final RulebookView view;

    RulebookResource(RulebookSource rulebook) {
        this.view = RulebookView.of(rulebook.rulebook());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The rulebook in force",
            description = "Every rule with its id, parameters, citation, confidence (verified, secondary, unverified) "
                    + "and the dates it applies.")
    public RulebookView rulebook() {
        return view;
    }
}
