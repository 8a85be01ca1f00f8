package kz.aifc.contract.v1;

/** A payload record was built with a value the contract forbids; {@code field} is relative to the record. */
public class InvalidPayloadException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    public InvalidPayloadException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The offending field, relative to the record that rejected it, e.g. {@code usdRate} or {@code roles[1]}. */
    public String field() {
        return field;
    }

    /** What is wrong, without the field name. */
    public String problem() {
        return problem;
    }
}
