package kz.aifc.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** AES-256-GCM sealing of webhook signing secrets: round trip, fresh nonce, bound to the row and the key. */
class SecretBoxTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void shouldOpenWhatItSealedForTheSameSubscriptionOnly() {
        SecretBox box = new SecretBox(KEY);
        UUID id = UUID.randomUUID();
        String sealed = box.seal(id, "receiver-secret-0123456789");
        assertThat(sealed).startsWith("v1:").doesNotContain("receiver-secret");
        assertThat(box.seal(id, "receiver-secret-0123456789")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.open(id, sealed)).isEqualTo("receiver-secret-0123456789");
        assertThatThrownBy(() -> box.open(UUID.randomUUID(), sealed)).as("another row's secret")
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("receiver-secret");
        assertThatThrownBy(() -> new SecretBox(OTHER_KEY).open(id, sealed)).as("another key")
                .hasMessageContaining("aifc.webhooks.secret-key");
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A=") ? "B=" : "A=");
        assertThatThrownBy(() -> box.open(id, tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseADamagedRowAsItRefusesAWrongKey() {
        SecretBox box = new SecretBox(KEY);
        UUID id = UUID.randomUUID();
        String sealed = box.seal(id, "receiver-secret-0123456789");
        for (String damaged : new String[] {"v1:%%% not base64", "v1:AAAA", "v1:", sealed.substring(0, 20)}) {
            assertThatThrownBy(() -> box.open(id, damaged)).as(damaged).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot decrypt the webhook secret of subscription " + id);
        }
    }

    @Test
    void shouldRefuseAMissingOrMalformedKeyNamingTheSetting() {
        assertThatThrownBy(() -> new SecretBox(TestWebhookConfig.with(List.of(), null)))
                .hasMessageContaining("aifc.webhooks.secret-key").hasMessageContaining("AIFC_WEBHOOKS_SECRET_KEY");
        assertThatThrownBy(() -> new SecretBox("not base64!"))
                .hasMessageContaining("aifc.webhooks.secret-key is not base64");
        assertThatThrownBy(() -> new SecretBox(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
    }
}
