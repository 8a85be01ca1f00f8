package kz.aifc.notification.webhooks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;

/**
 * Webhook signing secrets at rest: AES-256-GCM under {@code aifc.webhooks.secret-key}, a fresh 96-bit nonce per
 * secret, the subscription id as associated data (a sealed secret copied to another row does not open). Stored as
 * {@code v1:<base64(nonce ‖ ciphertext ‖ tag)>}. Created at start-up, so a missing or malformed key stops the service
 * with a message naming the setting, before it serves anything.
 */
@Startup
@ApplicationScoped
public class SecretBox {

    static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    @Inject
    SecretBox(WebhookConfig config) {
        this(config.secretKey().orElseThrow(() -> new IllegalStateException(
                "aifc.webhooks.secret-key (environment AIFC_WEBHOOKS_SECRET_KEY) is not set: notification-service "
                        + "encrypts webhook signing secrets at rest and needs a 256-bit AES key, base64-encoded "
                        + "(e.g. openssl rand -base64 32); keep it in a secret store, it cannot be changed without "
                        + "re-encrypting the subscriptions")));
    }

    SecretBox(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("aifc.webhooks.secret-key is not base64 (expected 32 random bytes, "
                    + "e.g. openssl rand -base64 32)");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("aifc.webhooks.secret-key must decode to 32 bytes (AES-256), not "
                    + raw.length + " (e.g. openssl rand -base64 32)");
        }
        key = new SecretKeySpec(raw, "AES");
    }

    /** Encrypts a subscription's signing secret, bound to its id. */
    public String seal(UUID subscriptionId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, subscriptionId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a webhook secret", e);
        }
    }

    /** Decrypts what {@link #seal} made for the same subscription; a wrong key or row fails (never a wrong secret). */
    public String open(UUID subscriptionId, String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("webhook secret of subscription " + subscriptionId + " is not sealed");
        }
        try {
            // A damaged row (not base64, shorter than a nonce and a tag) fails as a wrong key does, not otherwise.
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            if (all.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new GeneralSecurityException("sealed secret too short");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(all, NONCE_BYTES), subscriptionId);
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt the webhook secret of subscription " + subscriptionId
                    + " (was aifc.webhooks.secret-key changed?)");
        }
    }

    private Cipher cipher(int mode, byte[] nonce, UUID subscriptionId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(ByteBuffer.allocate(16).putLong(subscriptionId.getMostSignificantBits())
                .putLong(subscriptionId.getLeastSignificantBits()).array());
        return cipher;
    }
}
