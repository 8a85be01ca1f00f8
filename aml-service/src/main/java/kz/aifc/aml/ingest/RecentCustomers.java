package kz.aifc.aml.ingest;

import java.time.Instant;
import java.util.Collection;

/**
 * Which customers of one firm may have transactions a window rule reads: every customer with a stored transfer since
 * {@link #since()} (loaded once per firm when its partition is taken up), plus each one given one since. A customer
 * not in here and with nothing in memory has no window history to rebuild, so a first-time customer, most of a
 * firm's traffic, costs no database read. Kept as 64-bit hashes of the customer ids in an open-addressing table
 * (16 bytes a customer): a collision only answers "maybe" and costs one read, never a missed window.
 */
final class RecentCustomers {

    private final Instant since;
    private long[] slots;
    private int size;
    private boolean zero;

    RecentCustomers(Instant since, Collection<String> customerIds) {
        this.since = since;
        this.slots = new long[Math.max(1024, Integer.highestOneBit(Math.max(1, customerIds.size()) * 2) * 2)];
        customerIds.forEach(this::add);
    }

    /** From when on the loaded set is complete: a window reaching further back must be read anyway. */
    Instant since() {
        return since;
    }

    /** False only if the customer has had no transfer stored since {@link #since()}. */
    synchronized boolean mayHave(String customerId) {
        long h = hash(customerId);
        if (h == 0) {
            return zero;
        }
        return slots[slot(slots, h)] == h;
    }

    synchronized void add(String customerId) {
        long h = hash(customerId);
        if (h == 0) {
            zero = true;
            return;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        if (insert(slots, h)) {
            size++;
        }
    }

    synchronized int size() {
        return size + (zero ? 1 : 0);
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long h : slots) {
            if (h != 0) {
                insert(bigger, h);
            }
        }
        slots = bigger;
    }

    private static boolean insert(long[] table, long h) {
        int i = slot(table, h);
        if (table[i] == h) {
            return false;
        }
        table[i] = h;
        return true;
    }

    /** Where {@code h} is in the table, or the empty slot where it would go (linear probing; never full). */
    private static int slot(long[] table, long h) {
        int mask = table.length - 1;
        int i = spread(h) & mask;
        while (table[i] != h && table[i] != 0) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static int spread(long h) {
        return (int) (h ^ (h >>> 32));
    }

    /** FNV-1a over the UTF-16 code units, then a final mix. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
