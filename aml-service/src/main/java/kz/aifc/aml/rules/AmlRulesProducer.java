package kz.aifc.aml.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import kz.aifc.platform.rulebook.RulebookSource;
import kz.aifc.platform.time.BusinessCalendar;

/** Wires the pure rules to the rulebook served at {@code GET /rulebook}, so what is shown is what is applied. */
@ApplicationScoped
public class AmlRulesProducer {

    @Produces
    @Singleton
    AmlRules rules(RulebookSource source) {
        return new AmlRules(Rulebook.parse(source.document()), BusinessCalendar.kazakhstan());
    }
}
