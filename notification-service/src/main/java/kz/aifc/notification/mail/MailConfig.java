package kz.aifc.notification.mail;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Alert mail settings ({@code aifc.mail.*}); the SMTP server itself is {@code quarkus.mailer.*}. */
@ConfigMapping(prefix = "aifc.mail")
public interface MailConfig {

    /** Whether alert mail is queued at all (recipients may still be configured while it is off). */
    @WithDefault("true")
    boolean enabled();

    /** The alert desk's address as people open it; every mail links there. */
    @WithDefault("http://localhost:8080/")
    String deskUrl();

    /** How often the dispatcher looks for due mail besides being woken by each change. */
    @WithDefault("5s")
    Duration pollEvery();

    /** Wait before the first retry when the SMTP server refuses or cannot be reached; doubles with every failure. */
    @WithDefault("10s")
    Duration retryBase();

    /** Longest wait between two attempts. */
    @WithDefault("30m")
    Duration retryMax();

    /** Share of each wait taken off at random (0 to 1), as for webhooks. */
    @WithDefault("0.2")
    double retryJitter();

    /** Attempts before a mail is marked FAILED (with the defaults about a day of retrying). */
    @WithDefault("60")
    int maxAttempts();

    /** Mails claimed per round. */
    @WithDefault("20")
    int batch();

    /** Addresses one firm may hold per role. */
    @WithDefault("20")
    int maxAddressesPerRole();
}
