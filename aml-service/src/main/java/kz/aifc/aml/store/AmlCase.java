package kz.aifc.aml.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/**
 * A suspicious-activity case (table {@code aml_case}): one open case per customer episode gathers the suspicion
 * findings (they name it, {@link AmlFinding}) and the transactions behind them, until the MLRO decides. Cases are
 * opened and joined by the screening batch in one statement ({@link FindingStore#openOrJoinCases}); only changed
 * columns are written here, so a decision never overwrites what a batch added.
 */
@Entity
@Table(name = "aml_case")
@DynamicUpdate
public class AmlCase extends PanacheEntityBase {

    /** OPEN until the MLRO decides; the decision is the status (AML 13.8.1). */
    public enum Status {
        OPEN, FILE_STR, NO_STR
    }

    @Id
    @Column(name = "case_id")
    public String caseId;

    @Column(name = "firm_id", nullable = false)
    public String firmId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "opened_at", nullable = false)
    public OffsetDateTime openedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The rules whose findings joined the case, sorted. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "rule_ids", nullable = false)
    public List<String> ruleIds;

    /** The transactions behind the findings, sorted. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "transaction_ids", nullable = false)
    public List<String> transactionIds;

    /** The AML-012 alert raised when the decision became overdue, if it was. */
    @Column(name = "overdue_alert")
    public String overdueAlert;

    /** Null while the case is open. */
    @Embedded
    public MlroDecision decision;

    /** The firm's cases, newest first, optionally of one status. */
    public static List<AmlCase> ofFirm(String firmId, Status status, int limit) {
        Sort newestFirst = Sort.descending("openedAt");
        return (status == null ? find("firmId", newestFirst, firmId)
                : find("firmId = ?1 and status = ?2", newestFirst, firmId, status)).range(0, limit - 1).list();
    }

    public static Optional<AmlCase> byId(String caseId) {
        return findByIdOptional(caseId);
    }

    /** The case locked for the rest of the transaction, so two decisions on it cannot both pass as first. */
    public static Optional<AmlCase> lockedForDecision(String caseId) {
        return findByIdOptional(caseId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Open cases opened at or before {@code openedBefore} and not yet alerted as overdue (AML-012), oldest first. */
    public static List<AmlCase> overdue(OffsetDateTime openedBefore, int limit) {
        return find("status = ?1 and overdueAlert is null and openedAt <= ?2", Sort.ascending("openedAt"),
                Status.OPEN, openedBefore).range(0, limit - 1).list();
    }

    /** Records the MLRO's decision on this open case. */
    public void decide(Status outcome, String reasons, String decidedBy, OffsetDateTime at) {
        status = outcome;
        decision = new MlroDecision(at, decidedBy, reasons);
        updatedAt = at;
    }
}
