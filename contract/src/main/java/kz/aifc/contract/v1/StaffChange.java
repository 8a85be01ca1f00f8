package kz.aifc.contract.v1;

import java.time.LocalDate;
import java.util.List;

/** Payload of {@code kz.aifc.staff.change.v1}: the whole current state of one person, not a diff. */
public record StaffChange(
        String firmId,
        String personId,
        String fullName,
        StaffChangeKind change,
        List<Role> roles,
        AfsaApproval afsaApproval,
        Boolean residentInKazakhstan,
        Seniority seniority,
        Disclosure disclosure,
        LocalDate effectiveDate) implements FirmEvent {

    public StaffChange {
        Checks.text(firmId, "firmId");
        Checks.text(personId, "personId");
        Checks.text(fullName, "fullName");
        Checks.present(change, "change");
        roles = Checks.list(roles, "roles");
        Checks.present(afsaApproval, "afsaApproval");
        Checks.present(residentInKazakhstan, "residentInKazakhstan");
        Checks.present(seniority, "seniority");
        if (change == StaffChangeKind.DISCLOSURE && disclosure == null) {
            throw new InvalidPayloadException("disclosure", "required when change is DISCLOSURE");
        }
        Checks.present(effectiveDate, "effectiveDate");
    }
}
