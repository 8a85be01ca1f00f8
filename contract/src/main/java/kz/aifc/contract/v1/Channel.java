package kz.aifc.contract.v1;

/** How the customer reached the firm for this transaction; both fields optional. */
public record Channel(String ip, String deviceId) {
}
