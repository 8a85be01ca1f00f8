package kz.aifc.licensing.rules;

import kz.aifc.contract.v1.Role;

/** A role a firm must keep filled (FP-001); {@code datfOnly} roles apply only to a DATF operator. */
public record MandatoryRole(Role role, boolean requiresApproval, boolean datfOnly, String citation) {
}
