package dev.halyard.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Counting rows straight in the order database, for tests that check what a job left behind. */
final class Rows {

    private Rows() {
    }

    /** The count {@code sql} (one {@code ?}, bound as text) returns. */
    static int count(Connection c, String sql, Object value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
