package kz.aifc.aml.screening;

import java.nio.ByteBuffer;

import kz.aifc.aml.store.TransactionStore;
import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.codec.MalformedEventException;
import kz.aifc.contract.v1.ScreenedTransaction;

/**
 * A screened-transaction record as the consumer's poll thread decoded it: the event and its payload JSON as received,
 * or why it breaks the contract, with the original bytes either way. Decoding on the poll thread (by
 * {@code kafka.ScreenedRecordDecoder}, the consumer's value deserializer) overlaps it with the lanes applying the batch
 * before.
 *
 * @param event    the decoded event, null when malformed
 * @param payload  the data JSON in UTF-8 as received (binary mode: the record value itself, where the Kafka client
 *                 read it, not a copy), or re-written from the envelope (structured mode); position to limit; null
 *                 when malformed
 * @param error    why the record was rejected, null when it decoded
 * @param value    the record value exactly as it arrived, position to limit (what a DLQ record carries); null for a
 *                 record without a value
 * @param eventKey the event's key (CloudEvents source and id), null when malformed; computed once, it is looked up
 *                 several times per event
 */
public record ScreenedRecord(CloudEvent<ScreenedTransaction> event, ByteBuffer payload, MalformedEventException error,
        ByteBuffer value, String eventKey) implements TransactionStore.Row {

    @Override
    public ScreenedTransaction transaction() {
        return event.data();
    }

    public boolean malformed() {
        return error != null;
    }

    /** Bytes of the payload JSON. */
    public int payloadLength() {
        return payload.remaining();
    }
}
