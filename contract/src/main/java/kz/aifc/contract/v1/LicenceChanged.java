package kz.aifc.contract.v1;

import java.time.LocalDate;
import java.util.List;

/** Payload of {@code kz.aifc.licence.changed.v1}: a firm's licence as registered after a change. */
public record LicenceChanged(
        String firmId,
        String firmName,
        String licenceNumber,
        LicenceStatus status,
        List<Activity> activities,
        LocalDate effectiveFrom,
        List<String> conditions) {

    public LicenceChanged {
        Checks.text(firmId, "firmId");
        Checks.text(firmName, "firmName");
        Checks.text(licenceNumber, "licenceNumber");
        Checks.present(status, "status");
        activities = Checks.list(activities, "activities");
        Checks.present(effectiveFrom, "effectiveFrom");
        conditions = Checks.listOrEmpty(conditions, "conditions");
    }
}
