package kz.aifc.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one way hand-written SQL reaches PostgreSQL, kept for the paths where it is measured to matter (the
 * screened-transaction path and its {@code COPY}, the outbox, the audit chain, the alert book); entity-shaped data is
 * on Hibernate ORM with Panache. Each call takes a connection of the caller's transaction (the pool enlists it), closes
 * what it opened, and turns an SQL error into a {@link StoreException} saying what was being done.
 *
 * <p>{@code doing} completes "cannot …": a constant on the hot paths, so no text is built per call.
 */
@ApplicationScoped
public class Jdbc {

    /** Work on one connection: several statements, a lock, a {@code COPY}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Binds one item of a batch. */
    @FunctionalInterface
    public interface ItemBinder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T withConnection(String doing, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(doing, e);
        }
    }

    /** Runs one statement with positional parameters; answers the rows it changed. */
    public int update(String doing, String sql, Object... params) {
        return withConnection(doing, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, params);
                return s.executeUpdate();
            }
        });
    }

    /** Runs one query with positional parameters; a {@code List} parameter is bound as a text array. */
    public <T> List<T> query(String doing, String sql, Row<T> row, Object... params) {
        return withConnection(doing, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, params);
                List<T> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(row.read(rs));
                    }
                }
                return out;
            }
        });
    }

    public <T> Optional<T> queryOne(String doing, String sql, Row<T> row, Object... params) {
        return query(doing, sql, row, params).stream().findFirst();
    }

    /** One statement for each item, sent in one round trip; nothing is sent for no items. */
    public <T> void batch(String doing, String sql, Collection<T> items, ItemBinder<T> binder) {
        if (items.isEmpty()) {
            return;
        }
        withConnection(doing, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (T item : items) {
                    binder.bind(s, item);
                    s.addBatch();
                }
                return s.executeBatch();
            }
        });
    }

    /** Positional parameters: null as SQL null, an {@code Instant} as a timestamp, a {@code List} as a text array. */
    public static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                s.setNull(i + 1, Types.NULL);
            } else if (p instanceof Instant instant) {
                s.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (p instanceof List<?> list) {
                s.setArray(i + 1, s.getConnection().createArrayOf("text", list.toArray()));
            } else {
                s.setObject(i + 1, p);
            }
        }
    }

    /** An SQL error, saying what was being done; never shown to a caller (the problem mapper answers 500 plainly). */
    public static final class StoreException extends IllegalStateException {

        StoreException(String doing, SQLException cause) {
            super("cannot " + doing + ": " + cause.getMessage(), cause);
        }
    }
}
