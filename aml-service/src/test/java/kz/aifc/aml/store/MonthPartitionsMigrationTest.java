package kz.aifc.aml.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import kz.aifc.testing.LocalStackResource;

/**
 * V15 on a database that already holds screened transactions, as an installed firm's does: no row is lost or
 * copied, the old rows answer through the partitioned table, and later months get partitions of their own.
 */
class MonthPartitionsMigrationTest {

    private static final String DATABASE = "aifc_aml_migration_test";

    @Test
    void shouldKeepTheRowsStoredBeforeAsOnePartitionAndGiveLaterMonthsTheirOwn() throws SQLException {
        DataSource db = LocalStackResource.dataSource(DATABASE);
        FluentConfiguration config = Flyway.configure().dataSource(db)
                .locations("classpath:db/migration", "classpath:db/platform/inbox", "classpath:db/platform/alerts")
                .cleanDisabled(false);
        config.target("14").load().clean();
        config.target("14").load().migrate();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    insert into aml_transaction (firm_id, customer_id, transaction_id, event_key, occurred_at,
                                                 direction, amount_usd, payload)
                    values ('F-0001', 'C-1', 'T-1', 'urn:x/1', '2026-11-20T10:00:00Z', 'DEPOSIT', 950, '{}'),
                           ('F-0001', 'C-1', 'T-2', 'urn:x/2', '2024-02-01T10:00:00Z', 'DEPOSIT', 120, '{}')""");

            config.target("latest").load().migrate();

            assertThat(rows(s, "select tableoid::regclass::text || ' ' || transaction_id from aml_transaction "
                    + "order by transaction_id")).isEqualTo("aml_transaction_legacy_rows T-1,"
                    + "aml_transaction_legacy_rows T-2");
            // The old table holds every month up to the end of its latest (or this one); a later month is new.
            assertThat(rows(s, "select aml_transaction_month('2026-11-30T23:59:59Z')"))
                    .isEqualTo("aml_transaction_legacy_rows");
            assertThat(rows(s, "select aml_transaction_month('2099-03-15T00:00:00Z')"))
                    .isEqualTo("aml_transaction_2099_03");
            s.execute("""
                    insert into aml_transaction (firm_id, customer_id, transaction_id, event_key, occurred_at,
                                                 direction, amount_usd, payload)
                    values ('F-0001', 'C-1', 'T-3', 'urn:x/3', '2099-03-15T10:00:00Z', 'DEPOSIT', 1, '{}'),
                           ('F-0001', 'C-1', 'T-1', 'urn:x/1', '2026-11-20T10:00:00Z', 'DEPOSIT', 950, '{}')
                    on conflict (firm_id, customer_id, occurred_at, event_key) do nothing""");
            assertThat(rows(s, "select tableoid::regclass::text || ' ' || transaction_id from aml_transaction "
                    + "order by transaction_id")).isEqualTo("aml_transaction_legacy_rows T-1,"
                    + "aml_transaction_legacy_rows T-2,aml_transaction_2099_03 T-3");
        }
    }

    private static String rows(Statement s, String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.append(out.isEmpty() ? "" : ",").append(rs.getString(1));
            }
        }
        return out.toString();
    }
}
