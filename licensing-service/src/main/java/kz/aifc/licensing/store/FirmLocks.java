package kz.aifc.licensing.store;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * PostgreSQL advisory locks held until the current transaction ends, taken through the entity manager so they join
 * the same unit of work as the entities, the inbox, the outbox and the audit chain.
 */
public final class FirmLocks {

    private FirmLocks() {
    }

    /**
     * Serialises every change to one firm (staff and controller consumers, the licence register, other instances)
     * until the transaction ends, so two re-evaluations never race on the same alert.
     */
    public static void firm(String firmId) {
        lock("licensing:" + firmId);
    }

    /** {@link #firm} for each of these firms, in one statement, in firm order (as every caller takes them). */
    public static void firms(java.util.Collection<String> firmIds) {
        if (firmIds.isEmpty()) {
            return;
        }
        String[] names = new java.util.TreeSet<>(firmIds).stream().map(f -> "licensing:" + f).toArray(String[]::new);
        // Evaluated after the sort, in array order (PostgreSQL evaluates a volatile output expression after ORDER BY).
        Panache.getEntityManager()
                .createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(n)) from "
                        + "unnest(cast(:names as text[])) with ordinality as t(n, i) order by i) locked", Long.class)
                .setParameter("names", names)
                .getSingleResult();
    }

    /**
     * Serialises claims on one licence number until the transaction ends, so two firms registering the same number at
     * once get one 201 and one 409 instead of a unique-key failure. Taken after {@link #firm}, never before it.
     */
    public static void licenceNumber(String licenceNumber) {
        lock("licensing-number:" + licenceNumber);
    }

    private static void lock(String name) {
        // The lock function returns void, which has no JDBC mapping: count its single row instead.
        Panache.getEntityManager()
                .createNativeQuery("select count(*) from pg_advisory_xact_lock(hashtext(:name))", Long.class)
                .setParameter("name", name)
                .getSingleResult();
    }
}
