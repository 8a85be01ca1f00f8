package kz.aifc.notification.api;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /config.json}: what the dashboard needs before it has a token (no secrets in it). */
@Path("/config.json")
@Tag(name = "Dashboard")
public class ConfigResource {

    private final DashboardConfig config;
    private final boolean signIn;

    ConfigResource(DashboardConfig config,
            @ConfigProperty(name = "quarkus.oidc.application-type", defaultValue = "service") String applicationType) {
        this.config = config;
        this.signIn = !"service".equalsIgnoreCase(applicationType);
    }

    /**
     * The dashboard's start-up settings: {@code upstreams} is where the desk opens an alert's links (its own origin,
     * {@code /upstream/...}); {@code signIn} is true when people sign in through the identity provider, false for an
     * installation without one (bearer tokens only).
     */
    public record DashboardSettings(Map<String, String> reportBaseUrls, Map<String, String> upstreams, boolean signIn) {
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dashboard settings",
            description = "Per duty, the source service's base URL and the desk's forwarding path to it (an alert's "
                    + "links are paths on that service); whether people sign in through the identity provider.")
    public DashboardSettings settings() {
        DashboardConfig.ReportBaseUrls urls = config.reportBaseUrl();
        return new DashboardSettings(Map.of("CAPITAL", urls.capital(), "AML", urls.aml(),
                "FIT_AND_PROPER", urls.fitAndProper()), Map.of("CAPITAL", "/upstream/capital", "AML", "/upstream/aml",
                "FIT_AND_PROPER", "/upstream/licensing"), signIn);
    }
}
