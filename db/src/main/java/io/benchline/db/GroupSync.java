package io.benchline.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Forces committed verdicts to the disk for all the positions of a panel at once (group commit):
 * a verdict waits for one sync that began after its commit, and one sync covers every verdict
 * committed before it began. A lone position never waits for anyone: it finds no sync running
 * and starts its own at once, as {@link DurableSync} alone would.
 * <p>
 * Why a verdict returned by {@link #afterCommit} is on the disk: the caller's commit has returned
 * (its chunk is written to the file) when it reads {@code started}, say s; it then needs a sync
 * numbered s + 1 or later. Such a sync is numbered, under this object's monitor, after that read,
 * and only then calls {@code CHECKPOINT SYNC}, whose fsync covers every write made to the file
 * before it. Syncs run one at a time and end in number order, so {@code finished >= s + 1} means
 * one of them has ended, and {@code succeeded >= s + 1} that one of them ended without error.
 * A sync that was already running when the commit returned (numbered s or less) may have begun
 * before the commit's write and never counts.
 * <p>
 * The syncs run on a connection of their own, so a position's steps are committed on the store's
 * connection while another position's verdict is being forced to the disk.
 */
final class GroupSync implements AutoCloseable {
    /** Null when nothing needs syncing (PostgreSQL syncs its own commits; in-memory H2 has no disk). */
    private final Connection connection;

    private final DurableSync sync;
    private final long sessionId;

    /** Syncs numbered so far (the last one begun), ended so far, and the last one that ended without error. */
    private long started;

    private long finished;
    private long succeeded;
    private boolean running;
    private RuntimeException lastFailure;

    private GroupSync(Connection connection, DurableSync sync, long sessionId) {
        this.connection = connection;
        this.sync = sync;
        this.sessionId = sessionId;
    }

    static GroupSync none() {
        return new GroupSync(null, DurableSync.forUrl("jdbc:postgresql:"), -1);
    }

    /** For the database at url: its own connection when that database needs syncing, tried once now. */
    static GroupSync open(String url) throws SQLException {
        DurableSync sync = DurableSync.forUrl(url);
        if (!sync.syncs()) {
            return none();
        }
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT SESSION_ID()")) {
            rs.next();
            GroupSync group = new GroupSync(c, sync, rs.getLong(1));
            sync.afterVerdict(c); // fails now, not at the first verdict, if this user may not sync
            return group;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    boolean syncs() {
        return connection != null;
    }

    /** This syncer's own H2 session (not another process's), or -1. */
    long sessionId() {
        return sessionId;
    }

    /**
     * Returns once a sync that began after this call has ended without error; call it after the
     * verdict's commit returned. Throws if the sync that would have covered it failed.
     */
    void afterCommit() {
        if (connection == null) {
            return;
        }
        boolean interrupted = false;
        try {
            long needed;
            synchronized (this) {
                needed = started + 1;
            }
            while (true) {
                long mine;
                synchronized (this) {
                    while (running && finished < needed) {
                        try {
                            wait(); // for the running sync (it began maybe before our commit) to end
                        } catch (InterruptedException e) {
                            interrupted = true; // the verdict must still reach the disk before we return
                        }
                    }
                    if (finished >= needed) {
                        if (succeeded >= needed) {
                            return;
                        }
                        throw new DatabaseException(
                                "a verdict was committed but could not be forced to the disk: "
                                        + Database.rootMessage(lastFailure),
                                lastFailure);
                    }
                    running = true;
                    mine = ++started;
                }
                RuntimeException failure = null;
                try {
                    sync.afterVerdict(connection);
                } catch (RuntimeException e) {
                    failure = e; // every verdict waiting on this sync is told, not left waiting
                }
                synchronized (this) {
                    running = false;
                    finished = mine;
                    if (failure == null) {
                        succeeded = mine;
                    } else {
                        lastFailure = failure;
                    }
                    notifyAll();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Syncs begun so far (for tests of the ordering). */
    synchronized long started() {
        return started;
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DatabaseException("cannot close the sync connection: " + Database.rootMessage(e), e);
        }
    }
}
