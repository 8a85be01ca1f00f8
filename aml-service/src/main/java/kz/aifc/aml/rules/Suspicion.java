package kz.aifc.aml.rules;

import java.util.List;

/**
 * What an AML finding adds to the rule kit's {@link kz.aifc.platform.rules.Finding}: the customer and the
 * transactions involved, the events that caused it, and whether it opens (or joins) the customer's
 * suspicious-activity case for the MLRO.
 */
public record Suspicion(String customerId, List<String> causedBy, List<String> transactionIds, boolean opensCase) {
}
