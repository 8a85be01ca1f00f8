package kz.aifc.platform.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Statements of one transaction gathered to go to PostgreSQL as one message: the driver sends them all before it
 * waits, and each still runs on its own, in order, with a snapshot of its own under READ COMMITTED. Every round trip
 * is a wait (the network's, where the database runs elsewhere; a core's, on a busy machine), so statements whose
 * results nothing in between needs travel together; on one machine the gain was within the noise (BENCHMARKS.md,
 * notification-service). Statements are added with what to do with their rows or count; {@link #send} runs them and
 * hands each its own result. A failing statement fails the send, and the transaction with it.
 */
public final class RoundTrip {

    private final List<String> sql = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();
    private final List<Result> results = new ArrayList<>();

    /** What to do with one statement's result: its rows, or the count of rows it changed. */
    private interface Result {
        void rows(ResultSet rs) throws SQLException;

        void count(int count);
    }

    /** A statement that answers rows, each read by {@code row}; the list of them goes to {@code into}. */
    public <T> RoundTrip query(String statement, Jdbc.Row<T> row, Consumer<List<T>> into, Object... parameters) {
        return add(statement, parameters, new Result() {
            @Override
            public void rows(ResultSet rs) throws SQLException {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.read(rs));
                }
                into.accept(out);
            }

            @Override
            public void count(int count) {
                throw new IllegalStateException("a query answered a count, not rows: " + statement);
            }
        });
    }

    /** A statement that changes rows; how many goes to {@code into}. */
    public RoundTrip update(String statement, IntConsumer into, Object... parameters) {
        return add(statement, parameters, new Result() {
            @Override
            public void rows(ResultSet rs) {
                throw new IllegalStateException("an update answered rows, not a count: " + statement);
            }

            @Override
            public void count(int count) {
                into.accept(count);
            }
        });
    }

    /** A statement whose rows or count nothing needs (a {@code pg_notify} select, say). */
    public RoundTrip run(String statement, Object... parameters) {
        return add(statement, parameters, new Result() {
            @Override
            public void rows(ResultSet rs) {
            }

            @Override
            public void count(int count) {
            }
        });
    }

    private RoundTrip add(String statement, Object[] parameters, Result result) {
        sql.add(statement);
        params.addAll(Arrays.asList(parameters));
        results.add(result);
        return this;
    }

    public boolean isEmpty() {
        return sql.isEmpty();
    }

    /**
     * Sends the statements gathered so far in the caller's transaction, in the order added, and hands each its result;
     * then starts empty again. Nothing is sent when there is nothing to send.
     */
    public void send(Jdbc jdbc, String doing) {
        if (sql.isEmpty()) {
            return;
        }
        jdbc.withConnection(doing, c -> {
            try (PreparedStatement s = c.prepareStatement(String.join(";\n", sql))) {
                Jdbc.bind(s, params.toArray());
                boolean rows = s.execute();
                for (Result result : results) {
                    if (rows) {
                        try (ResultSet rs = s.getResultSet()) {
                            result.rows(rs);
                        }
                    } else {
                        result.count(s.getUpdateCount());
                    }
                    rows = s.getMoreResults();
                }
            }
            return null;
        });
        sql.clear();
        params.clear();
        results.clear();
    }
}
