package io.benchline.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Puts a closed run's verdict on the disk before the station tells anyone about it. With
 * WRITE_DELAY=0 an H2 commit returns once its chunk is written to the file, i.e. to the operating
 * system's page cache: it survives a killed process, not a power cut. {@code CHECKPOINT SYNC}
 * (H2: {@code Database.sync()}, a store commit, here with nothing left to write, then
 * {@code FileChannel.force(true)}) adds the one fsync per run that a power cut needs. Steps are
 * not synced one by one: a step lost to a power cut belongs to a run nobody was told about, which
 * the next start closes as ABORTED. The positions of a panel share these syncs ({@link GroupSync}).
 * <p>
 * A shared server (PostgreSQL with {@code synchronous_commit=on}) syncs each commit itself, and an
 * in-memory H2 database has no disk: nothing to do for those.
 */
final class DurableSync {
    private final boolean h2File;

    private DurableSync(boolean h2File) {
        this.h2File = h2File;
    }

    static DurableSync forUrl(String url) {
        String upper = url.toUpperCase();
        return new DurableSync(upper.startsWith("JDBC:H2:") && !upper.startsWith("JDBC:H2:MEM:"));
    }

    boolean syncs() {
        return h2File;
    }

    void afterVerdict(Connection c) {
        if (!h2File) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new DatabaseException(
                    "a verdict was committed but could not be forced to the disk: " + Database.rootMessage(e), e);
        }
    }
}
