package kz.aifc.contract.v1;

/** Travel Rule data of a transfer; all optional, since incompleteness is a finding (AML-002), not malformed input. */
public record TravelRule(
        String originatorName,
        String originatorWallet,
        String originatorIdentifier,
        String beneficiaryName,
        String beneficiaryWallet) {
}
