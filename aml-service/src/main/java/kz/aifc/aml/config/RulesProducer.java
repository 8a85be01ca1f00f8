package kz.aifc.aml.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import kz.aifc.aml.rules.AmlRules;
import kz.aifc.aml.rules.AmlRulebook;
import kz.aifc.platform.rulebook.RulebookSource;
import kz.aifc.platform.time.BusinessCalendar;

/** Wires the pure rules to the rulebook served at {@code GET /rulebook}, so what is shown is what is applied. */
@ApplicationScoped
public class RulesProducer {

    @Produces
    @Singleton
    AmlRules rules(RulebookSource source, BusinessCalendar calendar) {
        return new AmlRules(AmlRulebook.parse(source.rulebook()), calendar);
    }
}
