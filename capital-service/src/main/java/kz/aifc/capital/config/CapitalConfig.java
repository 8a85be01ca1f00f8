package kz.aifc.capital.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import kz.aifc.capital.rules.CapitalRulebook;
import kz.aifc.capital.rules.RulebookParser;
import kz.aifc.platform.rulebook.RulebookSource;

/** The typed rulebook and the clock, made once at start (a bad rulebook stops the start); the calendar is the platform's. */
public class CapitalConfig {

    @Produces
    @Singleton
    CapitalRulebook rulebook(RulebookSource source) {
        return RulebookParser.parse(source.rulebook());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
