package kz.aifc.notification.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import kz.aifc.notification.delivery.AttemptKey;
import kz.aifc.notification.delivery.QueuedAttempt;

/** One attempt to hand a mail to the SMTP server (table {@code mail_attempt}). */
@Entity
@Table(name = "mail_attempt")
@IdClass(AttemptKey.class)
public class MailAttempt extends QueuedAttempt {

    /** The server took the mail. */
    static final String SENT = "SENT";
    /** The server could not be reached, refused or timed out; retried. */
    static final String SMTP_UNAVAILABLE = "SMTP_UNAVAILABLE";

    @Column(nullable = false)
    public String outcome;

    public MailAttempt() {
    }

    MailAttempt(int attempt, long durationMs, boolean sent) {
        super(attempt, durationMs);
        this.outcome = sent ? SENT : SMTP_UNAVAILABLE;
    }
}
