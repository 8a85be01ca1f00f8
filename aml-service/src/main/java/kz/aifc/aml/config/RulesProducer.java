package kz.aifc.aml.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import kz.aifc.platform.rulebook.RulebookSource;
import kz.aifc.platform.time.BusinessCalendar;
import kz.aifc.aml.rules.AmlRules;
import kz.aifc.aml.rules.AmlRulebook;

/** Wires the pure rules to the rulebook served at {@code GET /rulebook}, so what is shown is what is applied. */
@ApplicationScoped
public class RulesProducer {

    @Produces
    @Singleton
    AmlRules rules(RulebookSource source) {
        return new AmlRules(AmlRulebook.parse(source.rulebook()), BusinessCalendar.kazakhstan());
    }
}
