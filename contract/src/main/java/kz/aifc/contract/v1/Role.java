package kz.aifc.contract.v1;

/** Functions a person can hold in a licensed firm. */
public enum Role {
    SENIOR_EXECUTIVE_OFFICER,
    FINANCE_OFFICER,
    COMPLIANCE_OFFICER,
    MLRO,
    DEPUTY_MLRO,
    DIRECTOR,
    INDEPENDENT_DIRECTOR,
    CHIEF_IT_OFFICER,
    RISK_MANAGER
}
