package kz.aifc.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import kz.aifc.platform.security.TokenIssuer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Prints a signed bearer token for the local stack: {@code TokenCommand KEY_DIR ROLE [FIRM_ID] [HOURS]}.
 * The key pair lives in KEY_DIR (made on first use); the services verify with its public half.
 */
@Command(name = "TokenCommand", mixinStandardHelpOptions = true, versionProvider = SimulatorCommand.Version.class,
        description = "Prints a signed bearer token for the local stack (deploy/local/token.sh runs it).",
        footer = "roles: firm-reporter, compliance-officer, mlro (need FIRM_ID), regulator, admin")
public final class TokenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY_DIR", description = "folder of the signing key pair, made on first use")
    Path keys;

    @Parameters(index = "1", paramLabel = "ROLE", description = "the token's role")
    String role;

    @Parameters(index = "2", arity = "0..1", paramLabel = "FIRM_ID",
            description = "the firm a firm-scoped role acts for; blank for none")
    String firm;

    @Parameters(index = "3", arity = "0..1", paramLabel = "HOURS", description = "lifetime (default 12)")
    long hours = 12;

    public static void main(String[] args) {
        System.exit(new CommandLine(new TokenCommand()).setExpandAtFiles(false).execute(args));
    }

    @Override
    public Integer call() {
        try {
            spec.commandLine().getOut().println(TokenIssuer.inFolder(keys)
                    .token(role, firm == null || firm.isBlank() ? null : firm, Duration.ofHours(hours)));
            return 0;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("token: " + e.getMessage());
            return 2;
        }
    }
}
