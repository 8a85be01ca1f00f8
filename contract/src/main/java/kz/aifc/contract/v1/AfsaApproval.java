package kz.aifc.contract.v1;

/** State of AFSA approval for a person's controlled functions or a controller's holding. */
public enum AfsaApproval {
    NONE,
    PENDING,
    APPROVED,
    WITHDRAWN
}
