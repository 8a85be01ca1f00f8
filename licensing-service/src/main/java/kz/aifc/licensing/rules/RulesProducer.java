package kz.aifc.licensing.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import kz.aifc.platform.rulebook.RulebookSource;
import kz.aifc.platform.time.BusinessCalendar;

/** Builds the rules once from the rulebook in force (bundled or {@code aifc.rulebook.location}); a bad one fails start-up. */
@ApplicationScoped
public class RulesProducer {

    @Produces
    @ApplicationScoped
    FitAndProperRules rules(RulebookSource source) {
        return new FitAndProperRules(RulebookParser.parse(source.document()), BusinessCalendar.kazakhstan());
    }
}
