package kz.aifc.notification.mail;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import kz.aifc.notification.alerts.AlertChanges;
import kz.aifc.notification.delivery.Backoff;
import kz.aifc.notification.delivery.Drainer;

/**
 * Hands queued alert mail to the SMTP server: woken after each committed change, and on a timer so retries and mail
 * left by a crash go out. A server that is down or refuses is retried with back-off (jitter included) until the attempt
 * limit; nothing is lost meanwhile. Each attempt is logged by delivery and alert id, never by address.
 */
@ApplicationScoped
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class);

    private final MailQueue queue;
    private final Mailer mailer;
    private final MailConfig config;
    private final MeterRegistry meters;
    private final Backoff backoff;
    private final Drainer drainer = new Drainer("mail-dispatcher", this::drain);

    MailDispatcher(MailQueue queue, Mailer mailer, MailConfig config, MeterRegistry meters) {
        this.queue = queue;
        this.mailer = mailer;
        this.config = config;
        this.meters = meters;
        this.backoff = new Backoff(config.retryBase(), config.retryMax(), config.retryJitter());
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertChanges changes) {
        wake();
    }

    @Scheduled(every = "${aifc.mail.poll-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        wake();
    }

    /** Runs one drain on the dispatcher's thread unless one is already waiting to run. */
    public void wake() {
        drainer.wake();
    }

    @PreDestroy
    void stop() {
        drainer.stop();
    }

    private void drain() {
        // The mailer's own timeout bounds each send; the lease outlasts a whole batch of them.
        long lease = Math.max(60, config.batch() * 40L);
        List<MailQueue.Due> due;
        do {
            due = queue.claimDue(config.batch(), lease);
            due.forEach(this::send);
        } while (due.size() == config.batch());
    }

    private void send(MailQueue.Due d) {
        int attempt = d.attempts() + 1;
        long started = System.nanoTime();
        boolean sent;
        try {
            mailer.send(Mail.withText(d.recipient(), d.subject(), d.body()));
            sent = true;
        } catch (RuntimeException e) {
            sent = false;
            LOG.warnf("mail %s attempt %d not accepted by the SMTP server: %s", d.id(), attempt,
                    e.getClass().getSimpleName());
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        Instant next = sent ? null : backoff.retryAt(attempt, config.maxAttempts());
        queue.recordAttempt(d.id(), attempt, sent, ms, next);
        if (sent) {
            LOG.infof("mail %s sent (attempt %d)", d.id(), attempt);
        } else if (next == null) {
            LOG.errorf("mail %s given up after %d attempts", d.id(), attempt);
        }
        meters.counter("aifc.mail.attempts", "outcome", sent ? "SENT" : "SMTP_UNAVAILABLE").increment();
    }
}
