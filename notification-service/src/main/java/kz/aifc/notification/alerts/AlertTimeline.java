package kz.aifc.notification.alerts;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An alert and what happened to it, oldest step first, as the caller may see it. */
@Schema(name = "AlertTimeline", description = "An alert (as GET /alerts/{alertId} shows it) and its steps from the "
        + "audit log, oldest first. Times are RFC 3339 at +05:00 (Asia/Almaty).")
public record AlertTimeline(
        AlertView alert,
        List<Step> steps,
        @Schema(description = "true when the alert has more steps than the timeline carries (" + AlertHistory.MAX_STEPS
                + "); the oldest were left out")
        boolean truncated) {

    /** One step: when, what, who and why. */
    @Schema(name = "TimelineStep")
    public record Step(
            OffsetDateTime at,
            @Schema(enumeration = { "RAISED", "UPDATED", "REOPENED", "ACKNOWLEDGED", "ESCALATED", "RESOLVED" })
            String event,
            @Schema(description = "Who: a person (the token's name), the source service (its CloudEvents source) or "
                    + "escalation-clock")
            String actor,
            @Schema(enumeration = { "PERSON", "SOURCE_SERVICE", "ESCALATION_CLOCK" })
            String actorKind,
            @Schema(description = "Why or what: the alert's title when raised, updated or reopened; the escalation "
                    + "policy's words; the resolution reason (on an AML alert, for callers other than mlro, regulator "
                    + "and admin, a neutral text instead)")
            String reason,
            @Schema(description = "Severity when raised, updated or reopened")
            String severity,
            @Schema(description = "On an escalation: CRITICAL_UNACKNOWLEDGED, DEADLINE_NEAR or DEADLINE_PASSED")
            String escalationReason,
            @Schema(description = "true when the reason was withheld from this caller (tipping-off)")
            boolean reasonWithheld) {
    }
}
