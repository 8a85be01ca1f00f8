package kz.aifc.platform.alerts;

import io.smallrye.config.ConfigMapping;

/** Where a checking service's alerts go ({@code aifc.alerts.*}). */
@ConfigMapping(prefix = "aifc.alerts")
public interface AlertsConfig {

    /** The alerts topic: {@code aifc.compliance.alerts} plus the run's suffix in tests. */
    String topic();
}
