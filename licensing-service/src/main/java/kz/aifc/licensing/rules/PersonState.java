package kz.aifc.licensing.rules;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.Seniority;
import kz.aifc.contract.v1.StaffChange;
import kz.aifc.contract.v1.StaffChangeKind;

/** A person as the firm last described them (a staff event carries the whole state, so the last one wins). */
public record PersonState(String personId, String fullName, StaffChangeKind lastChange, Set<Role> roles,
        AfsaApproval approval, boolean resident, kz.aifc.contract.v1.Seniority seniority, LocalDate effectiveDate) {

    public PersonState {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static PersonState of(StaffChange e) {
        return new PersonState(e.personId(), e.fullName(), e.change(), Set.copyOf(e.roles()), e.afsaApproval(),
                e.residentInKazakhstan(), e.seniority(), e.effectiveDate());
    }

    /** Still with the firm: everyone but a person whose last change was a departure. */
    public boolean current() {
        return lastChange != StaffChangeKind.DEPARTED;
    }

    public boolean holds(Role role) {
        return current() && roles.contains(role);
    }

    public boolean approved() {
        return approval == AfsaApproval.APPROVED;
    }

    public boolean seniorityIn(Set<Seniority> allowed) {
        return allowed.contains(seniority);
    }
}
