package kz.aifc.contract.v1;

/** Direction of a screened transaction as seen from the firm's customer. */
public enum Direction {
    DEPOSIT,
    WITHDRAWAL,
    TRANSFER_IN,
    TRANSFER_OUT,
    TRADE
}
