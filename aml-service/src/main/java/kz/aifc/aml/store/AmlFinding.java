package kz.aifc.aml.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/**
 * A rule finding as detected (table {@code aml_finding}, kept at least six years, AML 14.5.1), with the case it joined
 * if it opened or joined one. Written by the screening batch in one statement ({@link FindingStore#insertFindings});
 * read here.
 */
@Entity
@Table(name = "aml_finding")
public class AmlFinding extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "alert_id", nullable = false)
    public String alertId;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(name = "firm_id", nullable = false)
    public String firmId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "case_id")
    public String caseId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "transaction_ids", nullable = false)
    public List<String> transactionIds;

    @Column(name = "detected_at", nullable = false)
    public OffsetDateTime detectedAt;

    @Column(nullable = false)
    public String detail;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> evidence;

    /** The findings that joined a case, in the order they were detected. */
    public static List<AmlFinding> ofCase(String caseId) {
        return list("caseId", Sort.ascending("id"), caseId);
    }
}
