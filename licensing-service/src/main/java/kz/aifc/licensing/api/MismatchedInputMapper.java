package kz.aifc.licensing.api;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import kz.aifc.platform.api.Problem;

/**
 * A body of the wrong JSON shape (e.g. a string where a list is expected) as problem+json naming the field:
 * Quarkus's own mapper for this exact type would otherwise win over the platform's JsonProcessingException mapper.
 */
@Provider
public class MismatchedInputMapper implements ExceptionMapper<MismatchedInputException> {

    @Override
    public Response toResponse(MismatchedInputException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        String name = field.isEmpty() ? "body" : field.toString();
        String message = "wrong JSON type or shape: " + e.getOriginalMessage();
        Problem problem = Problem.of(400, "Bad Request", name + ": " + message,
                List.of(new Problem.FieldError(name, message)));
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
