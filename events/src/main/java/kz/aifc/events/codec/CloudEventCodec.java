package kz.aifc.events.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import kz.aifc.events.CloudEvent;
import kz.aifc.events.EventTypes;
import kz.aifc.events.v1.InvalidPayloadException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The one way to read (binary or structured) and write (binary) contract CloudEvents; static, thread-safe. */
public final class CloudEventCodec {

    public static final String CE_ID = "ce_id";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SPECVERSION = "ce_specversion";
    public static final String CE_TIME = "ce_time";
    public static final String CE_SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";
    public static final String STRUCTURED_JSON = "application/cloudevents+json";

    private static final String STRUCTURED_JSON_UTF8 = STRUCTURED_JSON + "; charset=UTF-8";

    private static final Names BINARY = new Names(
            CE_SPECVERSION, CE_ID, CE_SOURCE, CE_TYPE, CE_TIME, CE_SUBJECT, CONTENT_TYPE);
    private static final Names ENVELOPE = new Names(
            "specversion", "id", "source", "type", "time", "subject", "datacontenttype");

    private static final ObjectMapper MAPPER = createMapper();
    private static final ObjectWriter WRITER = MAPPER.writer();
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

    private CloudEventCodec() {
    }

    /**
     * The codec's mapper, configured once for the contract's strict rules (exact decimals written as strings,
     * RFC 3339 times). Never reconfigure it: it is shared by every caller.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }


    /**
     * Decodes a Kafka record in either content mode.
     *
     * @throws MalformedEventException naming the offending header, attribute or payload field
     */
    public static CloudEvent<?> decode(Map<String, byte[]> headers, byte[] value) {
        return decodeRecord(lookup(headers), value, null);
    }

    /**
     * Decodes a Kafka record and requires its type to carry {@code expected}.
     *
     * @throws MalformedEventException also when the type carries another payload
     */
    public static <T> CloudEvent<T> decode(Map<String, byte[]> headers, byte[] value, Class<T> expected) {
        return decodeRecord(lookup(headers), value, Objects.requireNonNull(expected, "expected"));
    }

    /** As {@link #decode(Map, byte[])} for Kafka's own header type. */
    public static CloudEvent<?> decode(Headers headers, byte[] value) {
        return decodeRecord(lookup(headers), value, null);
    }

    /** As {@link #decode(Map, byte[], Class)} for Kafka's own header type. */
    public static <T> CloudEvent<T> decode(Headers headers, byte[] value, Class<T> expected) {
        return decodeRecord(lookup(headers), value, Objects.requireNonNull(expected, "expected"));
    }

    /**
     * As {@link #decode(Headers, byte[], Class)} for a record value a consumer hands over as a buffer (a
     * deserializer's {@code ByteBuffer} overload): a binary-mode payload is read where it lies, never copied.
     */
    public static <T> CloudEvent<T> decode(Headers headers, ByteBuffer value, Class<T> expected) {
        Objects.requireNonNull(expected, "expected");
        if (value == null || !value.hasArray()) {
            return decodeRecord(lookup(headers), value == null ? null : bytes(value), expected);
        }
        return decodeRecord(lookup(headers), value.array(), value.arrayOffset() + value.position(), value.remaining(),
                expected);
    }

    /** The bytes between a buffer's position and limit, as a new array (the buffer is left as it was). */
    public static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    /** Whether a Kafka record is in structured mode (its value is the whole envelope), not binary (the value is the data). */
    public static boolean isStructured(Headers headers) {
        String contentType = text(lookup(headers).get(CONTENT_TYPE));
        return contentType != null && isStructured(contentType);
    }

    /** Decodes a structured-mode value (the whole envelope) whatever the headers say. */
    public static CloudEvent<?> decodeStructured(byte[] value) {
        return decodeEnvelope(value, null);
    }

