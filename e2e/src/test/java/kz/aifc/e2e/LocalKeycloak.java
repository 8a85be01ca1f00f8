package kz.aifc.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stack's Keycloak ({@code deploy/local/keycloak.sh}, realm {@code aifc} on localhost:8180): started for a
 * test when none runs and stopped again only then; the demo users' passwords and the desk client's secret as the
 * script generated them; tokens for scripts by the password grant of client {@code aifc-scripts}.
 */
final class LocalKeycloak implements AutoCloseable {

    static final String ISSUER = "http://localhost:8180/realms/aifc";
    static final String JWKS = ISSUER + "/protocol/openid-connect/certs";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final Path root;
    private final boolean started;

    private LocalKeycloak(Path root, boolean started) {
        this.root = root;
        this.started = started;
    }

    /** Keycloak with the realm, started here (up to 5 minutes on a first run) unless it already answers. */
    static LocalKeycloak ensureRunning(Path root) {
        boolean running = script(root, 30, "status").exit() == 0;
        if (!running) {
            Result start = script(root, 420, "start");
            if (start.exit() != 0) {
                throw new IllegalStateException("deploy/local/keycloak.sh start failed: " + start.output());
            }
        }
        return new LocalKeycloak(root, !running);
    }

    String password(String user) {
        return value("password", user);
    }

    String clientSecret() {
        return value("client-secret");
    }

    /** {@code Bearer <access token>} of a demo user. */
    String bearer(String user) {
        String form = "grant_type=password&client_id=aifc-scripts&username=" + encode(user) + "&password="
                + encode(password(user));
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(ISSUER + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(answer.body());
            if (answer.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("Keycloak refused a token for " + user + ": " + answer.body());
            }
            return "Bearer " + token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (started) {
            script(root, 120, "stop");
        }
    }

    private String value(String... args) {
        Result result = script(root, 30, args);
        if (result.exit() != 0) {
            throw new IllegalStateException("keycloak.sh " + String.join(" ", args) + ": " + result.output());
        }
        return result.output().strip();
    }

    private record Result(int exit, String output) {
    }

    private static Result script(Path root, int seconds, String... args) {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = root.resolve("deploy/local/keycloak.sh").toString();
        System.arraycopy(args, 0, command, 2, args.length);
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + seconds + " s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
