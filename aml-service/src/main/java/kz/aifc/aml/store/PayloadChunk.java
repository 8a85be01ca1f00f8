package kz.aifc.aml.store;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;

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

    /** Appends a payload, position to limit (each one starts where the one before it ends); the buffer is not moved. */
    void append(ByteBuffer payload) {
        int n = payload.remaining();
        room(n);
        payload.duplicate().get(buf, len, n);
        len += n;
    }

    int length() {
        return len;
    }

    InputStream stream() {
        return new ByteArrayInputStream(buf, 0, len);
    }
}
