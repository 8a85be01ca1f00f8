package kz.aifc.notification.api;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the dashboard finds the drafted reports the alerts link to ({@code aifc.dashboard.*}). */
@ConfigMapping(prefix = "aifc.dashboard")
public interface DashboardConfig {

    /** Base URLs of the source services; an alert's links are paths on the service of its duty. */
    ReportBaseUrls reportBaseUrl();

    /** How long the desk's forwarding endpoint ({@code /upstream/...}) waits for a service's whole answer. */
    @WithDefault("10s")
    Duration upstreamTimeout();

    /** One base URL per duty. */
    interface ReportBaseUrls {
        /** capital-service (CAPITAL alerts). */
        @WithDefault("http://localhost:8081")
        String capital();

        /** aml-service (AML alerts). */
        @WithDefault("http://localhost:8082")
        String aml();

        /** licensing-service (FIT_AND_PROPER alerts). */
        @WithDefault("http://localhost:8083")
        String fitAndProper();
    }
}
