package kz.aifc.notification.alerts;

/**
 * How much of an AML alert a caller may see (tipping-off, AIFC AML 13.x and Law 191-IV): the substance of a suspicion
 * and what became of it are for the firm's MLRO, the regulator and the admin; the compliance officer sees that an
 * AML alert exists, its rule, severity, status and deadline, so it can be worked, but not on whom or why.
 */
public enum AmlView {
    /** Everything: mlro of the firm, regulator, admin. */
    FULL,
    /** Rule, title, severity, status, deadline, times, firm; no detail, evidence, causedBy, links or resolution reason. */
    RESTRICTED
}
