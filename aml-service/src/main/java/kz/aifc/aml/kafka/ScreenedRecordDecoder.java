package kz.aifc.aml.kafka;

import java.nio.ByteBuffer;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

import kz.aifc.aml.screening.ScreenedRecord;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.FirmLanes;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.codec.MalformedEventException;
import kz.aifc.contract.v1.ScreenedTransaction;

/**
 * The screened-transactions consumer's value deserializer, run on its poll thread: never throws, so a bad record
 * cannot stall the partition; it comes out as a {@link ScreenedRecord} that says why (a record from a firm lane that
 * speaks for another firm included: {@link FirmLanes}). It takes the value as the
 * Kafka client holds it (the buffer overload), so a binary-mode payload is decoded and later stored without a copy.
 */
public final class ScreenedRecordDecoder implements Deserializer<ScreenedRecord> {

    @Override
    public ScreenedRecord deserialize(String topic, byte[] data) {
        return deserialize(topic, null, data == null ? null : ByteBuffer.wrap(data));
    }

    @Override
    public ScreenedRecord deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, headers, data == null ? null : ByteBuffer.wrap(data));
    }

    @Override
    public ScreenedRecord deserialize(String topic, Headers headers, ByteBuffer data) {
        try {
            CloudEvent<ScreenedTransaction> event = CloudEventCodec.decode(headers, data, ScreenedTransaction.class);
            FirmLanes.check(topic, event.subject(), event.data());
            ByteBuffer payload = CloudEventCodec.isStructured(headers)
                    ? ByteBuffer.wrap(CloudEventCodec.toJsonBytes(event.data()))
                    : data;
            return new ScreenedRecord(event, payload, null, data, event.eventKey());
        } catch (MalformedEventException e) {
            return new ScreenedRecord(null, null, e, data, null);
        } catch (RuntimeException e) {
            // Not a contract breach the codec names, but still this record's doing: park it rather than stall.
            return new ScreenedRecord(null, null,
                    new MalformedEventException("envelope", "cannot be decoded: " + e, e), data, null);
        }
    }
}
