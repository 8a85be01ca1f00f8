package kz.aifc.aml.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Outside dev and test an installation must set its alert id key (tipping-off): without it the service does not start. */
class RulesProducerTest {

    @Test
    void shouldRefuseToStartWithoutTheAlertIdKeySayingWhatToSet() {
        assertThatThrownBy(() -> RulesProducer.alertIds(Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("aifc.aml.alert-id-key").hasMessageContaining("AIFC_AML_ALERT_ID_KEY")
                .hasMessageContaining("tipping-off");
    }

    @Test
    void shouldRefuseAKeyTooShortToBeASecret() {
        assertThatThrownBy(() -> RulesProducer.alertIds(Optional.of("secret")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32 characters");
    }

    @Test
    void shouldMakeIdsUnderAUsableKey() {
        assertThat(RulesProducer.alertIds(Optional.of("k".repeat(64))).of("AML-001", "AML-001:F-1:T-1"))
                .matches("AML-001-[0-9a-f]{32}");
    }
}
