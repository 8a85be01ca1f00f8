package kz.aifc.licensing.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.LicenceStatus;
import kz.aifc.licensing.store.Licence;

/** A licence as registered, with its register version (1 on registration, +1 per variation). */
@Schema(description = "A firm's licence as registered in licensing-service")
public record LicenceView(
        String firmId,
        String firmName,
        @Schema(description = "AFSA licence number, unique across firms") String licenceNumber,
        LicenceStatus status,
        List<Activity> activities,
        LocalDate effectiveFrom,
        List<String> conditions,
        @Schema(description = "1 on registration, +1 per variation") int version,
        @Schema(description = "When the register last changed this licence") OffsetDateTime updatedAt) {

    static LicenceView of(Licence l) {
        return new LicenceView(l.firmId, l.firmName, l.licenceNumber, l.status, l.activityList(), l.effectiveFrom,
                List.copyOf(l.conditions), l.version, l.updatedAt);
    }
}
