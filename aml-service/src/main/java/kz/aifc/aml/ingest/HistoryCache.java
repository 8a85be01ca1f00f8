package kz.aifc.aml.ingest;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import kz.aifc.aml.rules.CustomerHistory;
import kz.aifc.aml.store.AmlStore.CustomerKey;

/**
 * Customer histories in memory, least recently used first out; a missing one is rebuilt from the database, so the
 * bound only costs a reload. Cleared when partitions move (another instance may have applied events meanwhile) and
 * when a batch transaction rolls back (its in-memory effects never committed).
 */
@ApplicationScoped
public class HistoryCache {

    private final Map<CustomerKey, CustomerHistory> map;

    HistoryCache(@ConfigProperty(name = "aifc.aml.history-cache-size", defaultValue = "200000") int maxCustomers) {
        this.map = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CustomerKey, CustomerHistory> eldest) {
                return size() > maxCustomers;
            }
        };
    }

    public synchronized CustomerHistory get(CustomerKey key) {
        return map.get(key);
    }

    public synchronized void put(CustomerKey key, CustomerHistory history) {
        map.put(key, history);
    }

    public synchronized void evict(Collection<CustomerKey> keys) {
        keys.forEach(map::remove);
    }

    public synchronized void clear() {
        map.clear();
    }

    public synchronized int size() {
        return map.size();
    }
}
