package kz.aifc.licensing.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.LicenceStatus;
import kz.aifc.licensing.store.LicenceStore.StoredLicence;

/** A licence as registered, with its register version (1 on registration, +1 per variation). */
public record LicenceView(String firmId, String firmName, String licenceNumber, LicenceStatus status,
        List<Activity> activities, LocalDate effectiveFrom, List<String> conditions, int version,
        OffsetDateTime updatedAt) {

    static LicenceView of(StoredLicence s) {
        var l = s.licence();
        return new LicenceView(l.firmId(), l.firmName(), l.licenceNumber(), l.status(), l.activities(),
                l.effectiveFrom(), l.conditions(), s.version(), s.updatedAt());
    }
}
