package kz.aifc.contract.v1;

/** Regulated activities a licence can permit. */
public enum Activity {
    DATF_OPERATOR,
    DEALING_AS_PRINCIPAL,
    DEALING_AS_MATCHED_PRINCIPAL,
    DEALING_AS_AGENT,
    MANAGING_INVESTMENTS,
    PROVIDING_CUSTODY,
    ARRANGING_CUSTODY,
    ADVISING,
    ARRANGING_DEALS,
    MONEY_SERVICES
}
