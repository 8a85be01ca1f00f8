package kz.aifc.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import kz.aifc.platform.security.TokenIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The token command behind deploy/local/token.sh: KEY_DIR ROLE [FIRM_ID] [HOURS]. */
class TokenCommandTest {

    @TempDir
    Path keys;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new TokenCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
    }

    @Test
    void shouldPrintASignedTokenForARole() {
        assertThat(run(keys.toString(), "regulator")).isZero();

        assertThat(out.toString().strip()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(keys.resolve(TokenIssuer.PUBLIC_KEY_FILE)).exists();
    }

    @Test
    void shouldTakeAFirmAndALifetime() {
        assertThat(run(keys.toString(), "compliance-officer", "F-DATF-01", "1")).isZero();

        assertThat(out.toString().strip()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    }

    @Test
    void shouldRefuseAFirmScopedRoleWithABlankFirm() {
        assertThat(run(keys.toString(), "mlro", " ")).isEqualTo(2);

        assertThat(err.toString()).startsWith("token: role 'mlro' is firm-scoped");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldExitWithTwoAndTheUsageOnABadCommandLine() {
        assertThat(run(keys.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("ROLE", "Usage:");
        assertThat(run(keys.toString(), "admin", "", "twelve")).isEqualTo(2);
        assertThat(err.toString()).contains("HOURS", "'twelve'");
        assertThat(out.toString()).isEmpty();
    }
}
