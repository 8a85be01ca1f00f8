package kz.aifc.aml.store;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * A batch's payloads back to back, as one {@code aml_payload_chunk} value (V12): each row of the batch keeps its
 * payload's offset and length. One buffer per thread ({@link ReusedBytes}).
 */
final class PayloadChunk extends ReusedBytes {

    private static final ThreadLocal<PayloadChunk> REUSED = ThreadLocal.withInitial(PayloadChunk::new);

    private PayloadChunk() {
        super(256 << 10);
    }

    /** This thread's chunk, emptied; valid until the thread's next call. */
    static PayloadChunk reused() {
        PayloadChunk chunk = REUSED.get();
        chunk.clear(0);
        return chunk;
    }

    /** Appends a payload (each one starts where the one before it ends). */
    void append(byte[] payload) {
        room(payload.length);
        System.arraycopy(payload, 0, buf, len, payload.length);
        len += payload.length;
    }

    int length() {
        return len;
    }

    InputStream stream() {
        return new ByteArrayInputStream(buf, 0, len);
    }
}
