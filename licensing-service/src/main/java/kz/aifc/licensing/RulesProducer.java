package kz.aifc.licensing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import kz.aifc.platform.rulebook.RulebookSource;
import kz.aifc.platform.time.BusinessCalendar;
import kz.aifc.licensing.rules.FitAndProperRules;
import kz.aifc.licensing.rules.RulebookParser;

/** Builds the rules once from the rulebook in force (bundled or {@code aifc.rulebook.location}); a bad one fails start-up. */
@ApplicationScoped
public class RulesProducer {

    @Produces
    @ApplicationScoped
    FitAndProperRules rules(RulebookSource source, BusinessCalendar calendar) {
        return new FitAndProperRules(RulebookParser.parse(source.rulebook()), calendar);
    }
}
