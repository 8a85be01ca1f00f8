package kz.aifc.simulator.firms;

import java.time.LocalDate;
import java.util.List;
import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.Seniority;

/** Someone on a firm's staff as the firm's HR system knows them; staff events carry this whole state. */
public record Person(
        String personId,
        String fullName,
        List<Role> roles,
        AfsaApproval afsaApproval,
        boolean residentInKazakhstan,
        Seniority seniority,
        LocalDate appointedOn) {

    public Person {
        roles = List.copyOf(roles);
    }

    /** An approved, Kazakhstan-resident holder: the clean default for every role the rules look at. */
    public static Person approved(String personId, String fullName, Seniority seniority, LocalDate appointedOn,
            Role... roles) {
        return new Person(personId, fullName, List.of(roles), AfsaApproval.APPROVED, true, seniority, appointedOn);
    }

    public Person nonResident() {
        return new Person(personId, fullName, roles, afsaApproval, false, seniority, appointedOn);
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }
}
