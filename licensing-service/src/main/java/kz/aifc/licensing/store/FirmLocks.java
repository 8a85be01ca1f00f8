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
