package kz.aifc.contract.v1;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Payload of {@code kz.aifc.controller.change.v1}: a change in who controls a firm and how much. */
public record ControllerChange(
        String firmId,
        String controllerId,
        String name,
        CustomerType type,
        BigDecimal previousHoldingPct,
        BigDecimal newHoldingPct,
        AfsaApproval afsaApproval,
        Boolean sourceOfWealthEvidence,
        LocalDate effectiveDate) {

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
}
