package kz.aifc.platform.time;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Which business-day calendar is in force ({@code aifc.calendar.*}). */
@ConfigMapping(prefix = "aifc.calendar")
public interface CalendarConfig {

    /** An operator's calendar file (the bundled one's shape) to use instead, e.g. after a decree moves a day off. */
    Optional<String> location();
}
