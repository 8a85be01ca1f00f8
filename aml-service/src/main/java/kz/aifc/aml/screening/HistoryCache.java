package kz.aifc.aml.screening;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Singleton;


import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import kz.aifc.aml.rules.CustomerHistory;
import kz.aifc.aml.store.TransactionStore.CustomerKey;
import kz.aifc.aml.config.AmlConfig;

/**
 * Customer histories in memory, least recently used first out, bounded by the transactions they hold (what the memory
 * goes on, about 300 bytes each) rather than by customers; a missing one is rebuilt from the database, so the bound
 * only costs a reload. Per firm it also keeps {@link RecentCustomers}, which customers have any window history to
 * rebuild at all. Cleared when partitions move (another instance may have applied events meanwhile); the histories a
 * rolled-back batch touched are dropped (their in-memory effects never committed).
 */
@Singleton
public class HistoryCache {

    private final long maxTransactions;
    private final int minTransactions;
    /** Access order: the eldest entry is the least recently used. */
    private final LinkedHashMap<CustomerKey, Held> map = new LinkedHashMap<>(1024, 0.75f, true);
    private final Map<String, RecentCustomers> recent = new HashMap<>();
    private long weight;

    HistoryCache(AmlConfig config, MeterRegistry meters) {
        this.maxTransactions = config.historyCacheTransactions();
        this.minTransactions = config.historyCacheMinTransactions();
        Gauge.builder("aml.history.cache.customers", this, HistoryCache::size)
                .description("customer histories held in memory").register(meters);
        Gauge.builder("aml.history.cache.transactions", this, HistoryCache::weight)
                .description("transactions held in memory by the customer histories").register(meters);
        Gauge.builder("aml.history.recent.customers", this, HistoryCache::recentCustomers)
                .description("customers known to have window history in the database, over all firms").register(meters);
    }

    /**
     * The firm's customers with window history; loaded once after a start or partition move, under this cache's lock
     * so two lanes sharing the firm never hold different sets.
     */
    synchronized RecentCustomers recent(String firmId, Supplier<RecentCustomers> load) {
        return recent.computeIfAbsent(firmId, f -> load.get());
    }

    /** The firm's customers with window history, or null when not loaded since the last partition move. */
    synchronized RecentCustomers recent(String firmId) {
        return recent.get(firmId);
    }

    synchronized long recentCustomers() {
        return recent.values().stream().mapToLong(RecentCustomers::size).sum();
    }

    public synchronized CustomerHistory get(CustomerKey key) {
        Held held = map.get(key);
        return held == null ? null : held.history;
    }

    /** Holds a history (weighed when its batch settles). */
    public synchronized void put(CustomerKey key, CustomerHistory history) {
        Held before = map.put(key, new Held(history));
        if (before != null) {
            weight -= before.weight;
        }
    }

    /**
     * Re-weighs the histories a batch changed and lets go of those lighter than the minimum (rebuilt in one query
     * with the batch's other customers when needed, which is rare, they cost less there than kept: each would
     * outlive the young generation and end as garbage in the old one); then drops the least recently used until
     * within the bound.
     */
    public synchronized void settle(Collection<CustomerKey> changed) {
        for (CustomerKey key : changed) {
            Held held = map.get(key);
            if (held != null) {
                int now = 1 + held.history.recent().size();
                if (held.history.recent().size() < minTransactions) {
                    map.remove(key);
                    weight -= held.weight;
                    continue;
                }
                weight += now - held.weight;
                held.weight = now;
            }
        }
        Iterator<Held> eldest = map.values().iterator();
        while (weight > maxTransactions && eldest.hasNext()) {
            weight -= eldest.next().weight;
            eldest.remove();
        }
    }

    public synchronized void evict(Collection<CustomerKey> keys) {
        for (CustomerKey key : keys) {
            Held held = map.remove(key);
            if (held != null) {
                weight -= held.weight;
            }
        }
    }

    public synchronized void clear() {
        map.clear();
        recent.clear();
        weight = 0;
    }

    public synchronized int size() {
        return map.size();
    }

    public synchronized long weight() {
        return weight;
    }

    /** A history and the weight it was last settled at (0 until its first batch settles). */
    private static final class Held {

        final CustomerHistory history;
        int weight;

        Held(CustomerHistory history) {
            this.history = history;
        }
    }
}
