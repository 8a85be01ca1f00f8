package kz.aifc.platform.testapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Plain SQL against the test database: how the tests look behind the platform's back, and tamper with it. */
public final class TestDb {

    private TestDb() {
    }

    public static int count(DataSource db, String sql, Object... params) {
        List<String> rows = strings(db, sql, params);
        return Integer.parseInt(rows.get(0));
    }

    /** The first column of every row, as text. */
    public static List<String> strings(DataSource db, String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement q = prepare(c, sql, params);
                ResultSet rs = q.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs the statements in order in one transaction of their own. */
    public static void execute(DataSource db, String... statements) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (String sql : statements) {
                    try (var s = c.createStatement()) {
                        s.execute(sql);
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(String.join("; ", statements) + ": " + e.getMessage(), e);
        }
    }

    public static int update(DataSource db, String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement u = prepare(c, sql, params)) {
            return u.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }
}
