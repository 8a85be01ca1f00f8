package kz.aifc.platform.alerts;

import io.smallrye.config.ConfigMapping;

/** How the service names itself in the events it emits ({@code aifc.events.*}). */
@ConfigMapping(prefix = "aifc.events")
public interface EventsConfig {

    /** The CloudEvents {@code source} of every event the service emits, e.g. {@code urn:aifc:capital-service}. */
    String source();
}
