package io.benchline.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Which boards' runs have arrived in the line's central database: for measuring how long a
 * verdict takes to get there (the line-lag benchmark). Asks by serial, not by run id: the ids of
 * several stations' transactions are not committed in their order.
 */
public final class CentralArrivals implements AutoCloseable {
    private static final String ARRIVED =
            "SELECT b.serial, COUNT(*) FROM board b JOIN run r ON r.board_id = b.id WHERE b.serial = ANY(?::varchar[])"
                    + " GROUP BY b.serial";

    private final Connection c;
    private final PreparedStatement arrived;

    private CentralArrivals(Connection c) throws SQLException {
        this.c = c;
        this.arrived = c.prepareStatement(ARRIVED);
    }

    /** One connection of its own (password as for any command). */
    public static CentralArrivals open(String url) {
        try {
            java.util.Properties p = new java.util.Properties();
            CentralCredentials.password(System.getenv())
                    .filter(x -> !CentralUrl.hasPassword(url))
                    .ifPresent(x -> p.setProperty("password", x));
            return new CentralArrivals(DriverManager.getConnection(url, p));
        } catch (SQLException e) {
            throw CentralConnections.unreachable(url, e);
        }
    }

    /** How many runs each of the serials has in the central database (serials without any left out). */
    public Map<String, Integer> arrived(Collection<String> serials) {
        Map<String, Integer> out = new HashMap<>();
        if (serials.isEmpty()) {
            return out;
        }
        try {
            arrived.setArray(1, c.createArrayOf("varchar", serials.toArray(String[]::new)));
            try (ResultSet rs = arrived.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the central database: " + Database.rootMessage(e), e);
        }
    }

    @Override
    public void close() {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing was written on it
        }
    }
}
