package kz.aifc.contract.v1;

/**
 * The other side of a transfer; VASP-only and self-hosted-only facts are optional so the AML rules judge gaps.
 * {@code personType} (optional, null when unknown): whether the person on that side is a natural person or a legal
 * entity, for the Travel Rule's scope (AML 11-1.1(3)-(4): transfers involving natural persons).
 * {@code anonymousAccount} (optional, null when not known): the operation is from or to an anonymous account, a
 * threshold operation from KZT 5,000,000 (Law 191-IV Art. 4(1)).
 */
public record Counterparty(
        String name,
        String wallet,
        String vaspId,
        Boolean selfHosted,
        Boolean ownershipVerified,
        Boolean vaspDueDiligenceCompleted,
        String jurisdiction,
        Boolean offshore,
        CustomerType personType,
        Boolean anonymousAccount) {

    /** A counterparty without the optional fields added later: person type and anonymity unknown. */
    public Counterparty(String name, String wallet, String vaspId, Boolean selfHosted, Boolean ownershipVerified,
            Boolean vaspDueDiligenceCompleted, String jurisdiction, Boolean offshore) {
        this(name, wallet, vaspId, selfHosted, ownershipVerified, vaspDueDiligenceCompleted, jurisdiction, offshore,
                null, null);
    }

    /** A counterparty of a known person type, anonymity unknown. */
    public Counterparty(String name, String wallet, String vaspId, Boolean selfHosted, Boolean ownershipVerified,
            Boolean vaspDueDiligenceCompleted, String jurisdiction, Boolean offshore, CustomerType personType) {
        this(name, wallet, vaspId, selfHosted, ownershipVerified, vaspDueDiligenceCompleted, jurisdiction, offshore,
                personType, null);
    }

    public Counterparty {
        Checks.text(wallet, "wallet");
        Checks.present(selfHosted, "selfHosted");
        Checks.optionalCountry(jurisdiction, "jurisdiction");
        Checks.present(offshore, "offshore");
    }
}
