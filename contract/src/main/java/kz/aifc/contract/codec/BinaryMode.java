package kz.aifc.contract.codec;

import static kz.aifc.contract.codec.Envelope.HEADERS;
import static kz.aifc.contract.codec.Envelope.text;
import static kz.aifc.contract.codec.Envelope.utf8;

import com.fasterxml.jackson.databind.ObjectReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.aifc.contract.CloudEvent;

/**
 * CloudEvents Kafka binding, binary content mode: the attributes in {@code ce_*} headers, {@code content-type:
 * application/json}, the payload alone as the record value. The mode services emit.
 */
final class BinaryMode {

    private BinaryMode() {
    }

    /** Reads {@code length} bytes of {@code value} from {@code offset} as the payload (null value: none). */
    static <T> CloudEvent<T> decode(HeaderSource headers, byte[] value, int offset, int length, Class<T> expected) {
        Envelope envelope = new Envelope(HEADERS);
        envelope.specversion = text(headers.get(HEADERS.specversion()));
        envelope.id = text(headers.get(HEADERS.id()));
        envelope.source = text(headers.get(HEADERS.source()));
        envelope.type = text(headers.get(HEADERS.type()));
        envelope.time = text(headers.get(HEADERS.time()));
        envelope.subject = text(headers.get(HEADERS.subject()));
        envelope.dataContentType = text(headers.get(HEADERS.dataContentType()));
        ObjectReader reader = envelope.check(expected);
        if (value == null || length == 0) {
            throw new MalformedEventException("data", "required: the record value is empty");
        }
        return envelope.with(PayloadJson.read(reader, value, offset, length));
    }

    static EncodedEvent encode(CloudEvent<?> event) {
        Envelope.requireEncodable(event);
        byte[] value = CloudEventCodec.toJsonBytes(event.data());
        Map<String, byte[]> headers = new LinkedHashMap<>(8);
        headers.put(HEADERS.specversion(), utf8(event.specversion()));
        headers.put(HEADERS.id(), utf8(event.id()));
        headers.put(HEADERS.source(), utf8(event.source()));
        headers.put(HEADERS.type(), utf8(event.type()));
        if (event.time() != null) {
            headers.put(HEADERS.time(), utf8(Rfc3339.format(event.time())));
        }
        if (event.subject() != null) {
            headers.put(HEADERS.subject(), utf8(event.subject()));
        }
        headers.put(HEADERS.dataContentType(), utf8(Envelope.JSON));
        return new EncodedEvent(event.subject(), Collections.unmodifiableMap(headers), value);
    }

    /** A record's headers by name (the last header of a name wins, as Kafka's {@code lastHeader}). */
    interface HeaderSource {
        byte[] get(String name);
    }
}
