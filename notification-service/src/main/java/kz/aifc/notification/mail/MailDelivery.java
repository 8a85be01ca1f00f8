package kz.aifc.notification.mail;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import kz.aifc.notification.alerts.AmlView;
import kz.aifc.notification.delivery.QueuedDelivery;

/** One mail for one recipient about one event of one alert (table {@code mail_delivery}): its text and progress. */
@Entity
@Table(name = "mail_delivery")
public class MailDelivery extends QueuedDelivery {

    static final String SENT = "SENT";

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

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "last_outcome")
    public String lastOutcome;
}
