package kz.aifc.notification.store;

import java.util.Collection;
import java.util.List;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Entities read by SQL of the caller's own with a list of ids bound as one array ({@code = any(?1)}). Hibernate
 * translates a query with an {@code in} list afresh for every length of list: a quarter of the CPU samples of the
 * thread applying the desk's polls (BENCHMARKS.md); a native query is prepared once.
 */
public final class ByIds {

    private ByIds() {
    }

    /**
     * The rows the query finds, as read-only entities of the session (not checked for changes at the flush). The query
     * flushes pending changes of {@code entity} only, not the rest of the session.
     */
    public static <T> List<T> list(Class<T> entity, String sql, Collection<String> ids) {
        NativeQuery<T> query = Panache.getEntityManager(entity).unwrap(Session.class).createNativeQuery(sql, entity);
        query.addSynchronizedEntityClass(entity);
        query.setParameter(1, ids.toArray(String[]::new));
        query.setReadOnly(true);
        return query.getResultList();
    }
}
