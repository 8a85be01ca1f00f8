package kz.aifc.aml.config;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;
import kz.aifc.aml.rules.AlertIds;
import kz.aifc.aml.rules.AmlRules;
import kz.aifc.aml.rules.AmlRulebook;
import kz.aifc.platform.rulebook.RulebookSource;
import kz.aifc.platform.time.BusinessCalendar;

/** Wires the pure rules to the rulebook served at {@code GET /rulebook}, so what is shown is what is applied. */
@ApplicationScoped
public class RulesProducer {

    /** Made at start-up, so an installation without its alert id key refuses to start, saying why. */
    @Produces
    @Singleton
    @Startup
    AlertIds alertIds(AmlConfig config) {
        return alertIds(config.alertIdKey());
    }

    /** The alert ids under {@code key}; without a usable key, an error that says what to set and why. */
    static AlertIds alertIds(Optional<String> key) {
        String value = key.orElseThrow(() -> new IllegalStateException(
                "aifc.aml.alert-id-key (environment AIFC_AML_ALERT_ID_KEY) is not set: AML alert ids are keyed "
                        + "hashes so that they name no customer or transaction (tipping-off). Set a secret of at "
                        + "least " + AlertIds.MIN_KEY_LENGTH + " characters, e.g. `openssl rand -hex 32`, and keep "
                        + "it for the life of the installation."));
        try {
            return new AlertIds(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + " (environment AIFC_AML_ALERT_ID_KEY)", e);
        }
    }

    @Produces
    @Singleton
    AmlRules rules(RulebookSource source, BusinessCalendar calendar, AlertIds alertIds) {
        return new AmlRules(AmlRulebook.parse(source.rulebook()), calendar, alertIds);
    }
}
