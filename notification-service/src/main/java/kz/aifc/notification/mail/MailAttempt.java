package kz.aifc.notification.mail;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.aifc.notification.delivery.AttemptKey;

/** One attempt to hand a mail to the SMTP server (table {@code mail_attempt}). */
@Entity
@Table(name = "mail_attempt")
@IdClass(AttemptKey.class)
public class MailAttempt extends PanacheEntityBase {

    /** The server took the mail. */
    static final String SENT = "SENT";
    /** The server could not be reached, refused or timed out; retried. */
    static final String SMTP_UNAVAILABLE = "SMTP_UNAVAILABLE";

    @Id
    @Column(name = "delivery_id")
    public UUID deliveryId;

    @Id
    public int attempt;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String outcome;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;
}
