package kz.aifc.notification.alerts;

import kz.aifc.platform.security.Roles;

/** Who is looking: a firm (firm-scoped roles) or every firm, and whether AML case/STR links may be shown. */
public record Viewer(String firmId, boolean seesAmlLinks) {

    public static final Viewer EVERYTHING = new Viewer(null, true);

    /** From a caller's roles; only the MLRO of a firm, the regulator and the admin see AML links. */
    public static Viewer of(java.util.function.Predicate<String> hasRole, String callerFirm) {
        boolean allFirms = hasRole.test(Roles.ADMIN) || hasRole.test(Roles.REGULATOR);
        boolean aml = allFirms || hasRole.test(Roles.MLRO);
        return new Viewer(allFirms ? null : callerFirm, aml);
    }

    public boolean sees(String alertFirm) {
        return firmId == null || firmId.equals(alertFirm);
    }
}
