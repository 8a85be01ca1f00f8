package kz.aifc.platform.security;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.security.identity.SecurityIdentity;
import kz.aifc.platform.api.ProblemException;

/**
 * Fails closed: a token with a firm-scoped role (firm-reporter, compliance-officer, mlro) but no {@code firm_id}
 * claim is refused on every endpoint of every service with 403, before any resource runs. Without this, code that
 * reads "no firm" as "every firm" (an all-firms view meant for the regulator) would hand such a token everything.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class FirmClaimFilter implements ContainerRequestFilter {

    @Inject
    SecurityIdentity identity;

    @Inject
    FirmAccess access;

    @Override
    public void filter(ContainerRequestContext request) {
        if (identity.isAnonymous() || Roles.FIRM_SCOPED.stream().noneMatch(identity::hasRole)) {
            return;
        }
        String firm = access.callerFirm();
        if (firm == null || firm.isBlank()) {
            throw new ProblemException(403, "Forbidden", "a firm-scoped role needs the firm_id claim naming its firm",
                    List.of());
        }
    }
}
