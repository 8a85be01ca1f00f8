package kz.aifc.contract.codec;

import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Objects;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.EventTypes;

/**
 * The CloudEvents context attributes as either content mode carries them, and the checks they must pass before the
 * payload is read: spec version, required attributes, a known type (and the payload class a caller expects), a
 * JSON content type and the time's spelling.
 */
final class Envelope {

    static final String JSON = "application/json";
    static final String STRUCTURED_JSON = "application/cloudevents+json";

    /** Binary mode: {@code ce_}-prefixed Kafka headers (and Kafka's own {@code content-type}). */
    static final Names HEADERS = new Names(
            "ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject", "content-type");
    /** Structured mode: bare members of the JSON envelope. */
    static final Names MEMBERS = new Names(
            "specversion", "id", "source", "type", "time", "subject", "datacontenttype");

    final Names names;
    String specversion;
    String id;
    String source;
    String type;
    String time;
    String subject;
    String dataContentType;
    private OffsetDateTime parsedTime;

    Envelope(Names names) {
        this.names = names;
    }

    /**
     * Validates the attributes and returns the reader for the payload their type carries.
     *
     * @param expected the payload class the caller requires, or null for any contract type
     */
    ObjectReader check(Class<?> expected) {
        if (dataContentType != null && !isJson(dataContentType)) {
            throw new MalformedEventException(names.dataContentType(), "unsupported content type "
                    + Texts.quote(dataContentType) + " (expected " + JSON + ", or " + STRUCTURED_JSON
                    + " for structured mode)");
        }
        require(names.specversion(), specversion);
        if (!CloudEvent.SPEC_VERSION.equals(specversion)) {
            throw new MalformedEventException(names.specversion(),
                    "unsupported value " + Texts.quote(specversion) + " (expected " + CloudEvent.SPEC_VERSION + ")");
        }
        require(names.id(), id);
        require(names.source(), source);
        require(names.type(), type);
        ObjectReader reader = PayloadJson.readerForType(type);
        if (reader == null) {
            throw new MalformedEventException(names.type(), "unknown event type " + Texts.quote(type));
        }
        if (expected != null) {
            Class<?> payload = EventTypes.payloadClass(type);
            if (!expected.isAssignableFrom(payload)) {
                throw new MalformedEventException(names.type(), "event type " + Texts.quote(type) + " carries "
                        + payload.getSimpleName() + ", expected " + expected.getSimpleName());
            }
        }
        if (time != null) {
            try {
                parsedTime = Rfc3339.parseTime(time);
            } catch (IllegalArgumentException e) {
                throw new MalformedEventException(names.time(), e.getMessage());
            }
        }
        return reader;
    }

    @SuppressWarnings("unchecked")
    <T> CloudEvent<T> with(Object data) {
        return new CloudEvent<>(id, source, type, specversion, parsedTime, subject, dataContentType, (T) data);
    }

    private static void require(String field, String value) {
        if (value == null) {
            throw new MalformedEventException(field, "required attribute is missing");
        }
        if (value.isEmpty()) {
            throw new MalformedEventException(field, "must not be empty");
        }
    }

    /** Whether the payload can be encoded under the event's type: it must be the record the type carries. */
    static void requireEncodable(CloudEvent<?> event) {
        Objects.requireNonNull(event, "event");
        Class<?> payload = EventTypes.payloadClass(event.type());
        if (!payload.isInstance(event.data())) {
            throw new IllegalArgumentException("type " + event.type() + " carries " + payload.getSimpleName()
                    + ", not " + event.data().getClass().getSimpleName());
        }
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

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Attribute names differ by mode: headers are {@code ce_}-prefixed, envelope members are bare. */
    record Names(String specversion, String id, String source, String type, String time, String subject,
            String dataContentType) {
    }
}
