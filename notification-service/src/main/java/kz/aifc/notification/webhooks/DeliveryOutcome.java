package kz.aifc.notification.webhooks;

/** What one delivery attempt came to, as the delivery log shows it: coarse, never a network error's text. */
public enum DeliveryOutcome {
    /** The receiver answered 2xx. */
    DELIVERED,
    /** The receiver answered a redirect, which is not followed. */
    HTTP_3XX,
    /** The receiver answered 4xx. */
    HTTP_4XX,
    /** The receiver answered 5xx (or another non-2xx status). */
    HTTP_5XX,
    /** No connection or no answer within the timeout. */
    TIMEOUT,
    /** The connection was refused, reset or its TLS handshake failed. */
    CONNECTION_FAILED,
    /** The host name did not resolve. */
    UNKNOWN_HOST,
    /** The host resolved to an internal address that is not allow-listed: not sent, and not retried. */
    REFUSED_ADDRESS;

    static DeliveryOutcome ofStatus(int status) {
        if (status / 100 == 2) {
            return DELIVERED;
        }
        if (status / 100 == 3) {
            return HTTP_3XX;
        }
        return status / 100 == 4 ? HTTP_4XX : HTTP_5XX;
    }

    /** Whether a later attempt may succeed; a refused address is final. */
    boolean retryable() {
        return this != DELIVERED && this != REFUSED_ADDRESS;
    }
}
