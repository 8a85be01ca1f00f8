package kz.aifc.notification.api;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /config.json}: what the dashboard needs before it has a token (no secrets in it). */
@Path("/config.json")
@Tag(name = "Dashboard")
public class ConfigResource {

    private final DashboardConfig config;

    ConfigResource(DashboardConfig config) {
        this.config = config;
    }

    /** The dashboard's start-up settings. */
    public record DashboardSettings(Map<String, String> reportBaseUrls) {
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dashboard settings",
            description = "Base URL of the source service per duty: an alert's links are paths on that service.")
    public DashboardSettings settings() {
        DashboardConfig.ReportBaseUrls urls = config.reportBaseUrl();
        return new DashboardSettings(Map.of("CAPITAL", urls.capital(), "AML", urls.aml(),
                "FIT_AND_PROPER", urls.fitAndProper()));
    }
}
