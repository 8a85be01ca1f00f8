package kz.aifc.contract.v1;

/** The other side of a transfer; VASP-only and self-hosted-only facts are optional so the AML rules judge gaps. */
public record Counterparty(
        String name,
        String wallet,
        String vaspId,
        Boolean selfHosted,
        Boolean ownershipVerified,
        Boolean vaspDueDiligenceCompleted,
        String jurisdiction,
        Boolean offshore) {

    public Counterparty {
        Checks.text(wallet, "wallet");
        Checks.present(selfHosted, "selfHosted");
        Checks.optionalCountry(jurisdiction, "jurisdiction");
        Checks.present(offshore, "offshore");
    }
}
