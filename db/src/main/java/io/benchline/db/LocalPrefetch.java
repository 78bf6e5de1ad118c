package io.benchline.db;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the next runs of a backlog from the local file while the previous ones are written to
 * the central database: the two take about the same time, on different cores. Its own thread
 * and its own connection to the local file. Never interrupted: an interrupt in the middle of
 * H2's file I/O closes the database.
 */
final class LocalPrefetch {
    private static final long WAIT_SECONDS = 60;

    private final LocalBacklog reader;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "benchline-forwarder-read");
        t.setDaemon(true);
        return t;
    });
    private Future<List<ClosedRun>> next;
    private long after = -1;

    LocalPrefetch(LocalBacklog reader) {
        this.reader = reader;
    }

    /** Starts reading the runs after this local id. */
    void start(long after, int max) {
        this.after = after;
        this.next = thread.submit(() -> reader.next(after, max));
    }

    /** The runs after this id if they were read ahead, else null (then the caller reads them itself). */
    List<ClosedRun> take(long after) throws SQLException {
        Future<List<ClosedRun>> f = next;
        next = null;
        if (f == null || after != this.after) {
            return null;
        }
        try {
            return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            return null;
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.close();
    }
}
