package kz.aifc.notification.mail;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.aifc.notification.alerts.AmlView;

/** One mail for one recipient about one event of one alert (table {@code mail_delivery}): its text and progress. */
@Entity
@Table(name = "mail_delivery")
public class MailDelivery extends PanacheEntityBase {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    @Id
    public UUID id;

    @Column(name = "alert_id", nullable = false)
    public String alertId;

    /** What the mail is about: RAISED, REOPENED@version or ESCALATED:reason; unique with alert and recipient. */
    @Column(nullable = false)
    public String event;

    @Column(name = "firm_id", nullable = false)
    public String firmId;

    @Column(nullable = false)
    public String recipient;

    @Enumerated(EnumType.STRING)
    @Column(name = "aml_view", nullable = false)
    public AmlView amlView;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "last_outcome")
    public String lastOutcome;
}
