package kz.aifc.contract.v1;

import java.time.LocalDate;

/** A fitness-relevant matter a person disclosed, carried by a staff event whose change is DISCLOSURE. */
public record Disclosure(DisclosureKind kind, LocalDate occurredOn, String details) {

    public Disclosure {
        Checks.present(kind, "kind");
        Checks.present(occurredOn, "occurredOn");
        Checks.text(details, "details");
    }
}
