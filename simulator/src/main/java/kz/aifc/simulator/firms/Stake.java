package kz.aifc.simulator.firms;

import java.math.BigDecimal;
import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.contract.v1.CustomerType;

/** A controller's holding in a firm, with the approval and evidence the fit-and-proper rules ask for. */
public record Stake(
        String controllerId,
        String name,
        CustomerType type,
        BigDecimal holdingPct,
        AfsaApproval afsaApproval,
        boolean sourceOfWealthEvidence) {

    public Stake withHolding(BigDecimal pct, AfsaApproval approval) {
        return new Stake(controllerId, name, type, pct, approval, sourceOfWealthEvidence);
    }
}
