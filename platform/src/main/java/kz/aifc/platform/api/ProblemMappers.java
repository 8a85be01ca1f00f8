package kz.aifc.platform.api;

import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import kz.aifc.contract.codec.MalformedEventException;

/** Maps every failure a REST caller can meet to one shape: application/problem+json, 4xx for the caller's mistakes. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private ProblemMappers() {
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** Our own problems. */
    @Provider
    public static class Own implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            return respond(e.toProblem());
        }
    }

    /** Bean Validation failures on request bodies and parameters. */
    @Provider
    public static class Validation implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                    .sorted((a, b) -> a.field().compareTo(b.field()))
                    .toList();
            String detail = errors.stream().map(f -> f.field() + ": " + f.message())
                    .reduce((a, b) -> a + "; " + b).orElse("invalid request");
            return respond(Problem.of(400, "Bad Request", detail, errors));
        }

        /** Drops the method and parameter nodes of the path so the field reads as the caller wrote it. */
        private static String field(ConstraintViolation<?> violation) {
            StringBuilder field = new StringBuilder();
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == jakarta.validation.ElementKind.METHOD
                        || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                    continue;
                }
                if (node.getName() == null) {
                    continue;
                }
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
                if (node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
            }
            return field.isEmpty() ? violation.getPropertyPath().toString() : field.toString();
        }
    }

    /** Bodies that are not JSON or do not fit the expected shape. */
    @Provider
    public static class Json implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            String field = e instanceof JsonMappingException m ? path(m) : "";
            String message = e.getOriginalMessage();
            if (field.isEmpty()) {
                return respond(Problem.of(400, "Bad Request", "request body is not valid JSON: " + message, List.of()));
            }
            return respond(Problem.of(400, "Bad Request", field + ": " + message,
                    List.of(new Problem.FieldError(field, message))));
        }

        static String path(JsonMappingException e) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : e.getPath()) {
                if (ref.getFieldName() != null) {
                    if (!path.isEmpty()) {
                        path.append('.');
                    }
                    path.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.toString();
        }
    }

    /**
     * A body of the wrong JSON shape (a string where a list belongs): Quarkus has its own mapper for this exact type,
     * which would otherwise win over {@link Json} and answer without naming the field.
     */
    @Provider
    public static class Mismatched implements ExceptionMapper<MismatchedInputException> {
        @Override
        public Response toResponse(MismatchedInputException e) {
            String path = Json.path(e);
            String field = path.isEmpty() ? "body" : path;
            String message = e instanceof StrictJsonBodies.RefusedBodyValue ? e.getOriginalMessage()
                    : "wrong JSON type or shape: " + e.getOriginalMessage();
            return respond(Problem.of(400, "Bad Request", field + ": " + message,
                    List.of(new Problem.FieldError(field, message))));
        }
    }

    /** A payload checked with the event contract's own rules. */
    @Provider
    public static class Malformed implements ExceptionMapper<MalformedEventException> {
        @Override
        public Response toResponse(MalformedEventException e) {
            return respond(Problem.of(400, "Bad Request", e.getMessage(),
                    List.of(new Problem.FieldError(e.field(), e.getMessage()))));
        }
    }

    /** Framework errors that already carry a status (unknown path, wrong method, unsupported media type). */
    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            // A body the JSON reader refused arrives wrapped: answer what the reader said, naming the field.
            if (e.getCause() instanceof MismatchedInputException mismatch) {
                return new Mismatched().toResponse(mismatch);
            }
            if (e.getCause() instanceof JsonProcessingException json) {
                return new Json().toResponse(json);
            }
            Response.StatusType status = e.getResponse().getStatusInfo();
            if (status.getStatusCode() >= 500) {
                LOG.error("Request failed", e);
            }
            return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), List.of()));
        }
    }

    /** No token, or one that does not verify. */
    @Provider
    public static class Unauthenticated implements ExceptionMapper<io.quarkus.security.AuthenticationFailedException> {
        @Override
        public Response toResponse(io.quarkus.security.AuthenticationFailedException e) {
            return unauthorized();
        }
    }

    /** No token on an endpoint that needs one. */
    @Provider
    public static class Unauthorized implements ExceptionMapper<io.quarkus.security.UnauthorizedException> {
        @Override
        public Response toResponse(io.quarkus.security.UnauthorizedException e) {
            return unauthorized();
        }
    }

    /** A valid token whose roles do not allow the call. */
    @Provider
    public static class Forbidden implements ExceptionMapper<io.quarkus.security.ForbiddenException> {
        @Override
        public Response toResponse(io.quarkus.security.ForbiddenException e) {
            return respond(Problem.of(403, "Forbidden", "the token's role does not allow this call", List.of()));
        }
    }

    static Response unauthorized() {
        Problem problem = Problem.of(401, "Unauthorized", "a valid bearer token is required (contract/README.md §3)", List.of());
        return Response.status(401).header("WWW-Authenticate", "Bearer").type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** Anything else is a bug: answer 500 without leaking internals, and log it. */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            LOG.error("Unexpected error", e);
            return respond(Problem.of(500, "Internal Server Error", "unexpected error; see the service log", List.of()));
        }
    }
}
