package kz.aifc.licensing.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.contract.v1.LicenceStatus;

/** A firm's licence in the register (table {@code licence}): the licence as last registered or varied, with its version. */
@Entity
@Table(name = "licence")
public class Licence extends PanacheEntityBase {

    @Id
    @Column(name = "firm_id")
    public String firmId;

    @Column(name = "firm_name", nullable = false)
    public String firmName;

    @Column(name = "licence_number", nullable = false, unique = true)
    public String licenceNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LicenceStatus status;

    /** Activity names, as the register has always stored them (a JSON array of strings). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> activities;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> conditions;

    /** 1 on registration, +1 per variation; changes to one firm are serialised by {@link FirmLocks#firm}. */
    @Column(nullable = false)
    public int version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static Optional<Licence> ofFirm(String firmId) {
        return findByIdOptional(firmId);
    }

    /** The firm that holds {@code licenceNumber}, if any. */
    public static Optional<String> holderOf(String licenceNumber) {
        Optional<Licence> holder = find("licenceNumber", licenceNumber).firstResultOptional();
        return holder.map(l -> l.firmId);
    }

    /** Puts a new firm on the register at version 1. */
    public static Licence register(LicenceChanged licence, OffsetDateTime at) {
        Licence l = new Licence();
        l.firmId = licence.firmId();
        l.version = 1;
        l.apply(licence, at);
        l.persist();
        return l;
    }

    /** Replaces the licence as a whole and counts the variation. */
    public void vary(LicenceChanged licence, OffsetDateTime at) {
        apply(licence, at);
        version++;
    }

    /** The licence as the contract publishes it. */
    public LicenceChanged toEvent() {
        return new LicenceChanged(firmId, firmName, licenceNumber, status, activityList(), effectiveFrom,
                List.copyOf(conditions));
    }

    public List<Activity> activityList() {
        return activities.stream().map(Activity::valueOf).toList();
    }

    private void apply(LicenceChanged licence, OffsetDateTime at) {
        firmName = licence.firmName();
        licenceNumber = licence.licenceNumber();
        status = licence.status();
        activities = licence.activities().stream().map(Enum::name).toList();
        effectiveFrom = licence.effectiveFrom();
        conditions = List.copyOf(licence.conditions());
        updatedAt = at;
    }
}
