package kz.aifc.contract.codec;

/** A record that breaks the event contract; the message names the field so the DLQ reason header is actionable. */
public class MalformedEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    public MalformedEventException(String field, String reason) {
        this(field, reason, null);
    }

    public MalformedEventException(String field, String reason, Throwable cause) {
        super(field + ": " + reason, cause);
        this.field = field;
        this.reason = reason;
    }

    /**
     * Where the problem is: a header such as {@code ce_type}, an envelope attribute such as {@code specversion},
     * or a path into the payload such as {@code data.customer.riskRating} or {@code data.roles[1]}.
     */
    public String field() {
        return field;
    }

    /** What is wrong, without the field name. */
    public String reason() {
        return reason;
    }
}
