package kz.aifc.contract.v1;

/** Seniority of a person within the firm (the MLRO must be senior enough). */
public enum Seniority {
    DIRECTOR,
    PARTNER,
    PRINCIPAL_REPRESENTATIVE,
    SENIOR_MANAGER,
    OTHER
}
