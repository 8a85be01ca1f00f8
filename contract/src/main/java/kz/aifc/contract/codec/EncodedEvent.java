package kz.aifc.contract.codec;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** An event ready for Kafka, keyed by the firm id (the subject) so one firm's events stay in order. */
public record EncodedEvent(String key, Map<String, byte[]> headers, byte[] value) {

    /** A header as UTF-8 text, or null when absent. */
    public String header(String name) {
        byte[] bytes = headers.get(name);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** A fresh, mutable copy of the headers in Kafka's form. */
    public Headers kafkaHeaders() {
        RecordHeaders kafka = new RecordHeaders();
        headers.forEach(kafka::add);
        return kafka;
    }

    /** A record for {@code topic} with this event's key, headers and value. */
    public ProducerRecord<String, byte[]> toProducerRecord(String topic) {
        return new ProducerRecord<>(topic, null, key, value, kafkaHeaders());
    }

    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "EncodedEvent[", "]");
        joiner.add("key=" + key);
        headers.forEach((name, bytes) -> joiner.add(name + "=" + new String(bytes, StandardCharsets.UTF_8)));
        joiner.add("value=" + new String(value, StandardCharsets.UTF_8));
        return joiner.toString();
    }
}
