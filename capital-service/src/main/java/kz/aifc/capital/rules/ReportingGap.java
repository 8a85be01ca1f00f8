package kz.aifc.capital.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import kz.aifc.platform.time.BusinessCalendar;
import kz.aifc.platform.rules.Rule;

/** CAP-005: no snapshot for longer than the configured interval, measured from the latest snapshot's {@code asOf}. */
public final class ReportingGap {

    private ReportingGap() {
    }

    /**
     * @param lastAsOf the latest snapshot's {@code asOf}, or when monitoring began for a licensed firm that never
     *                 reported
     */
    public static Verdict evaluate(String firmId, OffsetDateTime lastAsOf, boolean everReported, Instant now,
            CapitalRulebook rulebook) {
        Rule rule = rulebook.rule(CapitalRulebook.CAP_005);
        if (!rule.inForce(now.atZone(BusinessCalendar.ALMATY).toLocalDate())) {
            return Verdict.clear(rule.id(), "CAP-005 applies from " + rule.effectiveFrom() + " (" + rule.citation() + ").");
        }
        Duration gap = Duration.between(lastAsOf.toInstant(), now);
        if (gap.compareTo(rulebook.maxGap()) <= 0) {
            return Verdict.clear(rule.id(), "A capital snapshot as of " + lastAsOf + " is within the interval.");
        }
        String since = lastAsOf.atZoneSameInstant(BusinessCalendar.ALMATY).toOffsetDateTime().toString();
        // The detail stays the same while the gap lasts, so the alert is not re-emitted at every check.
        String detail = everReported
                ? "No capital snapshot from " + firmId + " since the one as of " + since + " (interval "
                        + rulebook.maxGap() + ")."
                : "No capital snapshot from " + firmId + " since monitoring began at " + since + " (interval "
                        + rulebook.maxGap() + ").";
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("lastAsOf", everReported ? since : null);
        evidence.put("monitoredSince", everReported ? null : since);
        evidence.put("maxGap", rulebook.maxGap().toString());
        evidence.put("gapAtDetection", gap.toString());
        return Verdict.breach(rule, firmId, detail, evidence);
    }
}
