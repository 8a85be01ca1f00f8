package kz.aifc.contract.v1;

/** Licence duty an alert is about. */
public enum Duty {
    CAPITAL,
    AML,
    FIT_AND_PROPER
}
