package kz.aifc.platform.security;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import kz.aifc.platform.api.ProblemException;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Firm scoping of contract/README.md §3: a firm-scoped caller reads and writes only its own firm, a regulator reads
 * every firm and writes nothing, an admin does both.
 */
@RequestScoped
public class FirmAccess {

    private final SecurityIdentity identity;

    FirmAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Allows a read of {@code firmId}'s data, or answers 403. */
    public void requireRead(String firmId) {
        if (identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.REGULATOR)) {
            return;
        }
        requireOwnFirm(firmId);
    }

    /** Allows a change to {@code firmId}'s data, or answers 403; the regulator never writes. */
    public void requireWrite(String firmId) {
        if (identity.hasRole(Roles.ADMIN)) {
            return;
        }
        if (identity.hasRole(Roles.REGULATOR)) {
            throw forbidden("the regulator role reads and never writes");
        }
        requireOwnFirm(firmId);
    }

    /** The firm a firm-scoped caller belongs to; null for regulator and admin. */
    public String callerFirm() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(Roles.FIRM_CLAIM);
            String firm = claim == null ? null : claim.toString().replace("\"", "");
            return firm == null || firm.isBlank() ? null : firm;
        }
        return null;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    private void requireOwnFirm(String firmId) {
        String own = callerFirm();
        if (own == null || !own.equals(firmId)) {
            throw forbidden("this token is scoped to firm " + (own == null ? "(none)" : own) + ", not " + firmId);
        }
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of());
    }
}
