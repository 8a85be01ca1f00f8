package kz.aifc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import kz.aifc.platform.security.TokenIssuer;

/** Bearer tokens for tests, signed by a key pair made for this test run only. */
public final class TestTokens {

    private static final TokenIssuer ISSUER = create();

    private TestTokens() {
    }

    /** The {@code Authorization} header value for a role (and firm, for the firm-scoped roles). */
    public static String bearer(String role, String firmId) {
        return "Bearer " + ISSUER.token(role, firmId, Duration.ofMinutes(30));
    }

    public static String bearer(String role) {
        return bearer(role, null);
    }

    /** A token with a firm-scoped role but no {@code firm_id} claim: what a misconfigured identity provider issues. */
    public static String bearerWithoutFirmClaim(String role) {
        return "Bearer " + ISSUER.signAsGiven(Jwt.issuer(TokenIssuer.ISSUER).upn(role).groups(Set.of(role))
                .expiresIn(Duration.ofMinutes(30)));
    }

    /** The issuer the services under test trust, for tokens the helpers above do not make (an expired one, say). */
    public static TokenIssuer issuer() {
        return ISSUER;
    }

    static String publicKeyLocation() {
        return ISSUER.publicKey().toAbsolutePath().toString();
    }

    private static TokenIssuer create() {
        try {
            return TokenIssuer.inFolder(Files.createTempDirectory("aifc-test-jwt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
