package kz.aifc.contract.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** Raised by the strict deserializers; Jackson prepends the path as it unwinds, the codec adds the "data" root. */
final class RejectedValueException extends JsonMappingException {

    private static final long serialVersionUID = 1L;

    private final String problem;

    RejectedValueException(JsonParser parser, String problem) {
        super(parser, problem);
        this.problem = problem;
    }

    String problem() {
        return problem;
    }
}
