package kz.aifc.aml.screening;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

import kz.aifc.aml.rules.AmlRules;
import kz.aifc.aml.store.TransactionStore.LatestTransfers;
import kz.aifc.contract.v1.Direction;

/**
 * Which customers of one firm have transfers stored that a window rule may read, and when each one's latest inflow
 * and latest outflow occurred: every customer with a stored transfer since {@link #since()} (loaded once per firm when
 * its partition is taken up), plus each transfer committed since. It decides whether a customer missing from memory
 * needs its windows read from the database at all: not when nothing is stored in reach (a first-time customer, much
 * of a firm's traffic), nor when the latest inflow and outflow show that the stored windows cannot change what the
 * rules find ({@link AmlRules#readsStoredWindow}).
 * <p>
 * Kept as 64-bit hashes of the customer ids in an open-addressing table, with the two times (epoch microseconds, as
 * the database keeps them) beside each in the same array, so a look-up touches one cache line: 24 bytes a slot. Two
 * customers sharing a hash share one entry with the later of each time: that only ever answers "maybe" and costs a
 * read, never a missed window. Entries whose latest transfer
 * has fallen out of reach of the newest one seen are dropped when the table would otherwise grow, and {@link #since()}
 * moves up to that point: a late event reaching further back is read from the database.
 */
final class RecentCustomers {

    /** What the set knows of one customer: its latest inflow and outflow, null where it has none. */
    record Seen(Instant inflow, Instant outflow) {
    }

    private static final long NONE = Long.MIN_VALUE;
    private static final int MIN_SLOTS = 1024;
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    private final long reachMicros;
    private long sinceMicros;
    private long newestMicros = NONE;
    /** Slot i is {@code table[3i]} (the hash, 0 when empty), {@code [3i + 1]} (latest inflow), {@code [3i + 2]}. */
    private long[] table;
    private int slots;
    private int size;

    RecentCustomers(Instant since, Duration reach, Collection<LatestTransfers> stored) {
        this.sinceMicros = micros(since);
        this.reachMicros = reach.toNanos() / 1000;
        allocate(Math.max(MIN_SLOTS, Integer.highestOneBit(Math.max(1, stored.size()) * 2) * 2));
        for (LatestTransfers l : stored) {
            put(hash(l.customerId()), l.inflow() == null ? NONE : micros(l.inflow()),
                    l.outflow() == null ? NONE : micros(l.outflow()));
        }
    }

    /** From when on the set is complete: a window reaching further back must be read anyway. */
    synchronized Instant since() {
        return instant(sinceMicros);
    }

    /** False only if the customer has had no transfer stored since {@link #since()}. */
    synchronized boolean mayHave(String customerId) {
        return table[slot(table, slots, hash(customerId))] != 0;
    }

    /** The customer's latest inflow and outflow since {@link #since()}, or null when it has no transfer stored since. */
    synchronized Seen seen(String customerId) {
        int i = slot(table, slots, hash(customerId));
        if (table[i] == 0) {
            return null;
        }
        return new Seen(instant(table[i + 1]), instant(table[i + 2]));
    }

    /** Counts a committed transfer (a trade is no transfer and is ignored). */
    synchronized void add(String customerId, Direction direction, Instant occurredAt) {
        boolean in = AmlRules.INFLOWS.contains(direction);
        if (!in && !AmlRules.OUTFLOWS.contains(direction)) {
            return;
        }
        long at = micros(occurredAt);
        put(hash(customerId), in ? at : NONE, in ? NONE : at);
    }

    synchronized int size() {
        return size;
    }

    private void put(long h, long inflow, long outflow) {
        long at = Math.max(inflow, outflow);
        // A time ahead of the clock (a firm's clock gone wrong) must not push everyone out of reach.
        if (at > newestMicros && at <= micros(Instant.now().plus(FUTURE_TOLERANCE))) {
            newestMicros = at;
        }
        int i = slot(table, slots, h);
        if (table[i] == 0) {
            if ((size + 1) * 3 > slots * 2) {
                makeRoom();
                i = slot(table, slots, h);
            }
            table[i] = h;
            table[i + 1] = inflow;
            table[i + 2] = outflow;
            size++;
        } else {
            table[i + 1] = Math.max(table[i + 1], inflow);
            table[i + 2] = Math.max(table[i + 2], outflow);
        }
    }

    /**
     * Drops the customers whose latest transfer is out of reach of the newest one seen (and moves {@link #since()}
     * up to there); doubles the table if that did not free a quarter of it.
     */
    private void makeRoom() {
        long cutoff = newestMicros == NONE ? NONE : newestMicros - reachMicros;
        boolean prune = cutoff > sinceMicros;
        int kept = 0;
        if (prune) {
            for (int i = 0; i < table.length; i += 3) {
                if (table[i] != 0 && Math.max(table[i + 1], table[i + 2]) >= cutoff) {
                    kept++;
                }
            }
        } else {
            kept = size;
        }
        long[] old = table;
        allocate(kept * 4 > slots * 2 ? slots * 2 : slots);
        size = 0;
        for (int i = 0; i < old.length; i += 3) {
            if (old[i] != 0 && (!prune || Math.max(old[i + 1], old[i + 2]) >= cutoff)) {
                int j = slot(table, slots, old[i]);
                table[j] = old[i];
                table[j + 1] = old[i + 1];
                table[j + 2] = old[i + 2];
                size++;
            }
        }
        if (prune) {
            sinceMicros = cutoff;
        }
    }

    private void allocate(int slots) {
        this.slots = slots;
        this.table = new long[slots * 3];
    }

    /** Where {@code h} is in the table (an index of its hash), or where it would go (linear probing; never full). */
    private static int slot(long[] table, int slots, long h) {
        int mask = slots - 1;
        int i = spread(h) & mask;
        while (table[i * 3] != h && table[i * 3] != 0) {
            i = (i + 1) & mask;
        }
        return i * 3;
    }

    private static int spread(long h) {
        return (int) (h ^ (h >>> 32));
    }

    /** FNV-1a over the UTF-16 code units, then a final mix; never 0 (the empty slot). */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    /** Epoch microseconds, truncated as the database keeps times. */
    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
    }

    private static Instant instant(long micros) {
        return micros == NONE ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
