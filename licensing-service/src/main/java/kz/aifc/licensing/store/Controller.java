package kz.aifc.licensing.store;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

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
import kz.aifc.contract.v1.CustomerType;
import kz.aifc.licensing.rules.ControllerState;

/**
 * A controller of a firm (table {@code controller}): its holding, AFSA approval, source-of-wealth evidence and the
 * thresholds it crossed upward without approval (FP-008), so a later approval or a fall below them clears the finding.
 */
@Entity
@Table(name = "controller")
@IdClass(Controller.Key.class)
public class Controller extends PanacheEntityBase {

    /** The natural key: a controller id is unique within its firm. */
    public record Key(String firmId, String controllerId) implements Serializable {
    }

    @Id
    @Column(name = "firm_id")
    public String firmId;

    @Id
    @Column(name = "controller_id")
    public String controllerId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CustomerType type;

    @Column(name = "holding_pct", nullable = false, precision = 9, scale = 6)
    public BigDecimal holdingPct;

    @Enumerated(EnumType.STRING)
    @Column(name = "afsa_approval", nullable = false)
    public AfsaApproval afsaApproval;

    @Column(name = "source_of_wealth", nullable = false)
    public boolean sourceOfWealth;

    /** Thresholds in percent as plain decimal strings ("10", "30"), exact whatever their scale. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "pending_thresholds", nullable = false)
    public List<String> pendingThresholds;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    /** When AFSA approved the change in control the holding relies on (GEN 3.2.3(1)); null when not reported. */
    @Column(name = "approval_date")
    public LocalDate approvalDate;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The firm's controllers, by controller id. */
    public static List<Controller> ofFirm(String firmId) {
        return list("firmId", Sort.by("controllerId"), firmId);
    }

    public static Optional<Controller> of(String firmId, String controllerId) {
        return findByIdOptional(new Key(firmId, controllerId));
    }

    /** Records the controller as {@code state} describes it, replacing what was known before. */
    public static void record(String firmId, ControllerState state, OffsetDateTime at) {
        record(findById(new Key(firmId, state.controllerId())), firmId, state, at);
    }

    /** As above, given the controller as already read ({@code null}: not on record yet); answers it as recorded. */
    static Controller record(Controller c, String firmId, ControllerState state, OffsetDateTime at) {
        if (c == null) {
            c = new Controller();
            c.firmId = firmId;
            c.controllerId = state.controllerId();
            c.apply(state, at);
            c.persist();
        } else {
            c.apply(state, at);
        }
        return c;
    }

    public ControllerState toState() {
        TreeSet<BigDecimal> thresholds = new TreeSet<>();
        pendingThresholds.forEach(t -> thresholds.add(new BigDecimal(t)));
        return new ControllerState(controllerId, name, type, holdingPct.stripTrailingZeros(), afsaApproval,
                sourceOfWealth, thresholds, effectiveDate, approvalDate);
    }

    private void apply(ControllerState state, OffsetDateTime at) {
        name = state.name();
        type = state.type();
        holdingPct = state.holdingPct();
        afsaApproval = state.approval();
        sourceOfWealth = state.sourceOfWealthEvidence();
        pendingThresholds = state.pendingThresholds().stream().map(BigDecimal::toPlainString).toList();
        effectiveDate = state.effectiveDate();
        approvalDate = state.approvalDate();
        updatedAt = at;
    }
}
