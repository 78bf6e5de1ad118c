package io.benchline.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Keeps an H2 file from growing without bound. With WRITE_DELAY=0 (needed so that a commit is in
 * the file when it returns) H2 runs no background writer, and so no housekeeping: every commit
 * appends a chunk and the file grows by about 150 KB per board (measured: 7.6 GB after 50 000
 * runs). Compacting the file every few hundred runs keeps it at tens of MB. Only the process that
 * owns the file can do it; a process reading through another's AUTO_SERVER does nothing.
 */
final class H2Housekeeping {
    static final int RUNS_BETWEEN_COMPACTIONS = 500;
    static final int COMPACT_MILLIS = 200;

    private final MVStore store;
    private int runsSinceCompaction;

    private H2Housekeeping(MVStore store) {
        this.store = store;
    }

    static H2Housekeeping of(Connection connection) {
        try {
            if (connection.isWrapperFor(JdbcConnection.class)
                    && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local
                    && local.getDatabase().getStore() != null) {
                return new H2Housekeeping(local.getDatabase().getStore().getMvStore());
            }
        } catch (SQLException | RuntimeException e) {
            // not an embedded H2 file: nothing to keep
        }
        return new H2Housekeeping(null);
    }

    /** Called after each run is closed. */
    void runClosed() {
        if (store == null || ++runsSinceCompaction < RUNS_BETWEEN_COMPACTIONS) {
            return;
        }
        runsSinceCompaction = 0;
        store.compactFile(COMPACT_MILLIS);
    }
}
