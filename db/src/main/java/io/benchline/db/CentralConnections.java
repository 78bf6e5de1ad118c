package io.benchline.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * Jdbi's connections to the central database, from the pool: a server that is away fails every
 * read and write within the pool's timeout as a one-line DatabaseException, the kind commands
 * report as a station problem (exit 3).
 */
final class CentralConnections implements ConnectionFactory {
    private final HikariDataSource pool;
    private final String url;

    CentralConnections(HikariDataSource pool, String url) {
        this.pool = pool;
        this.url = url;
    }

    /**
     * A pooled connection, checked with a round trip first (cheap next to a commit's fsync): the
     * pool itself skips the check for a connection used in the last half second, and a server
     * that crashed in that half second would fail the read or write instead of the borrow.
     */
    @Override
    public Connection openConnection() {
        try {
            for (int attempt = 0; attempt <= CentralPool.MAX_CONNECTIONS; attempt++) {
                Connection c = pool.getConnection();
                if (c.isValid((int) CentralPool.VALIDATION_TIMEOUT.toSeconds())) {
                    return c;
                }
                pool.evictConnection(c); // dead: never handed out again
            }
            return pool.getConnection();
        } catch (SQLException e) {
            throw unreachable(url, e);
        }
    }

    static DatabaseException unreachable(String url, Exception e) {
        return new DatabaseException(
                "central database " + CentralUrl.redact(url) + " unreachable: " + Database.rootMessage(e), e);
    }
}
