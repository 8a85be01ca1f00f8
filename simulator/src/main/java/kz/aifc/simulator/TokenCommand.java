package kz.aifc.simulator;

import java.nio.file.Path;
import java.time.Duration;

import kz.aifc.platform.security.TokenIssuer;

/**
 * Prints a signed bearer token for the local stack: {@code TokenCommand KEY_DIR ROLE [FIRM_ID] [HOURS]}.
 * The key pair lives in KEY_DIR (made on first use); the services verify with its public half.
 */
public final class TokenCommand {

    private TokenCommand() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: TokenCommand KEY_DIR ROLE [FIRM_ID] [HOURS]");
            System.err.println("roles: firm-reporter, compliance-officer, mlro (need FIRM_ID), regulator, admin");
            System.exit(2);
        }
        String firm = args.length > 2 && !args[2].isBlank() ? args[2] : null;
        long hours = args.length > 3 ? Long.parseLong(args[3]) : 12;
        try {
            System.out.println(TokenIssuer.inFolder(Path.of(args[0])).token(args[1], firm, Duration.ofHours(hours)));
        } catch (IllegalArgumentException e) {
            System.err.println("token: " + e.getMessage());
            System.exit(2);
        }
    }
}
