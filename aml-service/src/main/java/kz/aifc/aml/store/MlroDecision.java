package kz.aifc.aml.store;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The MLRO's decision on a case (AML 13.8.1): when, by whom and why; the outcome is the case's status. */
@Embeddable
public class MlroDecision {

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_reasons")
    public String reasons;

    protected MlroDecision() {
    }

    public MlroDecision(OffsetDateTime decidedAt, String decidedBy, String reasons) {
        this.decidedAt = decidedAt;
        this.decidedBy = decidedBy;
        this.reasons = reasons;
    }
}
