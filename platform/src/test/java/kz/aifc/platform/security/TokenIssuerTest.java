package kz.aifc.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenIssuerTest {

    @TempDir
    Path dir;

    @Test
    void shouldKeepTheSigningKeyReadableByItsOwnerAlone() throws IOException {
        TokenIssuer issuer = TokenIssuer.inFolder(dir);

        assertThat(Files.getPosixFilePermissions(dir.resolve("jwt-private.pem")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(issuer.token(Roles.REGULATOR, null, Duration.ofMinutes(1))).isNotBlank();
    }

    @Test
    void shouldTightenASigningKeyLeftReadableByOthers() throws IOException {
        TokenIssuer.inFolder(dir);
        Path key = dir.resolve("jwt-private.pem");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        TokenIssuer.inFolder(dir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }
}
