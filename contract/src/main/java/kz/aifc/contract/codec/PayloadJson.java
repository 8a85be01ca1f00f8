package kz.aifc.contract.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.v1.InvalidPayloadException;

/**
 * The payload as JSON, whichever content mode carried it: the one mapper with the contract's strict rules, a reader
 * per payload record, and the translation of every Jackson failure into a {@link MalformedEventException} that names
 * the field by its path.
 */
final class PayloadJson {

    static final ObjectMapper MAPPER = createMapper();
    static final ObjectWriter WRITER = MAPPER.writer();
    private static final Map<String, ObjectReader> READERS_BY_TYPE;
    private static final Map<Class<?>, ObjectReader> READERS_BY_CLASS;

    static {
        Map<String, ObjectReader> byType = new HashMap<>();
        Map<Class<?>, ObjectReader> byClass = new HashMap<>();
        for (String type : EventTypes.all()) {
            Class<?> payload = EventTypes.payloadClass(type);
            ObjectReader reader = payloadReader(payload);
            byType.put(type, reader);
            byClass.put(payload, reader);
        }
        READERS_BY_TYPE = Map.copyOf(byType);
        READERS_BY_CLASS = Map.copyOf(byClass);
    }

    private PayloadJson() {
    }

    /** The reader of a contract type's payload, or null for a type the contract does not know. */
    static ObjectReader readerForType(String type) {
        return READERS_BY_TYPE.get(type);
    }

    /** The reader of a payload class: the contract's own, or a new one for any other class. */
    static ObjectReader readerForClass(Class<?> type) {
        ObjectReader reader = READERS_BY_CLASS.get(type);
        return reader != null ? reader : payloadReader(type);
    }

    /** Reads {@code length} bytes from {@code offset} as one payload; errors are rooted at {@code data}. */
    static Object read(ObjectReader reader, byte[] bytes, int offset, int length) {
        Object data;
        try (JsonParser p = MAPPER.getFactory().createParser(bytes, offset, length)) {
            data = reader.readValue(p);
            if (p.nextToken() != null) {
                throw new MalformedEventException("data", "unexpected content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            throw translate("data", e);
        } catch (IOException e) {
            throw new MalformedEventException("data", "unreadable: " + e.getMessage(), e);
        } catch (InvalidPayloadException e) {
            throw new MalformedEventException("data." + e.field(), e.problem(), e);
        }
        if (data == null) {
            throw new MalformedEventException("data", "required: the payload is JSON null");
        }
        return data;
    }

    /** {@link #read} checks for trailing content itself, to say so plainly rather than as a type mismatch. */
    private static ObjectReader payloadReader(Class<?> type) {
        return MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    static ObjectMapper createMapper() {
        JsonFactory factory = JsonFactory.builder()
                // Let NaN and Infinity reach the decimal reader, which can then name the field they sit in.
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                // Keep payload bytes out of exception messages; reasons end up in DLQ headers and logs.
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .addModule(new StrictJsonModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    static MalformedEventException translate(String root, JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping) {
            String path = join(root, path(mapping));
            if (mapping instanceof RejectedValueException rejected) {
                return new MalformedEventException(path, rejected.problem(), e);
            }
            InvalidPayloadException invalid = cause(mapping, InvalidPayloadException.class);
            if (invalid != null) {
                return new MalformedEventException(join(path, invalid.field()), invalid.problem(), e);
            }
            JsonProcessingException syntax = cause(mapping, JsonProcessingException.class);
            if (syntax != null && !(syntax instanceof JsonMappingException)) {
                // The parser knows where it broke; the mapping path only knows the enclosing property.
                String context = syntax.getProcessor() instanceof JsonParser parser
                        ? contextPath(parser.getParsingContext())
                        : "";
                return new MalformedEventException(context.isEmpty() ? path : join(root, context),
                        notValidJson(syntax), e);
            }
            if (mapping instanceof MismatchedInputException mismatch) {
                return new MalformedEventException(path,
                        "expected " + kind(mismatch.getTargetType()) + ", got " + describe(mismatch), e);
            }
            Throwable deepest = e;
            while (deepest.getCause() != null && deepest.getCause() != deepest) {
                deepest = deepest.getCause();
            }
            String message = deepest instanceof JsonProcessingException jpe
                    ? jpe.getOriginalMessage()
                    : deepest.getMessage();
            return new MalformedEventException(path, "invalid value: " + message, e);
        }
        String context = e.getProcessor() instanceof JsonParser parser ? contextPath(parser.getParsingContext()) : "";
        String path = join(root, context);
        return new MalformedEventException(path.isEmpty() ? "envelope" : path, notValidJson(e), e);
    }

    private static String notValidJson(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "exceeds a size limit: " + e.getOriginalMessage();
        }
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 0
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return "not valid JSON: " + e.getOriginalMessage() + where;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String contextPath(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        return String.join("", parts);
    }

    /** Joins a root and a relative path; a relative path starts with '.' or '[' or is a bare field name. */
    private static String join(String root, String relative) {
        if (relative == null || relative.isEmpty()) {
            return root;
        }
        if (root.isEmpty()) {
            return relative.startsWith(".") ? relative.substring(1) : relative;
        }
        if (relative.startsWith(".") || relative.startsWith("[")) {
            return root + relative;
        }
        return root + "." + relative;
    }

    private static <X extends Throwable> X cause(Throwable e, Class<X> type) {
        for (Throwable t = e.getCause(); t != null && t != e; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum() || Temporal.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (Boolean.class == type || Boolean.TYPE == type) {
            return "a boolean";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "an object";
    }

    private static String describe(MismatchedInputException e) {
        JsonToken token = e.getCurrentToken();
        if (token == null && e.getProcessor() instanceof JsonParser parser) {
            token = parser.currentToken();
        }
        return Texts.describe(token);
    }
}