    /** As {@link #decodeStructured(byte[])}, requiring the type to carry {@code expected}. */
    public static <T> CloudEvent<T> decodeStructured(byte[] value, Class<T> expected) {
        return decodeEnvelope(value, Objects.requireNonNull(expected, "expected"));
    }

    /**
     * Reads a payload on its own (e.g. one a service stored), under the same rules as event data.
     *
     * @throws MalformedEventException with paths rooted at {@code data}
     */
    public static <T> T readPayload(byte[] json, Class<T> type) {
        ObjectReader reader = READERS_BY_CLASS.get(type);
        if (reader == null) {
            reader = payloadReader(type);
        }
        if (json == null || json.length == 0) {
            throw new MalformedEventException("data", "required: the payload is empty");
        }
        return type.cast(readData(reader, json, 0, json.length));
    }

    /** As {@link #readPayload(byte[], Class)} for JSON text. */
    public static <T> T readPayload(String json, Class<T> type) {
        return readPayload(json == null ? null : json.getBytes(StandardCharsets.UTF_8), type);
    }

    private static HeaderSource lookup(Map<String, byte[]> headers) {
        return headers == null ? name -> null : headers::get;
    }

    private static HeaderSource lookup(Headers headers) {
        if (headers == null) {
            return name -> null;
        }
        return name -> {
            Header header = headers.lastHeader(name);
            return header == null ? null : header.value();
        };
    }

    private static <T> CloudEvent<T> decodeRecord(HeaderSource headers, byte[] value, Class<T> expected) {
        return decodeRecord(headers, value, 0, value == null ? 0 : value.length, expected);
    }

    /** A record whose value is {@code length} bytes of {@code value} from {@code offset} (null: no value). */
    private static <T> CloudEvent<T> decodeRecord(HeaderSource headers, byte[] value, int offset, int length,
            Class<T> expected) {
        String contentType = text(headers.get(CONTENT_TYPE));
        if (contentType != null && isStructured(contentType)) {
            boolean whole = value == null || offset == 0 && length == value.length;
            return decodeEnvelope(whole ? value : Arrays.copyOfRange(value, offset, offset + length),
                    expected);
        }
        Attributes attributes = new Attributes(BINARY);
        attributes.specversion = text(headers.get(CE_SPECVERSION));
        attributes.id = text(headers.get(CE_ID));
        attributes.source = text(headers.get(CE_SOURCE));
        attributes.type = text(headers.get(CE_TYPE));
        attributes.time = text(headers.get(CE_TIME));
        attributes.subject = text(headers.get(CE_SUBJECT));
        attributes.dataContentType = contentType;
        ObjectReader reader = check(attributes, expected);
        if (value == null || length == 0) {
            throw new MalformedEventException("data", "required: the record value is empty");
        }
        return build(attributes, readData(reader, value, offset, length));
    }

