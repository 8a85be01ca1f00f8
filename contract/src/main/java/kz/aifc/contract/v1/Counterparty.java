package kz.aifc.contract.v1;

/**
 * The other side of a transfer; VASP-only and self-hosted-only facts are optional so the AML rules judge gaps.
 * {@code personType} (optional, null when unknown): whether the person on that side is a natural person or a legal
 * entity, for the Travel Rule's scope (AML 11-1.1(3)-(4): transfers involving natural persons).
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
        CustomerType personType) {

    /** A counterparty whose person type is not known (the field added after the first release: absent means unknown). */
    public Counterparty(String name, String wallet, String vaspId, Boolean selfHosted, Boolean ownershipVerified,
            Boolean vaspDueDiligenceCompleted, String jurisdiction, Boolean offshore) {
        this(name, wallet, vaspId, selfHosted, ownershipVerified, vaspDueDiligenceCompleted, jurisdiction, offshore,
                null);
    }

    public Counterparty {
        Checks.text(wallet, "wallet");
        Checks.present(selfHosted, "selfHosted");
        Checks.optionalCountry(jurisdiction, "jurisdiction");
        Checks.present(offshore, "offshore");
    }
}
