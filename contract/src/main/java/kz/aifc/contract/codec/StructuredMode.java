package kz.aifc.contract.codec;

import static kz.aifc.contract.codec.Envelope.MEMBERS;
import static kz.aifc.contract.codec.Envelope.utf8;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Map;
import kz.aifc.contract.CloudEvent;

/**
 * CloudEvents Kafka binding, structured content mode: {@code content-type: application/cloudevents+json} and the
 * whole JSON envelope (attributes and {@code data}) as the record value. Firms may send it; services accept it.
 */
final class StructuredMode {

    private static final String CONTENT_TYPE_UTF8 = Envelope.STRUCTURED_JSON + "; charset=UTF-8";

    private StructuredMode() {
    }

    /** Reads the envelope's attributes in one pass, then the {@code data} object where it lies in the value. */
    static <T> CloudEvent<T> decode(byte[] value, Class<T> expected) {
        if (value == null || value.length == 0) {
            throw new MalformedEventException("envelope", "required: the record value is empty");
        }
        Envelope envelope = new Envelope(MEMBERS);
        int dataStart = -1;
        int dataEnd = -1;
        try (JsonParser p = PayloadJson.MAPPER.getFactory().createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedEventException("envelope", "expected a JSON object, got " + Texts.describe(p));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                switch (name) {
                    case "specversion" -> envelope.specversion = attribute(p, name);
                    case "id" -> envelope.id = attribute(p, name);
                    case "source" -> envelope.source = attribute(p, name);
                    case "type" -> envelope.type = attribute(p, name);
                    case "time" -> envelope.time = attribute(p, name);
                    case "subject" -> envelope.subject = attribute(p, name);
                    case "datacontenttype" -> envelope.dataContentType = attribute(p, name);
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
            throw PayloadJson.translate("", e);
        } catch (IOException e) {
            throw new MalformedEventException("envelope", "unreadable: " + e.getMessage(), e);
        }
        ObjectReader reader = envelope.check(expected);
        if (dataStart < 0) {
            throw new MalformedEventException("data", "required field is missing or null");
        }
        return envelope.with(PayloadJson.read(reader, value, dataStart, dataEnd - dataStart));
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

    static EncodedEvent encode(CloudEvent<?> event) {
        Envelope.requireEncodable(event);
        try (ByteArrayBuilder out = new ByteArrayBuilder(512)) {
            try (JsonGenerator g = PayloadJson.MAPPER.getFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField(MEMBERS.specversion(), event.specversion());
                g.writeStringField(MEMBERS.id(), event.id());
                g.writeStringField(MEMBERS.source(), event.source());
                g.writeStringField(MEMBERS.type(), event.type());
                if (event.time() != null) {
                    g.writeStringField(MEMBERS.time(), Rfc3339.format(event.time()));
                }
                if (event.subject() != null) {
                    g.writeStringField(MEMBERS.subject(), event.subject());
                }
                g.writeStringField(MEMBERS.dataContentType(), Envelope.JSON);
                g.writeFieldName("data");
                PayloadJson.WRITER.writeValue(g, event.data());
                g.writeEndObject();
            }
            Map<String, byte[]> headers = Map.of(Envelope.HEADERS.dataContentType(), utf8(CONTENT_TYPE_UTF8));
            return new EncodedEvent(event.subject(), headers, out.toByteArray());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode event " + event.eventKey(), e);
        }
    }
}
