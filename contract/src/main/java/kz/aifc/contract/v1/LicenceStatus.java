package kz.aifc.contract.v1;

/** Status of a firm's AFSA licence. */
public enum LicenceStatus {
    ACTIVE,
    SUSPENDED,
    WITHDRAWN
}
