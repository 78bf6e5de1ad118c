package io.benchline.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The station's results database: opened once per process, migrated to the current schema.
 * Writes go through {@link #store()}, reads through {@link #trace()}.
 */
public final class Database implements AutoCloseable {
    private final String url;
    private final Jdbi jdbi;
    private final ResultStore store;

    /** What else closes with the database: the pool of a shared server; nothing on H2 (the store's connection). */
    private final AutoCloseable resources;

    private Database(String url, Jdbi jdbi, ResultStore store) {
        this(url, jdbi, store, () -> {});
    }

    private Database(String url, Jdbi jdbi, ResultStore store, AutoCloseable resources) {
        this.resources = resources;
        this.url = url;
        this.jdbi = jdbi;
        this.store = store;
    }

    /** Opens (creating if needed) and migrates the database at a path or JDBC URL. */
    public static Database open(String pathOrUrl) {
        String url = DatabaseUrl.resolve(pathOrUrl);
        if (CentralUrl.isPostgres(url)) {
            return openCentral(url);
        }
        Jdbi jdbi = Jdbi.create(url).installPlugin(new SqlObjectPlugin());
        Connection connection = null;
        GroupSync sync = null;
        try {
            // the store's connection also keeps the database open for as long as this object is
            connection = DriverManager.getConnection(url);
            // the schema is checked on the store's connection, so H2 opens the file once, not twice
            Migrations.migrate(url, connection);
            sync = GroupSync.open(url); // tries a sync now: fails here, not at the first verdict, if this user may not
            ResultStore store = new ResultStore(connection, sync);
            return new Database(url, jdbi, store);
        } catch (SQLException | RuntimeException e) {
            if (sync != null) {
                try {
                    sync.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new DatabaseException("cannot open database " + redact(url) + ": " + rootMessage(e), e);
        }
    }

    /**
     * A line's central PostgreSQL: pooled connections, and the schema checked, never migrated
     * (see {@link CentralSchema}).
     */
    private static Database openCentral(String url) {
        HikariDataSource pool = CentralPool.open(url, CentralCredentials.password(System.getenv()));
        try {
            CentralSchema.requireCurrent(pool, url);
            CentralConnections connections = new CentralConnections(pool, url);
            return new Database(
                    url,
                    Jdbi.create(connections).installPlugin(new SqlObjectPlugin()),
                    new ResultStore(connections),
                    pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public String url() {
        return url;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    public ResultStore store() {
        return store;
    }

    public ResetCauseQueries resetCauses() {
        return new ResetCauseQueries(jdbi);
    }

    public TraceQueries trace() {
        return new TraceQueries(jdbi);
    }

    public BatchQueries batches() {
        return new BatchQueries(jdbi);
    }

    /** Quarantined boards and engineers' actions (see {@link FlowRecords}). */
    public FlowRecords flow() {
        return new FlowRecords(jdbi);
    }

    /** Control-chart alarms and their acknowledgements (see {@link SpcAlarms}). */
    public SpcAlarms spcAlarms() {
        return new SpcAlarms(jdbi);
    }

    /** The runs and readings control charts are built from (see {@link ChartQueries}). */
    public ChartQueries charts() {
        return new ChartQueries(jdbi);
    }

    /** Engineers' calibration overrides (see {@link CalibrationRecords}). */
    public CalibrationRecords calibration() {
        return new CalibrationRecords(jdbi);
    }

    /** Golden-board checks: their summaries and the shift rule's question (see {@link GoldenChecks}). */
    public GoldenChecks golden() {
        return new GoldenChecks(jdbi, DurableSync.forUrl(url));
    }

    /** What the line page reads: stations, runs by hour, the failure Pareto (see {@link LineQueries}). */
    public LineQueries line() {
        return new LineQueries(jdbi, url);
    }

    /** The MES route checks and result posts (docs/mes.md). */
    public RouteChecks routeChecks() {
        return new RouteChecks(jdbi);
    }

    /** The stations' heartbeats in the central database (see {@link StationHeartbeats}). */
    public StationHeartbeats heartbeats() {
        return new StationHeartbeats(jdbi);
    }

    /**
     * This station's backlog towards the line's central database, read from the local file (so
     * {@code benchline sync status} can ask while the station runs). H2 only.
     */
    public SyncStatus syncStatus() {
        if (!DatabaseUrl.isH2(url)) {
            throw new DatabaseException(
                    "the forwarding backlog is kept in a station's local H2 file, not in " + redact(url), null);
        }
        try (var handle = jdbi.open()) {
            return new LocalBacklog(handle.getConnection()).status();
        } catch (java.sql.SQLException e) {
            throw new DatabaseException(
                    "cannot read the forwarding backlog of " + redact(url) + ": " + rootMessage(e), e);
        }
    }

    /** The CFX outbox as its publisher and {@code benchline cfx status} see it (see {@link CfxOutbox}). */
    public CfxOutbox cfxOutbox() {
        return new CfxOutbox(jdbi);
    }

    /** Writes benchmark data in bulk (see {@link BulkLoad}); H2 only. Close it to commit. */
    public BulkLoad bulkLoad() {
        if (!DatabaseUrl.isH2(url)) {
            throw new UnsupportedOperationException("bulk loading needs an H2 database, not " + redact(url));
        }
        return new BulkLoad(jdbi.open());
    }

    /** Generates benchmark data on the server itself (see {@link CentralBulkLoad}); PostgreSQL only. */
    public CentralBulkLoad centralBulkLoad() {
        if (!CentralUrl.isPostgres(url)) {
            throw new UnsupportedOperationException("central bulk loading needs PostgreSQL, not " + redact(url));
        }
        return new CentralBulkLoad(jdbi.open());
    }

    /**
     * Closes runs that a crash or a kill left open, as ABORTED. On H2 only when no other process
     * has the database open (a live station's run is not touched); on a shared server only the
     * runs of this station, which a station starting up cannot still be running (a null station,
     * as read-only commands pass, then closes nothing).
     */
    public int recoverInterruptedRuns(String station) {
        Instant now = Instant.now();
        if (DatabaseUrl.isH2(url)) {
            return store.h2Sessions() > 1 ? 0 : store.abortOpenRuns(null, now);
        }
        return station == null ? 0 : store.abortOpenRuns(station, now);
    }

    @Override
    public void close() {
        store.close();
        try {
            resources.close();
        } catch (Exception e) {
            throw new DatabaseException("closing database " + redact(url) + ": " + rootMessage(e), e);
        }
    }

    /** The innermost cause's message, first line only: for one-line errors. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
