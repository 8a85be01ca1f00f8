package kz.aifc.notification.mail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.panache.common.Sort;
import kz.aifc.notification.alerts.AlertChanged;
import kz.aifc.notification.alerts.AlertChanges;
import kz.aifc.notification.alerts.AlertView;
import kz.aifc.notification.alerts.AmlView;
import kz.aifc.notification.store.StoredAlert;
import kz.aifc.notification.store.Times;
import kz.aifc.platform.audit.AuditTrail;
import kz.aifc.platform.store.Jdbc;
import kz.aifc.platform.security.Roles;

/**
 * Who gets alert mail ({@link MailRecipient}) and the persistent mail queue ({@link MailDelivery}, {@link MailAttempt}).
 * A mail is queued per recipient in the transaction that changed the alert, at most once per alert, event and address
 * (the table's unique key): a redelivered event or a second replica adds nothing. The text is written then, in the AML
 * view of the recipient's role, so the log holds what was sent.
 */
@ApplicationScoped
public class MailQueue {

    public static final String COMPLIANCE_OFFICER = Roles.COMPLIANCE_OFFICER;
    public static final String MLRO = Roles.MLRO;

    private final AuditTrail audit;
    private final MailConfig config;
    private final Jdbc jdbc;

    MailQueue(AuditTrail audit, MailConfig config, Jdbc jdbc) {
        this.audit = audit;
        this.config = config;
        this.jdbc = jdbc;
    }

    /** A firm's alert mail addresses by role. */
    @Schema(name = "MailRecipients", description = "The addresses that receive a firm's CRITICAL alerts, escalations and "
            + "approaching deadlines. An MLRO address gets AML alerts in full; a compliance officer's address gets them "
            + "in the restricted view (no detail; tipping-off). Other alerts go to both in full.")
    public record Recipients(
            @Schema(description = "Addresses of the firm's compliance officers") List<String> complianceOfficer,
            @Schema(description = "Addresses of the firm's MLRO (and deputy)") List<String> mlro) {
    }

    /** A mail as the log shows it (the address, the subject and the outcome; not the body). */
    public record Sent(UUID id, String alertId, String event, String recipient, AmlView amlView, String subject,
            @Schema(enumeration = { "PENDING", "SENT", "FAILED" }) String status, int attempts,
            OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt,
            @Schema(enumeration = { "SENT", "SMTP_UNAVAILABLE" }) String lastOutcome) {
    }

    /** A mail due to be sent. */
    record Due(UUID id, String recipient, String subject, String body, int attempts) {
        @Override
        public String toString() {
            return "Due[id=" + id + ", attempts=" + attempts + "]";
        }
    }

    public Recipients recipients(String firmId) {
        List<MailRecipient> all = MailRecipient.ofFirm(firmId);
        return new Recipients(addresses(all, COMPLIANCE_OFFICER), addresses(all, MLRO));
    }

    /** Replaces a firm's addresses (already validated) and audits the change with who made it. */
    @Transactional
    public Recipients replace(String firmId, Recipients wanted, String by) {
        MailRecipient.delete("firmId", firmId);
        Instant now = Instant.now();
        Map<String, List<String>> byRole = new LinkedHashMap<>();
        byRole.put(COMPLIANCE_OFFICER, wanted.complianceOfficer());
        byRole.put(MLRO, wanted.mlro());
        byRole.forEach((role, addresses) -> addresses.forEach(address -> {
            MailRecipient r = new MailRecipient();
            r.firmId = firmId;
            r.role = role;
            r.address = address;
            r.updatedBy = by;
            r.updatedAt = now;
            r.persist();
        }));
        audit.append(by, "mail-recipients.replaced", firmId, "mail-recipients", byRole);
        return recipients(firmId);
    }

