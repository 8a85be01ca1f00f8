package kz.aifc.aml.rules;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What a rule found: the stable {@code alertId} of the breach (the same breach seen again updates it), the customer
 * and transactions involved, and whether it opens (or joins) the customer's suspicious-activity case.
 */
public record Finding(
        String ruleId,
        String alertId,
        String firmId,
        String customerId,
        String detail,
        Map<String, Object> evidence,
        List<String> causedBy,
        List<String> transactionIds,
        OffsetDateTime regulatoryDeadline,
        String deadlineBasis,
        boolean opensCase) {
}
