package kz.aifc.contract.v1;

/** Risk categories a blockchain analytics provider found in the counterparty wallet's history. */
public enum Exposure {
    MIXER,
    DARKNET,
    SANCTIONED,
    RANSOMWARE,
    SCAM,
    GAMBLING,
    PRIVACY_COIN,
    P2P
}
