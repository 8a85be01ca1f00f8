package kz.aifc.contract.v1;

/** Reporting currency of a capital snapshot. */
public enum Currency {
    USD,
    KZT
}
