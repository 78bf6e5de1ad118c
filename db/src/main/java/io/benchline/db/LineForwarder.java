package io.benchline.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships a station's closed runs (with their steps and measurements) from its local H2 file to the
 * line's central PostgreSQL in the background: in order, batched, idempotent by each run's
 * line-wide id, resuming after a kill of the station, a restart of the server or a network cut.
 * The station's own writes never wait for it.
 * <p>
 * One thread, with its own connection to the local file and its own pool to the central server.
 * It forwards the closed runs after its cursor (local id order, up to the first run still open)
 * in transactions of up to {@link #MAX_RUNS} runs, then advances the cursor in the local file;
 * a kill between the central commit and the cursor's update forwards those runs again, and the
 * central database stores each once. It wakes on each verdict, else every {@link #POLL}; after a
 * failure it records the error in the local file and retries after a pause growing to
 * {@link #MAX_RETRY}. A central server that is away is normal operation: one log line when
 * forwarding stops, one when it resumes.
 */
public final class LineForwarder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LineForwarder.class);

    /** Runs per central transaction: big enough to drain a backlog fast, small enough to keep each transaction short. */
    static final int MAX_RUNS = Integer.getInteger("benchline.forward.maxRuns", 500);

    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration HEARTBEAT = Duration.ofSeconds(2);
    static final Duration FIRST_RETRY = Duration.ofMillis(250);
    static final Duration MAX_RETRY = Duration.ofSeconds(5);
    /** How long close() waits for a forward under way (bounded by the central statement timeout otherwise). */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final String centralUrl;
    private final LocalBacklog local;
    private final LocalPrefetch prefetch;
    private final HikariDataSource pool;
    private final CentralWriter central;
    private final AlarmForwarding alarms = new AlarmForwarding();
    private final Thread thread;
    private final AtomicReference<SyncStatus> status;
    private volatile StationState state;

    private final Object lock = new Object();
    private boolean wake;
    private boolean closed;
    /** Cycles begun, and the last one that found nothing waiting (for {@link #drain}). Guarded by lock. */
    private long cycles;

    private long idleCycle = -1;

    /** Thread-confined: the cursor, whether the server took the last attempt, and when the last heartbeat went. */
    private long cursor;

    private Boolean up;
    private boolean schemaChecked;
    private boolean errorRecorded;
    private Instant lastBeat = Instant.EPOCH;
    private Instant lastForwardAt;

    private LineForwarder(
            String centralUrl,
            LocalBacklog local,
            LocalPrefetch prefetch,
            HikariDataSource pool,
            StationState initial,
            SyncStatus first,
            long cursor) {
        this.centralUrl = centralUrl;
        this.local = local;
        this.prefetch = prefetch;
        this.pool = pool;
        this.central = new CentralWriter(pool);
        this.state = initial;
        this.status = new AtomicReference<>(first);
        this.cursor = cursor;
        this.lastForwardAt = first.lastForwardedAt();
        this.errorRecorded = first.lastError() != null;
        this.thread = new Thread(this::loop, "benchline-forwarder");
        thread.setDaemon(true);
    }

    /**
     * Starts forwarding the local database's closed runs to the central database at centralUrl
     * (password from the environment or pgpass, as for any command). Returns at once: a central
     * server that is away is retried in the background and shows in {@link #status()}.
     * <p>
     * Start it after {@link Database#recoverInterruptedRuns} (its connections to the file count
     * as other sessions there, and a run left open stops forwarding until it is closed), and close
     * it before the database.
     */
    public static LineForwarder start(Database local, String centralUrl, StationState initial) {
        if (!DatabaseUrl.isH2(local.url())) {
            throw new DatabaseException(
                    "forwarding to a line database needs a local H2 file, not " + CentralUrl.redact(local.url()), null);
        }
        if (!CentralUrl.isPostgres(centralUrl)) {
            throw new DatabaseException(
                    "the line database must be a PostgreSQL URL (jdbc:postgresql://host/db), not "
                            + CentralUrl.redact(centralUrl),
                    null);
        }
        Connection c = null;
        Connection ahead = null;
        LocalBacklog backlog;
        LocalBacklog.State st;
        SyncStatus first;
        try {
            c = DriverManager.getConnection(local.url());
            ahead = DriverManager.getConnection(local.url());
            backlog = new LocalBacklog(c);
            st = backlog.state();
            first = backlog.status();
        } catch (SQLException e) {
            closeQuietly(c);
            closeQuietly(ahead);
            throw new DatabaseException(
                    "cannot read the forwarding state of " + local.url() + ": " + Database.rootMessage(e), e);
        }
        HikariDataSource pool;
        LocalPrefetch prefetch;
        try {
            prefetch = new LocalPrefetch(new LocalBacklog(ahead));
            pool = CentralPool.open(centralUrl, CentralCredentials.password(System.getenv()));
        } catch (SQLException | RuntimeException e) {
            backlog.close();
            closeQuietly(ahead);
            throw e instanceof SQLException
                    ? new DatabaseException("cannot read " + local.url() + ": " + Database.rootMessage(e), e)
                    : (RuntimeException) e;
        }
        LineForwarder f = new LineForwarder(centralUrl, backlog, prefetch, pool, initial, first, st.forwardedThrough());
        f.thread.start();
        return f;
    }

    /** Runs per central transaction, at most (for benchmark output). */
    public static int maxRunsPerTransaction() {
        return MAX_RUNS;
    }

    /** A verdict was just committed locally: forward it now rather than at the next poll. Never blocks. */
    public void verdictStored() {
        Instant now = Instant.now();
        status.updateAndGet(s -> new SyncStatus(
                s.waitingRuns() + 1,
                s.oldestWaiting() == null ? now : s.oldestWaiting(),
                s.lastForwardedAt(),
                s.lastError(),
                s.lastErrorAt()));
        synchronized (lock) {
            wake = true;
            lock.notifyAll();
        }
    }

    /** The station's state changed (testing, idle, another batch): sent with the next heartbeat. */
    public void stationState(StationState state) {
        this.state = state;
    }

    /** The backlog as this forwarder knows it, without touching either database. */
    public SyncStatus status() {
        return status.get();
    }

    /** Waits until nothing is waiting, or the timeout passes; true when drained. For tests, benchmarks and a clean stop. */
    public boolean drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            long mark = cycles + 1; // a cycle that begins after this call
            wake = true;
            lock.notifyAll();
            while (idleCycle < mark) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return false;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Stops forwarding; what is still waiting stays in the local file for the next start. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            lock.notifyAll();
        }
        try {
            // not interrupted: an interrupt in the middle of H2's file I/O closes the station's database
            thread.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.close();
        prefetch.close();
        local.close();
    }

    private void loop() {
        Duration retry = Duration.ZERO;
        while (!isClosed()) {
            long cycle;
            synchronized (lock) {
                cycle = ++cycles;
                wake = false;
            }
            boolean more;
            try {
                more = cycle(cycle);
                retry = Duration.ZERO;
            } catch (SQLException | RuntimeException e) {
                failed(e);
                retry = retry.isZero() ? FIRST_RETRY : min(retry.multipliedBy(2), MAX_RETRY);
                pause(retry, false);
                continue;
            }
            if (!more) {
                pause(POLL, true);
            }
        }
    }

    /** One round: forwards the next runs, if any, else sends a heartbeat when one is due. True when more may wait. */
    private boolean cycle(long cycle) throws SQLException {
        if (!schemaChecked) {
            CentralSchema.requireCurrent(pool, centralUrl);
            schemaChecked = true;
        }
        long t0 = System.nanoTime();
        List<ClosedRun> runs = prefetch.take(cursor);
        if (runs == null) {
            runs = local.next(cursor, MAX_RUNS);
        }
        long t1 = System.nanoTime();
        Instant now = Instant.now();
        if (runs.isEmpty()) {
            // the runs first: an alarm names boards the line should already know
            alarms.forward(local.connection(), pool);
            LocalBacklog.Waiting waiting = local.waiting(cursor);
            if (Duration.between(lastBeat, now).compareTo(HEARTBEAT) >= 0) {
                central.beat(new CentralWriter.Beat(state, waiting.runs(), waiting.oldest(), now));
                lastBeat = now;
            }
            succeeded(waiting, now, false);
            if (waiting.runs() == 0) {
                synchronized (lock) {
                    idleCycle = cycle;
                    lock.notifyAll();
                }
            }
            return false;
        }
        long through = runs.get(runs.size() - 1).localId();
        LocalBacklog.Waiting after = local.waiting(through);
        if (runs.size() == MAX_RUNS) {
            prefetch.start(through, MAX_RUNS); // a backlog: its next runs are read while these are written
        }
        long t2 = System.nanoTime();
        central.write(runs, new CentralWriter.Beat(state, after.runs(), after.oldest(), now));
        long t3 = System.nanoTime();
        lastBeat = now;
        cursor = through;
        local.advance(through, now); // a failure here only means forwarding these runs again
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "forwarded {} runs through {}: read {} ms, backlog {} ms, central {} ms, cursor {} ms",
                    runs.size(),
                    through,
                    (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000,
                    (t3 - t2) / 1_000_000,
                    (System.nanoTime() - t3) / 1_000_000);
        }
        errorRecorded = false;
        succeeded(after, now, true);
        return runs.size() == MAX_RUNS;
    }

    private void succeeded(LocalBacklog.Waiting waiting, Instant now, boolean forwarded) throws SQLException {
        if (forwarded) {
            lastForwardAt = now;
        }
        if (errorRecorded) {
            local.clearError();
            errorRecorded = false;
        }
        status.set(new SyncStatus(waiting.runs(), waiting.oldest(), lastForwardAt, null, null));
        if (!Boolean.TRUE.equals(up)) {
            if (up != null) {
                LOG.info("line database {} reachable again: forwarding resumed", CentralUrl.redact(centralUrl));
            }
            up = true;
        }
    }

    private void failed(Exception e) {
        Instant now = Instant.now();
        String error = Database.rootMessage(e);
        if (e instanceof DatabaseException
                && e.getMessage() != null
                && e.getMessage().contains("schema version")) {
            error = e.getMessage();
        }
        if (!(e instanceof SQLException) && !(e instanceof DatabaseException)) {
            LOG.error("forwarding to the line database failed", e); // ours, not the server's
        }
        schemaChecked = schemaChecked && e instanceof SQLException;
        String line = "cannot forward to the line database: " + error;
        SyncStatus before = status.get();
        status.set(new SyncStatus(before.waitingRuns(), before.oldestWaiting(), lastForwardAt, line, now));
        try {
            local.failed(line, now);
            errorRecorded = true;
        } catch (SQLException local) {
            // the local file refuses a write: the station's own store will say so, loudly
        }
        if (!Boolean.FALSE.equals(up)) {
            LOG.warn("{}; runs wait in the local file and are forwarded once it is back", line);
            up = false;
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Waits for the time given, or until closed; a verdict cuts the wait short only when wakeable (not while backing off). */
    private void pause(Duration d, boolean wakeable) {
        long deadline = System.nanoTime() + d.toNanos();
        synchronized (lock) {
            while (!closed && !(wakeable && wake)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                    return;
                }
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing was written on it
        }
    }
}
