package kz.aifc.licensing.store;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.Seniority;
import kz.aifc.contract.v1.StaffChangeKind;
import kz.aifc.licensing.rules.PersonState;

/** A person a firm reported (table {@code person}), as its last staff event described them: the event carries the whole state. */
@Entity
@Table(name = "person")
@IdClass(Person.Key.class)
public class Person extends PanacheEntityBase {

    /** The natural key: a person id is unique within its firm. */
    public record Key(String firmId, String personId) implements Serializable {
    }

    @Id
    @Column(name = "firm_id")
    public String firmId;

    @Id
    @Column(name = "person_id")
    public String personId;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_change", nullable = false)
    public StaffChangeKind lastChange;

    /** Role names, sorted, as a JSON array of strings. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> roles;

    @Enumerated(EnumType.STRING)
    @Column(name = "afsa_approval", nullable = false)
    public AfsaApproval afsaApproval;

    @Column(nullable = false)
    public boolean resident;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Seniority seniority;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The firm's people, by person id. */
    public static List<Person> ofFirm(String firmId) {
        return list("firmId", Sort.by("personId"), firmId);
    }

    /** Records the person as {@code state} describes them, replacing what the firm reported before. */
    public static void record(String firmId, PersonState state, OffsetDateTime at) {
        record(findById(new Key(firmId, state.personId())), firmId, state, at);
    }

    /** As above, given the person as already read ({@code null}: not on record yet); answers the person recorded. */
    static Person record(Person p, String firmId, PersonState state, OffsetDateTime at) {
        if (p == null) {
            p = new Person();
            p.firmId = firmId;
            p.personId = state.personId();
            p.apply(state, at);
            p.persist();
        } else {
            p.apply(state, at);
        }
        return p;
    }

    public PersonState toState() {
        return new PersonState(personId, fullName, lastChange, roles.stream().map(Role::valueOf).collect(Collectors.toSet()),
                afsaApproval, resident, seniority, effectiveDate);
    }

    private void apply(PersonState state, OffsetDateTime at) {
        fullName = state.fullName();
        lastChange = state.lastChange();
        roles = state.roles().stream().map(Enum::name).sorted().toList();
        afsaApproval = state.approval();
        resident = state.resident();
        seniority = state.seniority();
        effectiveDate = state.effectiveDate();
        updatedAt = at;
    }
}
