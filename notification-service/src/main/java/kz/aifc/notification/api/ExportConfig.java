package kz.aifc.notification.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The alert history's CSV export ({@code aifc.export.*}). */
@ConfigMapping(prefix = "aifc.export")
public interface ExportConfig {

    /** The most alerts one export carries; a view that holds more is refused (400) and must be narrowed. */
    @WithDefault("10000")
    int maxRows();
}
