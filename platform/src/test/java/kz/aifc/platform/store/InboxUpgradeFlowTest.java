package kz.aifc.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.testing.LocalStackResource;

/**
 * The inbox's move to monthly partitions on a database that already holds applied events: the migration every
 * service runs (here the test application's V4, the same script), from the layout before it, in a schema of its own.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_platform_test"))
class InboxUpgradeFlowTest {

    private static final String SCHEMA = "inbox_upgrade";

    /** The claim as Inbox sends it, with the month as it computes it for each of these events. */
    private static final String CLAIM = """
            insert into inbound_event (event_key, event_type, firm_id, event_time, event_month, payload)
            values (?, 'kz.aifc.capital.snapshot.v1', 'F-0001', ?::timestamptz, ?::date, '{}')
            on conflict (event_key, event_month) do nothing""";

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @Test
    @DisplayName("events applied before the upgrade stay in place, keep refusing their redeliveries, and later months "
            + "get partitions of their own")
    void shouldKeepEventsAppliedBeforeTheUpgradeAndRefuseTheirRedeliveries() throws SQLException {
        flyway("3").migrate();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("set search_path to " + SCHEMA);
            s.execute("""
                    insert into inbound_event (event_key, event_type, firm_id, event_time, payload) values
                    ('/firms/F-0001/core/old-1', 'kz.aifc.capital.snapshot.v1', 'F-0001', '2025-06-30T23:00:00-03:00', '{}'),
                    ('/firms/F-0001/core/old-2', 'kz.aifc.capital.snapshot.v1', 'F-0001', null, '{}')""");
        }

        flyway(null).migrate();

        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("set search_path to " + SCHEMA);
            assertThat(rows(c, "select event_key || ' ' || event_month || ' ' || tableoid::regclass::text "
                    + "from inbound_event order by event_key"))
                    .as("the stored events, their months (UTC) and where they are").containsExactly(
                            "/firms/F-0001/core/old-1 2025-07-01 inbound_event_legacy_rows",
                            "/firms/F-0001/core/old-2 1970-01-01 inbound_event_legacy_rows");
            assertThat(claim(c, "/firms/F-0001/core/old-1", "2025-06-30T23:00:00-03:00", "2025-07-01"))
                    .as("a redelivery of an event applied before the upgrade").isZero();
            assertThat(claim(c, "/firms/F-0001/core/old-2", null, "1970-01-01"))
                    .as("a redelivery of an event without a time applied before the upgrade").isZero();

            // The old table holds every month up to the end of the current one; the next one is made on demand.
            assertThat(rows(c, "select inbound_event_month(now())"))
                    .containsExactly("inbound_event_legacy_rows");
            String nextMonth = rows(c, "select to_char(date_trunc('month', now() at time zone 'UTC') "
                    + "+ interval '1 month', 'YYYY-MM-DD')").get(0);
            String partition = rows(c, "select inbound_event_month('" + nextMonth + "T12:00:00Z')").get(0);
            assertThat(partition).isEqualTo("inbound_event_" + nextMonth.substring(0, 7).replace('-', '_'));
            assertThat(claim(c, "/firms/F-0001/core/new-1", nextMonth + "T12:00:00Z", nextMonth))
                    .as("a new event of the next month").isEqualTo(1);
            assertThat(claim(c, "/firms/F-0001/core/new-1", nextMonth + "T12:00:00Z", nextMonth))
                    .as("its redelivery").isZero();
            assertThat(rows(c, "select tableoid::regclass::text from inbound_event where event_key like '%new-1'"))
                    .containsExactly(partition);
        }
    }

    @Test
    @DisplayName("a new installation has no partition until an event arrives")
    void shouldStartEmptyOnANewInstallation() throws SQLException {
        flyway(null).migrate();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("set search_path to " + SCHEMA);
            assertThat(rows(c, "select count(*) from pg_inherits where inhparent = 'inbound_event'::regclass"))
                    .containsExactly("0");
            assertThat(rows(c, "select count(*) from inbound_event_legacy")).containsExactly("0");
        }
    }

    private static int claim(Connection c, String key, String time, String month) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(CLAIM)) {
            q.setString(1, key);
            q.setString(2, time);
            q.setString(3, month);
            return q.executeUpdate();
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static Flyway flyway(String target) {
        var configuration = Flyway.configure()
                .dataSource(url(), user(), password())
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/platform/inbox", "classpath:db/platform/alerts", "classpath:db/platform-test");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    private static String user() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
    }

    private static String password() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class);
    }
}
