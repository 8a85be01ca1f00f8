package kz.aifc.aml.store;

import static kz.aifc.aml.rules.TxBuilder.tx;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.aml.rules.AmlRules;
import kz.aifc.aml.rules.CustomerHistory;
import kz.aifc.aml.rules.Suspicion;
import kz.aifc.aml.rules.TxBuilder;
import kz.aifc.contract.v1.Direction;
import kz.aifc.platform.rules.Finding;
import kz.aifc.testing.LocalStackResource;

/**
 * A batch's findings open or join one case per customer on the real database, however many findings a customer has
 * in the batch: the rules and transactions of all of them, each finding pointing at its customer's case.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_aml_test"))
class FindingStoreTest {

    static final OffsetDateTime DETECTED = OffsetDateTime.parse("2026-11-21T12:00:00+05:00");

    @Inject
    FindingStore store;

    @Inject
    AmlRules rules;

    @Inject
    DataSource db;

    /** One customer's deposits, then a withdrawal that covers each: one AML-006 finding per deposit, at once. */
    private List<Finding<Suspicion>> rapidInOut(String customer, int deposits, String withdrawalAt) {
        CustomerHistory history = new CustomerHistory("F-0001", customer);
        for (int i = 0; i < deposits; i++) {
            evaluate(history, tx().customer(customer).id(customer + "-D" + i).direction(Direction.DEPOSIT).usd("1000")
                    .at("2026-11-20T10:%02d:00+05:00".formatted(i)));
        }
        List<Finding<Suspicion>> found = evaluate(history, tx().customer(customer).id(customer + "-W")
                .direction(Direction.WITHDRAWAL).usd("5000").at(withdrawalAt));
        return found.stream().filter(f -> f.ruleId().equals("AML-006")).toList();
    }

    private List<Finding<Suspicion>> evaluate(CustomerHistory history, TxBuilder b) {
        return rules.evaluate(history, "urn:test/" + b.id, b.build(), DETECTED);
    }

    @Test
    void shouldJoinEveryFindingOfACustomerInABatchToOneCaseWithAllTheirTransactions() throws SQLException {
        String heavy = "C-" + UUID.randomUUID();
        String other = "C-" + UUID.randomUUID();
        List<Finding<Suspicion>> findings = new ArrayList<>(rapidInOut(heavy, 4, "2026-11-20T11:00:00+05:00"));
        findings.addAll(rapidInOut(other, 2, "2026-11-20T11:00:00+05:00"));
        assertThat(findings).hasSize(6);

        long[] caseRowsWritten = new long[1];
        Map<String, String> caseByAlert = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> cases = store.openOrJoinCases(findings, DETECTED);
            caseRowsWritten[0] = caseRowsWrittenInThisTransaction();
            store.insertFindings(findings, cases, DETECTED);
            return cases;
        });

        // One row written per customer, not one per finding: six findings of two customers, two case rows.
        assertThat(caseRowsWritten[0]).isEqualTo(2);
        assertThat(caseByAlert).containsOnlyKeys(findings.stream().map(Finding::alertId).toList());
        String heavyCase = caseByAlert.get(findings.get(0).alertId());
        String otherCase = caseByAlert.get(findings.get(5).alertId());
        assertThat(findings.subList(0, 4)).allMatch(f -> heavyCase.equals(caseByAlert.get(f.alertId())));
        assertThat(otherCase).isNotEqualTo(heavyCase);
        assertThat(openCases(heavy)).containsExactly(heavyCase);
        assertThat(transactionIds(heavyCase)).containsExactly(heavy + "-D0", heavy + "-D1", heavy + "-D2",
                heavy + "-D3", heavy + "-W");
        assertThat(transactionIds(otherCase)).containsExactly(other + "-D0", other + "-D1", other + "-W");
        assertThat(ruleIds(heavyCase)).containsExactly("AML-006");
        assertThat(findingCases(heavy)).hasSize(4).containsOnly(heavyCase);

        // A later batch's finding of the same customer joins the case still open, adding what is new to it.
        Finding<Suspicion> later = rapidInOut(heavy, 5, "2026-11-20T11:30:00+05:00").stream()
                .filter(f -> f.duty().transactionIds().contains(heavy + "-D4")).findFirst().orElseThrow();
        Map<String, String> joined = QuarkusTransaction.requiringNew()
                .call(() -> store.openOrJoinCases(List.of(later), DETECTED.plusHours(1)));
        assertThat(joined).containsEntry(later.alertId(), heavyCase);
        assertThat(openCases(heavy)).containsExactly(heavyCase);
        assertThat(transactionIds(heavyCase)).containsExactly(heavy + "-D0", heavy + "-D1", heavy + "-D2",
                heavy + "-D3", heavy + "-D4", heavy + "-W");
    }

    /** Rows of aml_case inserted or updated so far by the current transaction (its own statistics). */
    private long caseRowsWrittenInThisTransaction() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(
                "select n_tup_ins + n_tup_upd from pg_stat_xact_user_tables where relname = 'aml_case'");
                ResultSet rs = q.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private List<String> openCases(String customer) throws SQLException {
        return strings("select case_id from aml_case where customer_id = ? and status = 'OPEN'", customer);
    }

    private List<String> findingCases(String customer) throws SQLException {
        return strings("select case_id from aml_finding where customer_id = ?", customer);
    }

    private List<String> transactionIds(String caseId) throws SQLException {
        return array("select transaction_ids from aml_case where case_id = ?", caseId);
    }

    private List<String> ruleIds(String caseId) throws SQLException {
        return array("select rule_ids from aml_case where case_id = ?", caseId);
    }

    private List<String> strings(String sql, String param) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, param);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private List<String> array(String sql, String param) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, param);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                Array a = rs.getArray(1);
                return Arrays.asList((String[]) a.getArray());
            }
        }
    }
}
