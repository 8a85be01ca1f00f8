package kz.aifc.aml.ingest;

import kz.aifc.events.CloudEvent;
import kz.aifc.events.codec.MalformedEventException;
import kz.aifc.events.v1.ScreenedTransaction;

/**
 * A screened-transaction record as the consumer's poll thread decoded it: the event and its payload JSON as received,
 * or why it breaks the contract, with the original bytes either way. Decoding on the poll thread (by
 * {@link ScreenedRecordDecoder}, the channel's value deserializer) overlaps it with the worker applying the previous
 * batch.
 *
 * @param event   the decoded event, null when malformed
 * @param payload the data JSON in UTF-8 as received (binary mode: the record value itself), or re-written from the
 *                envelope (structured mode)
 * @param error   why the record was rejected, null when it decoded
 * @param value   the record value exactly as it arrived (what a DLQ record carries)
 * @param eventKey the event's key (CloudEvents source and id), null when malformed; computed once, it is looked up
 *                several times per event
 */
public record ScreenedRecord(CloudEvent<ScreenedTransaction> event, byte[] payload, MalformedEventException error,
        byte[] value, String eventKey) {

    public boolean malformed() {
        return error != null;
    }
}
