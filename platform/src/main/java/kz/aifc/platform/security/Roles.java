package kz.aifc.platform.security;

import java.util.Set;

/** The roles of contract/README.md §3, carried in the JWT {@code groups} claim. */
public final class Roles {

    public static final String FIRM_REPORTER = "firm-reporter";
    public static final String COMPLIANCE_OFFICER = "compliance-officer";
    public static final String MLRO = "mlro";
    public static final String REGULATOR = "regulator";
    public static final String ADMIN = "admin";

    /** Roles whose tokens carry {@code firm_id} and see only that firm. */
    public static final Set<String> FIRM_SCOPED = Set.of(FIRM_REPORTER, COMPLIANCE_OFFICER, MLRO);
    public static final Set<String> ALL = Set.of(FIRM_REPORTER, COMPLIANCE_OFFICER, MLRO, REGULATOR, ADMIN);

    /** The claim naming the firm a firm-scoped token belongs to. */
    public static final String FIRM_CLAIM = "firm_id";

    private Roles() {
    }
}