    private static <T> CloudEvent<T> decodeEnvelope(byte[] value, Class<T> expected) {
        if (value == null || value.length == 0) {
            throw new MalformedEventException("envelope", "required: the record value is empty");
        }
        Attributes attributes = new Attributes(ENVELOPE);
        int dataStart = -1;
        int dataEnd = -1;
        try (JsonParser p = MAPPER.getFactory().createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedEventException("envelope", "expected a JSON object, got " + Texts.describe(p));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                switch (name) {
                    case "specversion" -> attributes.specversion = attribute(p, name);
                    case "id" -> attributes.id = attribute(p, name);
                    case "source" -> attributes.source = attribute(p, name);
                    case "type" -> attributes.type = attribute(p, name);
                    case "time" -> attributes.time = attribute(p, name);
                    case "subject" -> attributes.subject = attribute(p, name);
                    case "datacontenttype" -> attributes.dataContentType = attribute(p, name);
                    case "data" -> {
                        if (token == JsonToken.START_OBJECT) {
                            dataStart = (int) p.currentTokenLocation().getByteOffset();
                            p.skipChildren();
                            dataEnd = (int) p.currentTokenLocation().getByteOffset() + 1;
                        } else if (token != JsonToken.VALUE_NULL) {
                            throw new MalformedEventException("data", "expected an object, got " + Texts.describe(p));
                        }
                    }
                    case "data_base64" -> throw new MalformedEventException("data_base64",
                            "binary data is not supported; send the payload as a JSON object in data");
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new MalformedEventException("envelope", "unexpected content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            throw translate("", e);
        } catch (IOException e) {
            throw new MalformedEventException("envelope", "unreadable: " + e.getMessage(), e);
        }
        ObjectReader reader = check(attributes, expected);
        if (dataStart < 0) {
            throw new MalformedEventException("data", "required field is missing or null");
        }
        return build(attributes, readData(reader, value, dataStart, dataEnd - dataStart));
    }

    private static String attribute(JsonParser p, String name) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new MalformedEventException(name, "expected a string, got " + Texts.describe(p));
    }

    /** Validates the attributes and returns the reader for the payload their type carries. */
    private static ObjectReader check(Attributes a, Class<?> expected) {
        Names n = a.names;
        if (a.dataContentType != null && !isJson(a.dataContentType)) {
            throw new MalformedEventException(n.dataContentType, "unsupported content type "
                    + Texts.quote(a.dataContentType) + " (expected " + JSON + ", or " + STRUCTURED_JSON
                    + " for structured mode)");
        }
        requireAttribute(n.specversion, a.specversion);
        if (!CloudEvent.SPEC_VERSION.equals(a.specversion)) {
            throw new MalformedEventException(n.specversion,
                    "unsupported value " + Texts.quote(a.specversion) + " (expected " + CloudEvent.SPEC_VERSION + ")");
        }
        requireAttribute(n.id, a.id);
        requireAttribute(n.source, a.source);
        requireAttribute(n.type, a.type);
        ObjectReader reader = READERS_BY_TYPE.get(a.type);
        if (reader == null) {
            throw new MalformedEventException(n.type, "unknown event type " + Texts.quote(a.type));
        }
        if (expected != null) {
            Class<?> payload = EventTypes.payloadClass(a.type);
            if (!expected.isAssignableFrom(payload)) {
                throw new MalformedEventException(n.type, "event type " + Texts.quote(a.type) + " carries "
                        + payload.getSimpleName() + ", expected " + expected.getSimpleName());
            }
        }
        if (a.time != null) {
            try {
                a.parsedTime = Rfc3339.parseTime(a.time);
            } catch (IllegalArgumentException e) {
                throw new MalformedEventException(n.time, e.getMessage());
            }
        }
        return reader;
    }

    private static void requireAttribute(String field, String value) {
        if (value == null) {
            throw new MalformedEventException(field, "required attribute is missing");
        }
        if (value.isEmpty()) {
            throw new MalformedEventException(field, "must not be empty");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> CloudEvent<T> build(Attributes a, Object data) {
        return new CloudEvent<>(a.id, a.source, a.type, a.specversion, a.parsedTime, a.subject, a.dataContentType,
                (T) data);
    }

    private static Object readData(ObjectReader reader, byte[] bytes, int offset, int length) {
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


    /**
     * Encodes in binary mode, the mode services emit: {@code ce_*} headers, {@code content-type: application/json}
     * and the payload as the value, keyed by the subject.
     *
     * @throws IllegalArgumentException when the type is unknown or does not carry the event's data
     */
    public static EncodedEvent encode(CloudEvent<?> event) {
        requireEncodable(event);
        byte[] value = toJsonBytes(event.data());
        Map<String, byte[]> headers = new LinkedHashMap<>(8);
        headers.put(CE_SPECVERSION, utf8(event.specversion()));
        headers.put(CE_ID, utf8(event.id()));
        headers.put(CE_SOURCE, utf8(event.source()));
        headers.put(CE_TYPE, utf8(event.type()));
        if (event.time() != null) {
            headers.put(CE_TIME, utf8(Rfc3339.format(event.time())));
        }
        if (event.subject() != null) {
            headers.put(CE_SUBJECT, utf8(event.subject()));
        }
        headers.put(CONTENT_TYPE, utf8(JSON));
        return new EncodedEvent(event.subject(), Collections.unmodifiableMap(headers), value);
    }

    /** Encodes in structured mode (the whole envelope as the value), which firms and the simulator may send. */
    public static EncodedEvent encodeStructured(CloudEvent<?> event) {
        requireEncodable(event);
        try (ByteArrayBuilder out = new ByteArrayBuilder(512)) {
            try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("specversion", event.specversion());
                g.writeStringField("id", event.id());
                g.writeStringField("source", event.source());
                g.writeStringField("type", event.type());
                if (event.time() != null) {
                    g.writeStringField("time", Rfc3339.format(event.time()));
                }
                if (event.subject() != null) {
                    g.writeStringField("subject", event.subject());
                }
                g.writeStringField("datacontenttype", JSON);
                g.writeFieldName("data");
                WRITER.writeValue(g, event.data());
                g.writeEndObject();
            }
            Map<String, byte[]> headers = Map.of(CONTENT_TYPE, utf8(STRUCTURED_JSON_UTF8));
            return new EncodedEvent(event.subject(), headers, out.toByteArray());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode event " + event.eventKey(), e);
        }
    }

    /**
     * A new event with a random id and the current time at the Asia/Almaty offset.
     *
     * @throws IllegalArgumentException when {@code data} is not the payload {@code type} carries
     */
    public static <T> CloudEvent<T> newEvent(String source, String type, String subject, T data) {
        return CloudEvent.of(source, type, subject, data);
    }

    /** As {@link #newEvent(String, String, String, Object)} with the type the payload record belongs to. */
    public static <T> CloudEvent<T> newEvent(String source, String subject, T data) {
        Objects.requireNonNull(data, "data");
        return newEvent(source, EventTypes.typeOf(data.getClass()), subject, data);
    }

    /** JSON text of a payload (or any value) exactly as events carry it. */
    public static String toJson(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    /** UTF-8 JSON bytes of a payload (or any value) exactly as events carry it. */
    public static byte[] toJsonBytes(Object value) {
        try {
            return WRITER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    private static void requireEncodable(CloudEvent<?> event) {
        Objects.requireNonNull(event, "event");
        Class<?> payload = EventTypes.payloadClass(event.type());
        if (!payload.isInstance(event.data())) {
            throw new IllegalArgumentException("type " + event.type() + " carries " + payload.getSimpleName()
                    + ", not " + event.data().getClass().getSimpleName());
        }
    }


    /** readData checks for trailing content itself, to say so plainly rather than as a type mismatch. */
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

    static boolean isStructured(String contentType) {
        return contentType.regionMatches(true, 0, STRUCTURED_JSON, 0, STRUCTURED_JSON.length());
    }

    static boolean isJson(String contentType) {
        int semicolon = contentType.indexOf(';');
        String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        if (media.equalsIgnoreCase(JSON)) {
            return true;
        }
        return media.regionMatches(true, media.length() - 5, "+json", 0, 5)
                && !media.regionMatches(true, 0, "application/cloudevents", 0, 23);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private interface HeaderSource {
        byte[] get(String name);
    }

    /** Attribute names differ by mode: headers are {@code ce_}-prefixed, envelope members are bare. */
    private record Names(String specversion, String id, String source, String type, String time, String subject,
            String dataContentType) {
    }

    private static final class Attributes {
        final Names names;
        String specversion;
        String id;
        String source;
        String type;
        String time;
        OffsetDateTime parsedTime;
        String subject;
        String dataContentType;

        Attributes(Names names) {
            this.names = names;
        }
    }
}
