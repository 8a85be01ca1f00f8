package kz.aifc.licensing.rules;

import java.time.OffsetDateTime;
import java.util.Map;
import kz.aifc.platform.rules.Rule;

/**
 * One breach a rule found. {@code alertId} is stable for the breach; a {@code standing} finding lasts as long as
 * the state that causes it (re-evaluated on every change, resolved when gone), a non-standing one is a duty that
 * one event triggered (a disclosure, a decrease notice) and stays open until the compliance team closes it.
 */
public record Finding(
        String alertId,
        String ruleId,
        String firmId,
        Rule rule,
        String title,
        String detail,
        Map<String, Object> evidence,
        OffsetDateTime deadline,
        String deadlineBasis,
        NotificationKind kind,
        boolean standing) {

    public Finding {
        evidence = Map.copyOf(evidence);
    }
}
