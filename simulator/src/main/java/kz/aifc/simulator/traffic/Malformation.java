package kz.aifc.simulator.traffic;

/** Ways a record is deliberately broken so that consumers must route it to the DLQ (contract/README.md §1). */
public enum Malformation {
    MISSING_FIELD,
    UNKNOWN_ENUM,
    NEGATIVE_AMOUNT,
    EXPONENT_MONEY,
    UNKNOWN_TYPE,
    NOT_JSON
}
