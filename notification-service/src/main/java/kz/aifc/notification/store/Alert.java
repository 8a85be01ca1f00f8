package kz.aifc.notification.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.AlertRaised;

/**
 * One alert at the desk (table {@code alert}): the contract's fields, the lifecycle, escalation and a change counter.
 * An entity of the session for searches and a person's changes; outside any session for a poll's ({@link AlertBatch}).
 */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    @Id
    @Column(name = "alert_id")
    public String alertId;

    @Column(name = "firm_id", nullable = false)
    public String firmId;

    @Column(nullable = false)
    public String duty;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(name = "rulebook_version", nullable = false)
    public String rulebookVersion;

    public String citation;

    @Column(nullable = false)
    public String severity;

    /** The severity's place in urgency order (0 = CRITICAL), for sorting. */
    @Column(name = "severity_rank", nullable = false)
    public short severityRank;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String detail;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public JsonNode evidence;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "caused_by", nullable = false)
    public List<String> causedBy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> links;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;

    @Column(name = "regulatory_deadline")
    public Instant regulatoryDeadline;

    @Column(name = "deadline_basis")
    public String deadlineBasis;

    @Column(nullable = false)
    public String status;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolution_reason")
    public String resolutionReason;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Column(name = "escalation_reason")
    public String escalationReason;

    /**
     * The reasons the alert has been escalated for since it was last opened, in the order they came: the clock's
     * partial indexes leave an alert out of a reason's scan once it is here ({@code alert_escalation} keeps the
     * record).
     */
    @Column(name = "escalated_for", nullable = false)
    public String[] escalatedFor = {};

    /** Grows with every change (not an optimistic lock: changes to one alert are serialised by a row lock). */
    @Column(nullable = false)
    public long version;

    /** Takes the contract's fields of a raise. */
    void apply(AlertRaised a) {
        alertId = a.alertId();
        firmId = a.firmId();
        duty = a.duty().name();
        ruleId = a.ruleId();
        rulebookVersion = a.rulebookVersion();
        citation = a.citation();
        severity = a.severity().name();
        severityRank = (short) a.severity().ordinal();
        title = a.title();
        detail = a.detail();
        evidence = CloudEventCodec.mapper().valueToTree(a.evidence());
        causedBy = List.copyOf(a.causedBy());
        links = Map.copyOf(a.links());
        detectedAt = a.detectedAt().toInstant();
        regulatoryDeadline = a.regulatoryDeadline() == null ? null : a.regulatoryDeadline().toInstant();
        deadlineBasis = a.deadlineBasis();
    }

    /** A first-seen alert, OPEN. */
    static Alert raised(AlertRaised a, Instant now) {
        Alert alert = new Alert();
        alert.apply(a);
        alert.status = StoredAlert.OPEN;
        alert.firstSeenAt = now;
        alert.updatedAt = now;
        alert.version = 1;
        return alert;
    }

    /**
     * Takes a repeated raise's contract fields; {@code reopen} puts a resolved alert back to OPEN, first seen now, and
     * forgets its lifecycle (the caller deletes its escalations).
     */
    void refresh(AlertRaised a, Instant now, boolean reopen) {
        apply(a);
        changed(now);
        if (reopen) {
            status = StoredAlert.OPEN;
            acknowledgedBy = null;
            acknowledgedAt = null;
            resolvedBy = null;
            resolvedAt = null;
            resolutionReason = null;
            escalatedAt = null;
            escalationReason = null;
            escalatedFor = new String[0];
            firstSeenAt = now;
        }
    }

    void resolve(String by, Instant at, String reason) {
        status = StoredAlert.RESOLVED;
        resolvedBy = by;
        resolvedAt = at;
        resolutionReason = reason;
        changed(Times.now());
    }

    /** Escalated for {@code reason} (the caller records the escalation, once per reason). */
    void escalate(String reason, Instant at) {
        escalatedAt = at;
        escalationReason = reason;
        if (!Arrays.asList(escalatedFor).contains(reason)) {
            String[] reasons = Arrays.copyOf(escalatedFor, escalatedFor.length + 1);
            reasons[escalatedFor.length] = reason;
            escalatedFor = reasons;
        }
        changed(Times.now());
    }

    /** Marks a change: one more version, updated now. */
    void changed(Instant at) {
        updatedAt = at;
        version++;
    }

    StoredAlert toStored() {
        return new StoredAlert(alertId, firmId, duty, ruleId, rulebookVersion, citation, severity, title, detail,
                evidence, List.copyOf(causedBy), Map.copyOf(links), Times.almaty(detectedAt),
                Times.almaty(regulatoryDeadline), deadlineBasis, status, Times.almaty(firstSeenAt),
                Times.almaty(updatedAt), acknowledgedBy, Times.almaty(acknowledgedAt), resolvedBy,
                Times.almaty(resolvedAt), resolutionReason, Times.almaty(escalatedAt), escalationReason, version);
    }
}
