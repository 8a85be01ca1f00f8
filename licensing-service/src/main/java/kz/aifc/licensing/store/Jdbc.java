package kz.aifc.licensing.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Small JDBC helpers: connections from the injected DataSource join the caller's JTA transaction. */
final class Jdbc {

    interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    interface RowMapper<T> {
        T map(ResultSet rs) throws Exception;
    }

    private Jdbc() {
    }

    static int update(DataSource ds, String sql, Binder binder) {
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            binder.bind(st);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("database update failed: " + e.getMessage(), e);
        }
    }

    static <T> List<T> query(DataSource ds, String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            binder.bind(st);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("database query failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read a stored row: " + e.getMessage(), e);
        }
    }
}
