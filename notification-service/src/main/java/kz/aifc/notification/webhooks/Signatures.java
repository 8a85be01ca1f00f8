package kz.aifc.notification.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures of webhook deliveries and fresh secrets. {@code X-Signature: sha256=<hex>} signs the body
 * alone (kept for existing integrators); {@code X-Timed-Signature: t=<unix seconds>,v1=<hex>} signs
 * {@code t + "." + body}, so a receiver that checks the timestamp's age also refuses a replayed old delivery.
 */
public final class Signatures {

    public static final String HEADER = "X-Signature";
    public static final String TIMESTAMP_HEADER = "X-Signature-Timestamp";
    public static final String TIMED_HEADER = "X-Timed-Signature";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    /** {@code sha256=} followed by the lower-case hex HMAC-SHA256 of the body's bytes under the secret. */
    public static String sign(String secret, byte[] body) {
        return "sha256=" + hmac(secret, body);
    }

    /** {@code t=<epochSeconds>,v1=} followed by the hex HMAC-SHA256 of {@code "<epochSeconds>." + body}. */
    public static String signTimed(String secret, long epochSeconds, byte[] body) {
        byte[] prefix = (epochSeconds + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "t=" + epochSeconds + ",v1=" + hmac(secret, signed);
    }

    private static String hmac(String secret, byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** 32 random bytes as hex. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
