package kz.aifc.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.platform.testapp.TestDb;
import kz.aifc.testing.LocalStackResource;

/** Statements sent as one message: each runs in order and gets its own result; one failing fails them all. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "database", value = "aifc_platform_test"))
class RoundTripFlowTest {

    @Inject
    Jdbc jdbc;

    @Inject
    DataSource db;

    private String tag;

    @BeforeEach
    void table() {
        TestDb.execute(db, "create table if not exists round_trip_probe (k text primary key, v int)");
        tag = UUID.randomUUID().toString();
    }

    @Test
    void shouldRunTheStatementsInOrderAndHandEachItsOwnResult() {
        List<Integer> counts = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> new RoundTrip()
                .update("insert into round_trip_probe (k, v) select ? || n, n from generate_series(1, 3) n",
                        counts::add, tag)
                // A later statement sees what an earlier one wrote: each takes its snapshot when it starts.
                .query("select k from round_trip_probe where starts_with(k, ?) order by v", rs -> rs.getString(1),
                        rows::add, tag)
                .update("update round_trip_probe set v = ? where k = any(?)", counts::add, null,
                        List.of(tag + 1, tag + 2))
                .run("select pg_notify('round_trip_probe', ?)", tag)
                .send(jdbc, "probe"));

        assertThat(counts).containsExactly(3, 2);
        assertThat(rows).containsExactly(List.of(tag + 1, tag + 2, tag + 3));
        assertThat(TestDb.strings(db, "select coalesce(v, 0) from round_trip_probe where starts_with(k, ?) order by k",
                tag)).containsExactly("0", "0", "3");
    }

    @Test
    void shouldRollBackEveryStatementWhenOneFails() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> new RoundTrip()
                .update("insert into round_trip_probe (k, v) values (?, 1)", n -> {
                }, tag + "a")
                .update("insert into round_trip_probe (k, v) values (?, 2), (?, 3)", n -> {
                }, tag + "b", tag + "b")
                .send(jdbc, "write the probe")))
                .isInstanceOf(Jdbc.StoreException.class).hasMessageStartingWith("cannot write the probe: ");

        assertThat(TestDb.count(db, "select count(*) from round_trip_probe where starts_with(k, ?)", tag)).isZero();
    }

    @Test
    void shouldRollBackWhenAHandlerRefusesAResult() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> new RoundTrip()
                .update("insert into round_trip_probe (k, v) values (?, 1) on conflict do nothing", n -> {
                    if (n != 2) {
                        throw new IllegalStateException(n + " row written, 2 expected");
                    }
                }, tag)
                .send(jdbc, "write the probe")))
                .isInstanceOf(IllegalStateException.class).hasMessage("1 row written, 2 expected");

        assertThat(TestDb.count(db, "select count(*) from round_trip_probe where starts_with(k, ?)", tag)).isZero();
    }

    @Test
    void shouldSendNothingAndStartEmptyAgainAfterASend() {
        RoundTrip trip = new RoundTrip();
        assertThat(trip.isEmpty()).isTrue();
        // Nothing to send: not even a connection is taken, so no transaction is needed.
        trip.send(jdbc, "send nothing");

        List<Integer> counts = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            trip.update("insert into round_trip_probe (k, v) values (?, 1)", counts::add, tag).send(jdbc, "first");
            assertThat(trip.isEmpty()).isTrue();
            trip.update("insert into round_trip_probe (k, v) values (?, 2)", counts::add, tag + "x")
                    .send(jdbc, "second");
        });
        assertThat(counts).containsExactly(1, 1);
    }
}
