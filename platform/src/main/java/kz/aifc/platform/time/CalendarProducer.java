package kz.aifc.platform.time;

import java.nio.file.Path;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one Kazakhstan business-day calendar of a service: the bundled data, or the file {@code aifc.calendar.location} names. */
public class CalendarProducer {

    @Produces
    @Singleton
    BusinessCalendar calendar(CalendarConfig config) {
        return config.location().filter(s -> !s.isBlank())
                .map(file -> BusinessCalendar.fromFile(Path.of(file), BusinessCalendar.DEFAULT_CLOSE))
                .orElseGet(BusinessCalendar::kazakhstan);
    }
}
