package kz.aifc.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #14.5: the local token signing key is created readable by its owner only (and an older one tightened). */
class TokenIssuerKeyFileTest {

    @Test
    void shouldKeepThePrivateKeyOwnerOnly(@TempDir Path dir) throws Exception {
        TokenIssuer.inFolder(dir);
        Path privateKey = dir.resolve("jwt-private.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey))).isEqualTo("rw-------");

        Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-r--r--"));
        TokenIssuer.inFolder(dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)))
                .as("a key made before is tightened").isEqualTo("rw-------");
    }
}
