package kz.aifc.events.v1;

/** Status of a firm's AFSA licence. */
public enum LicenceStatus {
    ACTIVE,
    SUSPENDED,
    WITHDRAWN
}
