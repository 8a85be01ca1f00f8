package kz.aifc.contract.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;
import kz.aifc.contract.codec.BinaryMode.HeaderSource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The one way to read (binary or structured content mode) and write contract CloudEvents on Kafka; static and
 * thread-safe. The attributes' checks live in {@link Envelope}, each mode in {@link BinaryMode} and
 * {@link StructuredMode}, the payload's JSON rules in {@link PayloadJson}.
 */
public final class CloudEventCodec {

    public static final String CE_ID = Envelope.HEADERS.id();
    public static final String CE_SOURCE = Envelope.HEADERS.source();
    public static final String CE_TYPE = Envelope.HEADERS.type();
    public static final String CE_SPECVERSION = Envelope.HEADERS.specversion();
    public static final String CE_TIME = Envelope.HEADERS.time();
    public static final String CE_SUBJECT = Envelope.HEADERS.subject();
    public static final String CONTENT_TYPE = Envelope.HEADERS.dataContentType();
    public static final String JSON = Envelope.JSON;
    public static final String STRUCTURED_JSON = Envelope.STRUCTURED_JSON;

    private CloudEventCodec() {
    }

    /**
     * The codec's mapper, configured once for the contract's strict rules (exact decimals written as strings,
     * RFC 3339 times). Never reconfigure it: it is shared by every caller.
     */
    public static ObjectMapper mapper() {
        return PayloadJson.MAPPER;
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
        String contentType = Envelope.text(lookup(headers).get(CONTENT_TYPE));
        return contentType != null && Envelope.isStructured(contentType);
    }

    /** Decodes a structured-mode value (the whole envelope) whatever the headers say. */
    public static CloudEvent<?> decodeStructured(byte[] value) {
        return StructuredMode.decode(value, null);
    }

    /** As {@link #decodeStructured(byte[])}, requiring the type to carry {@code expected}. */
    public static <T> CloudEvent<T> decodeStructured(byte[] value, Class<T> expected) {
        return StructuredMode.decode(value, Objects.requireNonNull(expected, "expected"));
    }

    /**
     * Reads a payload on its own (e.g. one a service stored), under the same rules as event data.
     *
     * @throws MalformedEventException with paths rooted at {@code data}
     */
    public static <T> T readPayload(byte[] json, Class<T> type) {
        if (json == null || json.length == 0) {
            throw new MalformedEventException("data", "required: the payload is empty");
        }
        return type.cast(PayloadJson.read(PayloadJson.readerForClass(type), json, 0, json.length));
    }

    /** As {@link #readPayload(byte[], Class)} for JSON text. */
    public static <T> T readPayload(String json, Class<T> type) {
        return readPayload(json == null ? null : json.getBytes(StandardCharsets.UTF_8), type);
    }

    /**
     * Encodes in binary mode, the mode services emit: {@code ce_*} headers, {@code content-type: application/json}
     * and the payload as the value, keyed by the subject.
     *
     * @throws IllegalArgumentException when the type is unknown or does not carry the event's data
     */
    public static EncodedEvent encode(CloudEvent<?> event) {
        return BinaryMode.encode(event);
    }

    /** Encodes in structured mode (the whole envelope as the value), which firms and the simulator may send. */
    public static EncodedEvent encodeStructured(CloudEvent<?> event) {
        return StructuredMode.encode(event);
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
            return PayloadJson.WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise a " + value.getClass().getSimpleName(), e);
        }
    }

    /** UTF-8 JSON bytes of a payload (or any value) exactly as events carry it. */
    public static byte[] toJsonBytes(Object value) {
        try {
            return PayloadJson.WRITER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise a " + value.getClass().getSimpleName(), e);
        }
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
        String contentType = Envelope.text(headers.get(CONTENT_TYPE));
        if (contentType != null && Envelope.isStructured(contentType)) {
            boolean whole = value == null || offset == 0 && length == value.length;
            return StructuredMode.decode(whole ? value : Arrays.copyOfRange(value, offset, offset + length), expected);
        }
        return BinaryMode.decode(headers, value, offset, length, expected);
    }
}
