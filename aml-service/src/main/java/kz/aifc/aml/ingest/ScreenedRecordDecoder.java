package kz.aifc.aml.ingest;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import kz.aifc.events.CloudEvent;
import kz.aifc.events.codec.CloudEventCodec;
import kz.aifc.events.codec.MalformedEventException;
import kz.aifc.events.v1.ScreenedTransaction;

/**
 * The transactions channel's value deserializer, run on the consumer's poll thread: never throws, so a bad record
 * cannot stall the partition; it comes out as a {@link ScreenedRecord} that says why.
 */
public final class ScreenedRecordDecoder implements Deserializer<ScreenedRecord> {

    @Override
    public ScreenedRecord deserialize(String topic, byte[] data) {
        return deserialize(topic, null, data);
    }

    @Override
    public ScreenedRecord deserialize(String topic, Headers headers, byte[] data) {
        try {
            CloudEvent<ScreenedTransaction> event = CloudEventCodec.decode(headers, data, ScreenedTransaction.class);
            byte[] payload = CloudEventCodec.isStructured(headers)
                    ? CloudEventCodec.toJson(event.data()).getBytes(StandardCharsets.UTF_8)
                    : data;
            return new ScreenedRecord(event, payload, null, data, event.eventKey());
        } catch (MalformedEventException e) {
            return new ScreenedRecord(null, null, e, data, null);
        }
    }
}
