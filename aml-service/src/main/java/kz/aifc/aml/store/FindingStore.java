package kz.aifc.aml.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Singleton;

import kz.aifc.aml.rules.Suspicion;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.platform.rules.Finding;
import kz.aifc.platform.store.Jdbc;

/**
 * The findings as detected and the suspicious-activity cases they open or join, one statement per table per batch
 * (the screening path; cases are read and decided through the entities {@link AmlCase} and {@link AmlFinding}).
 */
@Singleton
public class FindingStore {

    private static final String UPSERT_CASE = """
            insert into aml_case (case_id, firm_id, customer_id, status, opened_at, updated_at, rule_ids, transaction_ids)
            values (?, ?, ?, 'OPEN', ?, ?, ?, ?)
            on conflict (firm_id, customer_id) where status = 'OPEN' do update set
              updated_at = excluded.updated_at,
              rule_ids = array(select distinct unnest(aml_case.rule_ids || excluded.rule_ids) order by 1),
              transaction_ids = array(select distinct unnest(aml_case.transaction_ids || excluded.transaction_ids) order by 1)""";

    private static final String INSERT_FINDING = """
            insert into aml_finding (alert_id, rule_id, firm_id, customer_id, case_id, transaction_ids, detected_at,
                                     detail, evidence)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";


    private final Jdbc jdbc;

    FindingStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Opens each finding's customer case or adds to the one already open (one case per customer episode), in one
     * round trip: one row per customer, carrying the rules and transactions of all its findings here (a heavy trader's
     * withdrawal can bring a hundred AML-006 findings at once; one upsert each rewrote the case's whole transaction
     * list a hundred times). Answers the case id by alert id.
     */
    public Map<String, String> openOrJoinCases(List<Finding<Suspicion>> findings, OffsetDateTime at) {
        Map<String, String> caseByAlert = new HashMap<>();
        if (findings.isEmpty()) {
            return caseByAlert;
        }
        Map<List<String>, CaseJoin> byCustomer = new LinkedHashMap<>();
        for (Finding<Suspicion> f : findings) {
            CaseJoin join = byCustomer.computeIfAbsent(List.of(f.firmId(), f.duty().customerId()), k -> new CaseJoin());
            join.alertIds.add(f.alertId());
            join.ruleIds.add(f.ruleId());
            join.transactionIds.addAll(f.duty().transactionIds());
        }
        return jdbc.withConnection("open or join cases", c -> {
            try (PreparedStatement q = c.prepareStatement(UPSERT_CASE, new String[] {"case_id"})) {
                for (Map.Entry<List<String>, CaseJoin> e : byCustomer.entrySet()) {
                    q.setString(1, "CASE-" + UUID.randomUUID());
                    q.setString(2, e.getKey().get(0));
                    q.setString(3, e.getKey().get(1));
                    q.setTimestamp(4, Timestamp.from(at.toInstant()));
                    q.setTimestamp(5, Timestamp.from(at.toInstant()));
                    q.setArray(6, c.createArrayOf("text", e.getValue().ruleIds.toArray()));
                    q.setArray(7, c.createArrayOf("text", e.getValue().transactionIds.toArray()));
                    q.addBatch();
                }
                q.executeBatch();
                try (ResultSet rs = q.getGeneratedKeys()) {
                    for (CaseJoin join : byCustomer.values()) {
                        if (!rs.next()) {
                            throw new SQLException("no case id returned for " + join.alertIds);
                        }
                        String caseId = rs.getString(1);
                        join.alertIds.forEach(alertId -> caseByAlert.put(alertId, caseId));
                    }
                }
                return caseByAlert;
            }
        });
    }

    /** What one customer's findings in a batch bring to its case. */
    private static final class CaseJoin {

        final List<String> alertIds = new ArrayList<>();
        final Set<String> ruleIds = new TreeSet<>();
        final Set<String> transactionIds = new TreeSet<>();
    }

    /** Keeps every finding as detected, with the case it joined. */
    public void insertFindings(List<Finding<Suspicion>> findings, Map<String, String> caseByAlert, OffsetDateTime at) {
        if (findings.isEmpty()) {
            return;
        }
        jdbc.batch("store findings", INSERT_FINDING, findings, (q, f) -> {
            q.setString(1, f.alertId());
            q.setString(2, f.ruleId());
            q.setString(3, f.firmId());
            q.setString(4, f.duty().customerId());
            q.setString(5, caseByAlert.get(f.alertId()));
            q.setArray(6, q.getConnection().createArrayOf("text", f.duty().transactionIds().toArray()));
            q.setTimestamp(7, Timestamp.from(at.toInstant()));
            q.setString(8, f.detail());
            q.setString(9, CloudEventCodec.toJson(f.evidence()));
        });
    }
}
