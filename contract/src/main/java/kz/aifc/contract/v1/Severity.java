package kz.aifc.contract.v1;

/** Severity of an alert, most urgent first. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW
}
