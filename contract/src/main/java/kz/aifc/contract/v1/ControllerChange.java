package kz.aifc.contract.v1;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Payload of {@code kz.aifc.controller.change.v1}: a change in who controls a firm and how much.
 *
 * @param proposed optional (null = false): true when the change is proposed and not yet made ({@code effectiveDate}
 *                 is then the planned date), as GEN 3.3.1 asks a decrease to be notified before it happens
 * @param approvalDate optional: the date AFSA approved the change in control this holding relies on; an approval is
 *                 valid for one year (GEN 3.2.3(1)), so an older one does not cover the change
 */
public record ControllerChange(
        String firmId,
        String controllerId,
        String name,
        CustomerType type,
        BigDecimal previousHoldingPct,
        BigDecimal newHoldingPct,
        AfsaApproval afsaApproval,
        Boolean sourceOfWealthEvidence,
        LocalDate effectiveDate,
        Boolean proposed,
        LocalDate approvalDate) implements FirmEvent {

    public ControllerChange {
        Checks.text(firmId, "firmId");
        Checks.text(controllerId, "controllerId");
        Checks.text(name, "name");
        Checks.present(type, "type");
        Checks.percentage(previousHoldingPct, "previousHoldingPct");
        Checks.percentage(newHoldingPct, "newHoldingPct");
        Checks.present(afsaApproval, "afsaApproval");
        Checks.present(sourceOfWealthEvidence, "sourceOfWealthEvidence");
        Checks.present(effectiveDate, "effectiveDate");
    }

    /** A completed change, as version 1 first defined the event (no {@code proposed}). */
    public ControllerChange(String firmId, String controllerId, String name, CustomerType type,
            BigDecimal previousHoldingPct, BigDecimal newHoldingPct, AfsaApproval afsaApproval,
            Boolean sourceOfWealthEvidence, LocalDate effectiveDate) {
        this(firmId, controllerId, name, type, previousHoldingPct, newHoldingPct, afsaApproval, sourceOfWealthEvidence,
                effectiveDate, null, null);
    }

    /** A change with {@code proposed} but no {@code approvalDate}. */
    public ControllerChange(String firmId, String controllerId, String name, CustomerType type,
            BigDecimal previousHoldingPct, BigDecimal newHoldingPct, AfsaApproval afsaApproval,
            Boolean sourceOfWealthEvidence, LocalDate effectiveDate, Boolean proposed) {
        this(firmId, controllerId, name, type, previousHoldingPct, newHoldingPct, afsaApproval, sourceOfWealthEvidence,
                effectiveDate, proposed, null);
    }

    /** Whether the change is proposed rather than made (not a bean getter, so it never joins the JSON). */
    public boolean proposes() {
        return Boolean.TRUE.equals(proposed);
    }
}
