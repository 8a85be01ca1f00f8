package kz.aifc.notification.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.notification.store.StoredAlert;
import kz.aifc.notification.store.Times;
import kz.aifc.platform.audit.AuditTrail;

/**
 * An alert's timeline from the audit log that {@link AlertDesk} writes (raised, updated, reopened, acknowledged,
 * escalated, resolved), with who and why. Tipping-off holds here as in {@link AlertView}: on an AML alert a caller with
 * the {@link AmlView#RESTRICTED} view gets a neutral text for every resolution reason, including those of earlier
 * lifecycles that the alert's own fields no longer show.
 */
@ApplicationScoped
public class AlertHistory {

    /** More steps than any alert's real life; a flapping alert keeps its newest. */
    public static final int MAX_STEPS = 500;
    private static final String PREFIX = "alert.";

    private final AuditTrail audit;

    AlertHistory(AuditTrail audit) {
        this.audit = audit;
    }

    public AlertTimeline timeline(StoredAlert alert, AmlView view) {
        List<AuditTrail.Recorded> entries = audit.about(alert.firmId(), alert.alertId(), PREFIX, MAX_STEPS + 1);
        boolean truncated = entries.size() > MAX_STEPS;
        List<AuditTrail.Recorded> kept = truncated ? entries.subList(1, entries.size()) : entries;
        boolean restricted = AlertView.AML.equals(alert.duty()) && view == AmlView.RESTRICTED;
        List<AlertTimeline.Step> steps = new ArrayList<>(kept.size());
        for (AuditTrail.Recorded entry : kept) {
            steps.add(step(entry, restricted));
        }
        return new AlertTimeline(AlertView.of(alert, view), steps, truncated);
    }

    private static AlertTimeline.Step step(AuditTrail.Recorded entry, boolean restricted) {
        String event = entry.action().substring(PREFIX.length()).toUpperCase(Locale.ROOT);
        JsonNode detail = parse(entry.detail());
        String reason = null;
        String severity = null;
        String escalation = null;
        String kind = null;
        boolean withheld = false;
        switch (event) {
            case "RAISED", "UPDATED", "REOPENED" -> {
                kind = "SOURCE_SERVICE";
                reason = text(detail, "title");
                severity = text(detail, "severity");
            }
            case "ACKNOWLEDGED" -> kind = "PERSON";
            case "ESCALATED" -> {
                kind = "ESCALATION_CLOCK";
                reason = text(detail, "detail");
                escalation = text(detail, "reason");
            }
            case "RESOLVED" -> {
                kind = "person".equals(text(detail, "by")) ? "PERSON" : "SOURCE_SERVICE";
                // The reason may name a case or an STR decision: for the MLRO, the regulator and the admin only.
                withheld = restricted;
                reason = restricted ? AlertView.NEUTRAL_RESOLUTION : text(detail, "reason");
            }
            default -> {
                // An action this version does not know: shown by name, its actor's kind and detail kept back.
            }
        }
        return new AlertTimeline.Step(Times.almaty(entry.at()), event, entry.actor(), kind, reason, severity,
                escalation, withheld);
    }

    private static JsonNode parse(String json) {
        try {
            return CloudEventCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
