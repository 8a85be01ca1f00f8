package kz.aifc.notification.mail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import kz.aifc.testing.LocalStackResource;

/**
 * The real SMTP server for the mail tests: GreenMail started by {@code deploy/local/mail.sh start} unless one already
 * answers (a demo's, say), and stopped again only if this resource started it. The service sends through
 * {@link SmtpRelay}, a plain TCP relay to it that a test can take down and bring back, as a mail server that fails.
 */
public class MailServerResource implements QuarkusTestResourceLifecycleManager {

    static final int SMTP_PORT = port("MAIL_SMTP_PORT", 2525);
    static final int API_PORT = port("MAIL_API_PORT", 8025);
    static final SmtpRelay RELAY = new SmtpRelay(SMTP_PORT);

    private boolean started;

    @Override
    public Map<String, String> start() {
        if (!listening(SMTP_PORT)) {
            mailSh("start");
            started = true;
        }
        if (!listening(SMTP_PORT) || !listening(API_PORT)) {
            throw new IllegalStateException("no mail server on localhost:" + SMTP_PORT + " with its API on :" + API_PORT);
        }
        RELAY.up();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(RELAY.port()),
                "quarkus.mailer.keep-alive", "false", "aifc.mail.desk-url", "http://desk.example/");
    }

    @Override
    public void stop() {
        RELAY.down();
        if (started) {
            mailSh("stop");
        }
    }

    private static void mailSh(String command) {
        Path script = LocalStackResource.projectRoot().resolve("deploy/local/mail.sh");
        try {
            Process p = new ProcessBuilder("bash", script.toString(), command).inheritIO()
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(script + " " + command + " failed; see deploy/local/.state/logs/mail.log");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int port(String env, int fallback) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
