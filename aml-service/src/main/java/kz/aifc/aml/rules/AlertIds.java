package kz.aifc.aml.rules;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, stable AML alert ids (tipping-off, contract/README.md §3): {@code <ruleId>-<32 hex digits>}, the first
 * 128 bits of HMAC-SHA256 under the installation's key ({@code aifc.aml.alert-id-key}) of the breach's natural key
 * (rule, firm and the customer, transaction, deposit, month, country or case it is about). The same breach always
 * gets the same id, so an alert seen again is updated, cured or settled by that id; the id names no customer,
 * transaction or case, and without the key it cannot be recomputed from one.
 */
public final class AlertIds {

    /** Shortest key accepted: 32 characters (a key of 32 random bytes is 64 hex digits). */
    public static final int MIN_KEY_LENGTH = 32;
    private static final int ID_BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    /** A Mac is not thread-safe and costly to look up: one per lane thread, reused. */
    private final ThreadLocal<Mac> macs;

    public AlertIds(String key) {
        if (key == null || key.isBlank() || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("the AML alert id key (aifc.aml.alert-id-key) must have at least "
                    + MIN_KEY_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
        newMac();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The opaque id of the breach of {@code ruleId} whose natural key is {@code naturalKey}. */
    public String of(String ruleId, String naturalKey) {
        byte[] mac = macs.get().doFinal(naturalKey.getBytes(StandardCharsets.UTF_8));
        return ruleId + "-" + HEX.formatHex(mac, 0, ID_BYTES);
    }
}
