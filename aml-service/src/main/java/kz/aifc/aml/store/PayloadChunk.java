package kz.aifc.aml.store;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A batch's payloads back to back, as one {@code aml_payload_chunk} value (V12): each row of the batch keeps its
 * payload's offset and length. One buffer per thread, as {@link CopyRows}.
 */
final class PayloadChunk {

    private static final ThreadLocal<PayloadChunk> REUSED = ThreadLocal.withInitial(PayloadChunk::new);

    private byte[] buf = new byte[256 << 10];
    private int len;

    /** This thread's chunk, emptied; valid until the thread's next call. */
    static PayloadChunk reused() {
        PayloadChunk chunk = REUSED.get();
        chunk.len = 0;
        if (chunk.buf.length > CopyRows.KEEP_AT_MOST) {
            chunk.buf = new byte[CopyRows.KEEP_AT_MOST];
        }
        return chunk;
    }

    /** Appends a payload; answers the offset it starts at. */
    int append(byte[] payload) {
        if (len + payload.length > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + payload.length));
        }
        System.arraycopy(payload, 0, buf, len, payload.length);
        int at = len;
        len += payload.length;
        return at;
    }

    int length() {
        return len;
    }

    InputStream stream() {
        return new ByteArrayInputStream(buf, 0, len);
    }
}