    /**
     * Queues the mail the changes call for (a CRITICAL alert raised or reopened, any escalation) for each address of the
     * alert's firm, inside the changes' transaction: the firms' addresses read in one statement, the mails written in
     * one batch. An address configured for both roles gets one mail, in the MLRO's view.
     */
    void enqueue(@Observes AlertChanges changes) {
        if (!config.enabled()) {
            return;
        }
        List<Mail> mails = new ArrayList<>();
        Map<String, Map<String, String>> rolesByFirm = null;
        Instant now = Instant.now();
        for (AlertChanged change : changes.changes()) {
            StoredAlert a = change.alert();
            var event = MailText.event(change.change(), a.severity(), a.escalationReason(), a.version());
            if (event.isEmpty()) {
                continue;
            }
            if (rolesByFirm == null) {
                rolesByFirm = rolesByFirm(changes);
            }
            for (Map.Entry<String, String> to : rolesByFirm.getOrDefault(a.firmId(), Map.of()).entrySet()) {
                AmlView view = MLRO.equals(to.getValue()) ? AmlView.FULL : AmlView.RESTRICTED;
                MailText.Text text = MailText.of(AlertView.of(a, view), change.change(), to.getValue(), config.deskUrl());
                mails.add(new Mail(a.alertId(), event.get(), a.firmId(), to.getKey(), view, text,
                        now.plusNanos(1000L * mails.size())));
            }
        }
        // A mail already queued (a redelivered change, another replica) stays as it was: one per alert, event, address.
        jdbc.batch("queue alert mail", """
                insert into mail_delivery (id, alert_id, event, firm_id, recipient, aml_view, subject, body, status,
                                           attempts, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                on conflict (alert_id, event, recipient) do nothing""", mails,
                (s, m) -> Jdbc.bind(s, UUID.randomUUID(), m.alertId(), m.event(), m.firmId(), m.recipient(),
                        m.view().name(), m.text().subject(), m.text().body(), m.at(), m.at()));
    }

    /** One mail to queue. */
    private record Mail(String alertId, String event, String firmId, String recipient, AmlView view, MailText.Text text,
            Instant at) {
    }

    /** For each firm of the changes: its addresses, each with the role it gets mail as (MLRO over compliance officer). */
    private Map<String, Map<String, String>> rolesByFirm(AlertChanges changes) {
        Set<String> firms = changes.changes().stream().map(c -> c.alert().firmId()).collect(Collectors.toSet());
        record Address(String firmId, String address, String role) {
        }
        Map<String, Map<String, String>> roles = new HashMap<>();
        for (Address a : jdbc.query("find the mail recipients of the changes' firms", """
                select firm_id, address, role from mail_recipient where firm_id = any(?)
                order by firm_id, role, address""",
                rs -> new Address(rs.getString(1), rs.getString(2), rs.getString(3)), List.copyOf(firms))) {
            roles.computeIfAbsent(a.firmId(), f -> new LinkedHashMap<>())
                    .merge(a.address(), a.role(), (first, second) -> MLRO.equals(first) ? first : second);
        }
        return roles;
    }

    /**
     * Claims up to {@code limit} due mails by pushing their next attempt a lease into the future, so no other instance
     * sends them meanwhile; the SMTP calls happen outside any transaction.
     */
    List<Due> claimDue(int limit, long leaseSeconds) {
        return jdbc.query("claim mail deliveries", """
                update mail_delivery set next_attempt_at = now() + make_interval(secs => ?)
                where id in (select id from mail_delivery where status = 'PENDING' and next_attempt_at <= now()
                             order by next_attempt_at limit ? for update skip locked)
                returning id, recipient, subject, body, attempts""",
                rs -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5)),
                leaseSeconds, limit);
    }

    /** Records an attempt; {@code nextAttempt == null} without success means the mail gave up. */
    @Transactional
    void recordAttempt(UUID deliveryId, int attempt, boolean sent, long durationMs, Instant nextAttempt) {
        MailDelivery d = MailDelivery.findById(deliveryId);
        if (d == null) {
            return;
        }
        MailAttempt a = new MailAttempt(attempt, durationMs, sent);
        d.record(a, sent, MailDelivery.SENT, nextAttempt);
        d.lastOutcome = a.outcome;
        d.sentAt = sent ? a.at : null;
    }

    /** A firm's mail log, newest first. */
    public List<Sent> log(String firmId, int limit) {
        return MailDelivery.<MailDelivery>find("firmId", Sort.descending("createdAt").and("id"), firmId).page(0, limit)
                .list().stream()
                .map(d -> new Sent(d.id, d.alertId, d.event, d.recipient, d.amlView, d.subject, d.status, d.attempts,
                        Times.almaty(d.createdAt), MailDelivery.PENDING.equals(d.status) ? Times.almaty(d.nextAttemptAt)
                                : null, Times.almaty(d.sentAt), d.lastOutcome))
                .toList();
    }

    private static List<String> addresses(List<MailRecipient> all, String role) {
        return all.stream().filter(r -> role.equals(r.role)).map(r -> r.address).collect(Collectors.toList());
    }
}
