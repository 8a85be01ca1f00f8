package kz.aifc.contract.v1;

/** The firm's own customer risk rating. */
public enum RiskRating {
    LOW,
    MEDIUM,
    HIGH
}
