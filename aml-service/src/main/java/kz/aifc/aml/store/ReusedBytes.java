package kz.aifc.aml.store;

import java.util.Arrays;

/**
 * A growable byte buffer that a thread keeps from one batch to the next (the lanes are fixed threads), so a batch's
 * megabyte is not allocated afresh each time: {@link CopyRows} and {@link PayloadChunk} are built on it.
 */
abstract class ReusedBytes {

    /** A buffer larger than this (a batch of unusually large payloads) is not kept for the next batch. */
    static final int KEEP_AT_MOST = 8 << 20;

    byte[] buf;
    int len;

    ReusedBytes(int capacity) {
        this.buf = new byte[Math.max(capacity, 64)];
    }

    /** Empties the buffer for the next batch, with room for {@code capacity} bytes. */
    void clear(int capacity) {
        len = 0;
        if (buf.length > KEEP_AT_MOST) {
            buf = new byte[KEEP_AT_MOST];
        }
        room(capacity);
    }

    final void room(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    final int capacity() {
        return buf.length;
    }
}
