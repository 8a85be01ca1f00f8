package kz.aifc.platform.rules;

import java.time.OffsetDateTime;
import java.util.Map;

import kz.aifc.contract.v1.Severity;

/**
 * What a rule found, the same in every service: the rule that fired, the breach's stable alert id (the same breach
 * found again updates its alert), the firm, the finding as a title, in words and as evidence, the deadline it
 * carries, and what the duty adds ({@code D}: the customer and transactions of a suspicion, the AFSA notification a
 * fit-and-proper breach calls for; {@code Void} where the duty adds nothing).
 *
 * @param alertId       null where the alert's identity rests on state the rule does not see (capital-service dates a
 *                      breach by the day it began, which its alert book knows)
 * @param deadline      null where the rule sets none, or where the caller counts it from such state
 * @param deadlineBasis how the deadline is set, in words; the rule's own unless the finding has a better one
 */
public record Finding<D>(Rule rule, String alertId, String firmId, String title, String detail,
        Map<String, Object> evidence, OffsetDateTime deadline, String deadlineBasis, D duty) {

    public Finding {
        evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(evidence);
    }

    public String ruleId() {
        return rule.id();
    }

    public Severity severity() {
        return rule.severity();
    }

    public String citation() {
        return rule.citation();
    }
}
