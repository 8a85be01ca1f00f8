package kz.aifc.licensing.store;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import kz.aifc.contract.v1.Disclosure;
import kz.aifc.contract.v1.DisclosureKind;

/** A disclosure a person made (table {@code person_disclosure}, FP-004/FP-005), kept for the view and the drafts. */
@Entity
@Table(name = "person_disclosure")
public class PersonDisclosure extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "firm_id", nullable = false)
    public String firmId;

    @Column(name = "person_id", nullable = false)
    public String personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DisclosureKind kind;

    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;

    @Column(nullable = false)
    public String details;

    /** The event that carried the disclosure (source/id). */
    @Column(name = "event_key", nullable = false)
    public String eventKey;

    /** The firm's disclosures in the order they arrived. */
    public static List<PersonDisclosure> ofFirm(String firmId) {
        return list("firmId", Sort.by("id"), firmId);
    }

    public static void record(String firmId, String personId, Disclosure disclosure, String eventKey) {
        PersonDisclosure d = new PersonDisclosure();
        d.firmId = firmId;
        d.personId = personId;
        d.kind = disclosure.kind();
        d.occurredOn = disclosure.occurredOn();
        d.details = disclosure.details();
        d.eventKey = eventKey;
        d.persist();
    }

    public Disclosure toDisclosure() {
        return new Disclosure(kind, occurredOn, details);
    }
}
