package kz.aifc.notification.alerts;

import kz.aifc.platform.security.Roles;

/** Who is looking: a firm (firm-scoped roles) or every firm, and how much of an AML alert it may see. */
public record Viewer(String firmId, AmlView aml) {

    public static final Viewer EVERYTHING = new Viewer(null, AmlView.FULL);

    /** From a caller's roles; only the MLRO of a firm, the regulator and the admin see AML alerts in full. */
    public static Viewer of(java.util.function.Predicate<String> hasRole, String callerFirm) {
        boolean allFirms = hasRole.test(Roles.ADMIN) || hasRole.test(Roles.REGULATOR);
        boolean full = allFirms || hasRole.test(Roles.MLRO);
        return new Viewer(allFirms ? null : callerFirm, full ? AmlView.FULL : AmlView.RESTRICTED);
    }

    public boolean sees(String alertFirm) {
        return firmId == null || firmId.equals(alertFirm);
    }
}
