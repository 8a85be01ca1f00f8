package kz.aifc.contract.v1;

/** Natural person or legal entity; used for customers and for controllers. */
public enum CustomerType {
    NATURAL,
    LEGAL
}
