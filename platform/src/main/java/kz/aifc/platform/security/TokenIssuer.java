package kz.aifc.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Signs bearer tokens for the local stack and the tests: an RSA key pair kept in a folder (made on first use),
 * the public half is what every service verifies with. The private key file is readable by its owner only. Production takes tokens from the firm's identity provider.
 */
public final class TokenIssuer {

    public static final String ISSUER = "https://aifc-compliance.local/issuer";
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";
    private static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final PrivateKey signingKey;
    private final Path publicKey;

    private TokenIssuer(PrivateKey signingKey, Path publicKey) {
        this.signingKey = signingKey;
        this.publicKey = publicKey;
    }

    /** The issuer whose keys live in {@code dir}, creating them when the folder has none. */
    public static synchronized TokenIssuer inFolder(Path dir) {
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
        try {
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                Files.createDirectories(dir);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.deleteIfExists(privateFile);
                if (POSIX) {
                    // Owner-only from its first byte, not tightened after the key was written.
                    Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                }
                Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            } else if (POSIX && !Files.getPosixFilePermissions(privateFile).equals(OWNER_ONLY)) {
                // A key made before keys were owner-only.
                Files.setPosixFilePermissions(privateFile, OWNER_ONLY);
            }
            String body = Files.readString(privateFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return new TokenIssuer(key, publicFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep token keys in " + dir + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("bad token key in " + privateFile + ": " + e.getMessage(), e);
        }
    }

    /** Where the services find the verification key ({@code mp.jwt.verify.publickey.location}). */
    public Path publicKey() {
        return publicKey;
    }

    /** The public key's PEM body (base64, no armour lines): how quarkus-oidc's {@code public-key} setting takes it. */
    public String publicKeyBody() {
        try {
            return Files.readString(publicKey).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + publicKey + ": " + e.getMessage(), e);
        }
    }

    /** A signed token for one role; {@code firmId} is required for the firm-scoped roles and ignored otherwise. */
    public String token(String role, String firmId, Duration lifetime) {
        if (!Roles.ALL.contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "' (one of " + Roles.ALL + ")");
        }
        if (Roles.FIRM_SCOPED.contains(role) && (firmId == null || firmId.isBlank())) {
            throw new IllegalArgumentException("role '" + role + "' is firm-scoped: give a firm id");
        }
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .upn(role + (firmId == null ? "" : "@" + firmId))
                .groups(Set.of(role))
                .expiresIn(lifetime);
        if (Roles.FIRM_SCOPED.contains(role)) {
            claims.claim(Roles.FIRM_CLAIM, firmId);
        }
        return claims.sign(signingKey);
    }

    /**
     * Signs claims as given, checking nothing: how tests make the tokens an identity provider might mis-issue (a
     * firm-scoped role without its firm, say) to show the services refuse them.
     */
    public String signAsGiven(JwtClaimsBuilder claims) {
        return claims.sign(signingKey);
    }

    private static String pem(String kind, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + kind + "-----\n" + base64 + "\n-----END " + kind + "-----\n";
    }
}
