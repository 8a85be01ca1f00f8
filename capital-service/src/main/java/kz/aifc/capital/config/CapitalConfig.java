package kz.aifc.capital.config;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import kz.aifc.capital.rules.CapitalRulebook;
import kz.aifc.capital.rules.RulebookParser;
import kz.aifc.platform.rulebook.RulebookSource;
import kz.aifc.platform.time.BusinessCalendar;

/** The typed rulebook, the Kazakhstan calendar and the clock, made once at start (a bad rulebook stops the start). */
public class CapitalConfig {

    @Produces
    @Singleton
    CapitalRulebook rulebook(RulebookSource source) {
        return RulebookParser.parse(source.rulebook());
    }

    /** {@code aifc.calendar.location}: an operator's calendar file (same shape as the bundled one), e.g. after a decree. */
    @Produces
    @Singleton
    BusinessCalendar calendar(@ConfigProperty(name = "aifc.calendar.location") Optional<String> location) {
        return location.filter(s -> !s.isBlank())
                .map(file -> BusinessCalendar.fromFile(Path.of(file), BusinessCalendar.DEFAULT_CLOSE))
                .orElseGet(BusinessCalendar::kazakhstan);
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
