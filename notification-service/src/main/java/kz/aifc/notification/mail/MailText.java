package kz.aifc.notification.mail;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import kz.aifc.contract.CloudEvent;
import kz.aifc.notification.alerts.AlertView;
import kz.aifc.notification.alerts.Change;
import kz.aifc.notification.escalation.EscalationPolicy;

/**
 * The words of an alert mail, in English and then Russian, plain text. It shows the alert as its recipient may see it
 * (an {@link AlertView} already restricted for a compliance officer's address), names no internal id but the alert's,
 * and links to the desk rather than to reports. Plain Java, so it is tested without a server.
 */
public final class MailText {

    static final String SUBJECT_PREFIX = "[AIFC] ";
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter RU = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT);

    /** Subject and body of one mail. */
    public record Text(String subject, String body) {
    }

    private MailText() {
    }

    /**
     * What a change is, as far as mail goes: a CRITICAL alert raised or raised again, and every escalation (not
     * acknowledged in time, deadline near, deadline passed). Empty for changes that send no mail. The key is unique per
     * alert and event, so a repeated event finds its mail already queued.
     */
    public static Optional<String> event(Change change, String severity, String escalationReason, long version) {
        boolean critical = "CRITICAL".equals(severity);
        return switch (change) {
            case RAISED -> critical ? Optional.of("RAISED") : Optional.empty();
            case REOPENED -> critical ? Optional.of("REOPENED@" + version) : Optional.empty();
            case ESCALATED -> Optional.of("ESCALATED:" + escalationReason + "@" + version);
            default -> Optional.empty();
        };
    }

    /** The mail about {@code alert} (as this recipient may see it) for {@code change}, linking to {@code deskUrl}. */
    public static Text of(AlertView alert, Change change, String role, String deskUrl) {
        Headline h = headline(change, alert.escalationReason());
        String subject = SUBJECT_PREFIX + h.en() + ": " + alert.ruleId() + " at " + alert.firmId() + " - "
                + oneLine(alert.title());
        StringBuilder b = new StringBuilder();
        b.append(h.sentenceEn()).append("\n\n");
        line(b, "Firm", alert.firmId());
        line(b, "What", oneLine(alert.title()));
        line(b, "Rule", alert.ruleId() + (alert.citation() == null ? "" : " (" + alert.citation() + ")"));
        line(b, "Severity", alert.severity());
        line(b, "Status", alert.status().toLowerCase(Locale.ROOT));
        line(b, "Detected", en(alert.detectedAt()));
        if (alert.regulatoryDeadline() != null) {
            line(b, "Deadline", en(alert.regulatoryDeadline())
                    + (alert.deadlineBasis() == null ? "" : " (" + alert.deadlineBasis() + ")"));
        }
        if (alert.detail() != null) {
            line(b, "Details", oneLine(alert.detail()));
        }
        line(b, "Alert", alert.alertId());
        if (alert.linksWithheld()) {
            b.append("\nThe details of this AML alert are for the firm's MLRO only (tipping-off rules). Open the desk "
                    + "to work it.\n");
        }
        b.append("\nOpen the alert desk: ").append(deskUrl).append("\n");

        b.append("\n-- По-русски --\n\n").append(h.sentenceRu()).append("\n\n");
        line(b, "Фирма", alert.firmId());
        line(b, "Что", oneLine(alert.title()) + " (текст сервиса, по-английски)");
        line(b, "Правило", alert.ruleId());
        line(b, "Важность", severityRu(alert.severity()));
        line(b, "Обнаружено", ru(alert.detectedAt()));
        if (alert.regulatoryDeadline() != null) {
            line(b, "Срок", ru(alert.regulatoryDeadline()));
        }
        line(b, "Оповещение", alert.alertId());
        if (alert.linksWithheld()) {
            b.append("\nПодробности этого оповещения AML доступны только MLRO фирмы (запрет на разглашение). Откройте "
                    + "рабочее место, чтобы работать с ним.\n");
        }
        b.append("\nОткрыть рабочее место: ").append(deskUrl).append("\n");

        b.append("\n--\nAIFC compliance monitor. You receive this mail as ").append(roleEn(role)).append(" of ")
                .append(alert.firmId()).append(" (mail recipients are set by an administrator).\n")
                .append("Вы получили это письмо как ").append(roleRu(role)).append(" фирмы ").append(alert.firmId())
                .append(" (получателей назначает администратор).\n");
        return new Text(subject, b.toString());
    }

    private record Headline(String en, String sentenceEn, String sentenceRu) {
    }

    private static Headline headline(Change change, String reason) {
        if (change == Change.ESCALATED) {
            return switch (String.valueOf(reason)) {
                case EscalationPolicy.DEADLINE_NEAR -> new Headline("Deadline approaching",
                        "The regulatory deadline of this alert is approaching.",
                        "Приближается регуляторный срок по этому оповещению.");
                case EscalationPolicy.DEADLINE_PASSED -> new Headline("Deadline passed",
                        "The regulatory deadline of this alert has passed.",
                        "Регуляторный срок по этому оповещению истёк.");
                case EscalationPolicy.CRITICAL_UNACKNOWLEDGED -> new Headline("Not acknowledged",
                        "Nobody has acknowledged this CRITICAL alert in time.",
                        "Никто вовремя не принял в работу это критическое оповещение.");
                default -> new Headline("Escalated", "This alert was escalated.", "Оповещение эскалировано.");
            };
        }
        if (change == Change.REOPENED) {
            return new Headline("CRITICAL alert again", "A CRITICAL alert was raised again after it had been resolved.",
                    "Критическое оповещение снова открыто после закрытия.");
        }
        return new Headline("CRITICAL alert", "A CRITICAL alert was raised and needs attention now.",
                "Поступило критическое оповещение, требующее внимания.");
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(label).append(": ").append(value).append("\n");
    }

    /** Subject lines and labelled lines hold no line breaks (a header injection, a broken layout). */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    private static String en(OffsetDateTime t) {
        return t.atZoneSameInstant(CloudEvent.ALMATY).format(EN) + " (Astana time)";
    }

    private static String ru(OffsetDateTime t) {
        return t.atZoneSameInstant(CloudEvent.ALMATY).format(RU) + " (время Астаны)";
    }

    private static String severityRu(String severity) {
        return switch (severity) {
            case "CRITICAL" -> "критическая";
            case "HIGH" -> "высокая";
            case "MEDIUM" -> "средняя";
            case "LOW" -> "низкая";
            default -> severity;
        };
    }

    private static String roleEn(String role) {
        return MailQueue.MLRO.equals(role) ? "the MLRO" : "a compliance officer";
    }

    private static String roleRu(String role) {
        return MailQueue.MLRO.equals(role) ? "MLRO" : "комплаенс-офицер";
    }
}
