package kz.aifc.notification.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import kz.aifc.notification.delivery.AttemptKey;
import kz.aifc.notification.delivery.QueuedAttempt;

/** One attempt to send a delivery (table {@code webhook_attempt}): the delivery log a subscriber reads. */
@Entity
@Table(name = "webhook_attempt")
@IdClass(AttemptKey.class)
public class WebhookAttempt extends QueuedAttempt {

    @Column(name = "status_code")
    public Integer statusCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryOutcome outcome;

    public WebhookAttempt() {
    }

    WebhookAttempt(int attempt, long durationMs, Integer statusCode, DeliveryOutcome outcome) {
        super(attempt, durationMs);
        this.statusCode = statusCode;
        this.outcome = outcome;
    }
}
