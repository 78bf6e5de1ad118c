package io.benchline.db;

import java.time.Instant;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The station's results database: opened once per process, migrated to the current schema.
 * Writes go through {@link #store()}, reads through {@link #trace()} and {@link #batches()}: every SQL
 * statement of the station lives in this package.
 */
public final class Database implements AutoCloseable {
    private final String url;
    private final Jdbi jdbi;
    private final AutoCloseable keeper;
    private final ResultStore store;

    private Database(String url, Jdbi jdbi, Handle keeper) {
        this.url = url;
        this.jdbi = jdbi;
        this.keeper = keeper;
        this.store = new ResultStore(keeper);
    }

    private Database(String url, Jdbi jdbi, HikariDataSource pool) {
        this.url = url;
        this.jdbi = jdbi;
        this.keeper = pool;
        this.store = new ResultStore(new CentralTransactions(jdbi, url), jdbi);
    }

    /** Opens (creating if needed) and migrates the database at a path or JDBC URL. */
    public static Database open(String pathOrUrl) {
        String url = DatabaseUrl.resolve(pathOrUrl);
        if (CentralUrl.isPostgres(url)) {
            return openCentral(url);
        }
        H2FileCompaction.compactIfDue(url);
        try {
            Flyway.configure().dataSource(url, null, null).loggers("slf4j").load().migrate();
        } catch (FlywayException e) {
            throw new DatabaseException("cannot open database " + redact(url) + ": " + rootMessage(e), e);
        }
        Jdbi jdbi = Jdbi.create(url).installPlugin(new SqlObjectPlugin());
        try {
            return new Database(url, jdbi, jdbi.open());
        } catch (RuntimeException e) {
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
            return new Database(url, Jdbi.create(new CentralConnections(pool, url)).installPlugin(new SqlObjectPlugin()), pool);
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

    public TraceQueries trace() {
        return new TraceQueries(jdbi);
    }

    public BatchQueries batches() {
        return new BatchQueries(jdbi);
    }

    /** Writes benchmark data in bulk (see {@link BulkLoad}); H2 only. Close it to commit. */
    public BulkLoad bulkLoad() {
        if (!DatabaseUrl.isH2(url)) {
            throw new UnsupportedOperationException("bulk loading needs an H2 database, not " + redact(url));
        }
        return new BulkLoad(jdbi.open());
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
            int sessions = ((Handle) keeper).createQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS").mapTo(Integer.class).one();
            return sessions > 1 ? 0 : store.abortOpenRuns(null, now);
        }
        return station == null ? 0 : store.abortOpenRuns(station, now);
    }

    @Override
    public void close() {
        try {
            keeper.close();
        } catch (Exception e) {
            throw new DatabaseException("closing database " + redact(url) + ": " + rootMessage(e), e);
        }
    }

    /** The innermost cause's message, first line only: for one-line errors. */
    public static String rootMessageOf(Throwable e) {
        return rootMessage(e);
    }

    static String rootMessage(Throwable e) {
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
