package kz.aifc.licensing.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;

import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.contract.v1.CustomerType;

/**
 * A controller's current holding and approval, plus the thresholds it crossed upward without AFSA approval that
 * are still crossed ({@code pendingThresholds}, FP-008): an approval or a fall back below clears them.
 *
 * @param approvalDate when AFSA approved the change in control the holding relies on; null when not reported
 */
public record ControllerState(String controllerId, String name, CustomerType type, BigDecimal holdingPct,
        AfsaApproval approval, boolean sourceOfWealthEvidence, SortedSet<BigDecimal> pendingThresholds,
        LocalDate effectiveDate, LocalDate approvalDate) {

    public ControllerState {
        pendingThresholds = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(pendingThresholds));
    }
}
