package io.benchline.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * The only way results get into the database. Each call is one transaction, committed (and, with
 * the station's H2 settings, written to the file) before it returns: what the station has
 * reported is never lost to a crash of the process. A call that closes a run with its verdict
 * ({@link #finish}, {@link #end}) also forces the file to the disk before it returns (see
 * {@link DurableSync}), so a verdict the operator is shown survives a power cut as well; the
 * positions of a panel share that sync ({@link GroupSync}), outside this store's lock. Each
 * judged reading is also counted in its batch's tally (see {@link HistogramBin}), for the batch
 * reports, in the transaction that closes its run.
 * <p>
 * Plain JDBC on one connection with its statements prepared once: this is the station's hot path
 * (about ten commits per board), and JDBI's per-call binding and handle work was a fifth of it.
 * On a shared server (PostgreSQL) each transaction borrows a connection from the pool instead, so
 * a server that restarted is reached again through a fresh connection.
 */
public final class ResultStore {
    /** The one kept connection (H2), or null when each transaction borrows one from {@link #pool}. */
    private final Connection kept;

    private final ConnectionFactory pool;
    /** The connection of the transaction going (always {@link #kept} on H2). */
    private Connection connection;

    private final GroupSync sync;
    private final H2Housekeeping housekeeping;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    /** Readings stored by this store for runs still open, so closing a run need not read them back. */
    private final Map<Long, List<MeasurementRecord>> openRunReadings = new HashMap<>();

    private final Map<String, Long> batchIds = new HashMap<>();
    /** Instrument identities to their ids, each learnt in a transaction of its own that committed. */
    private final Map<InstrumentIdentity, Long> instrumentIds = new HashMap<>();

    /** The CFX outbox's writer when this station reports to a line's broker, else null (nothing to do). */
    private OutboxWriter outbox;

    /**
     * Verdicts between two rounds of H2's chunk rewrite (see {@link H2Housekeeping}); 0 turns the
     * rewrite off, for measuring what it does (the store header is written after each commit either way).
     */
    /** How a run found cut off is closed (the text ResultDao.ABORT_RUN stores). */
    private static final RunEnd ABORTED_END = new RunEnd(
            Verdict.ABORTED, null, null, "run cut off (station stopped or crashed); closed at the next start");

    static final int HOUSEKEEPING_EVERY = Integer.getInteger("benchline.h2.housekeepingEvery", 20);

    ResultStore(Connection connection, GroupSync sync) {
        this.kept = connection;
        this.pool = null;
        this.connection = connection;
        this.sync = sync;
        this.housekeeping = sync.syncs() ? H2Housekeeping.of(connection, HOUSEKEEPING_EVERY) : null;
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new DatabaseException("cannot use the results connection: " + Database.rootMessage(e), e);
        }
    }

    /** A store on a shared server's pool: a connection per transaction, committed durably by the server. */
    ResultStore(ConnectionFactory pool) {
        this.kept = null;
        this.pool = pool;
        this.sync = GroupSync.none();
        this.housekeeping = null;
    }

    /**
     * Records a run as it starts, creating its batch and board on first sight, with an id unique
     * across the line (a random UUID: a run forwarded to the line's database twice is stored once).
     * Returns the run id.
     */
    public synchronized long begin(RunStart start, Instant at) {
        long[] batch = new long[1];
        long runId = transaction(() -> {
            Long known = batchIds.get(start.batch());
            batch[0] = known != null
                    ? known
                    : idOrInsert(ResultDao.BATCH_ID, ResultDao.INSERT_BATCH, start.batch(), start.product(), at);
            long boardId = idOrInsert(ResultDao.BOARD_ID, ResultDao.INSERT_BOARD, start.serial(), start.product(), at);
            PreparedStatement run = statement(ResultDao.INSERT_RUN, true);
            run.setLong(1, boardId);
            run.setLong(2, batch[0]);
            run.setString(3, start.station());
            run.setString(4, start.operator());
            run.setString(5, start.fixture());
            run.setString(6, start.planName());
            run.setString(7, start.planVersion());
            run.setString(8, start.planSha256());
            setString(run, 9, start.firmwareSha256());
            run.setString(10, start.softwareVersion());
            run.setTimestamp(11, Timestamp.from(at));
            run.setString(12, UUID.randomUUID().toString());
            if (start.position() == null) {
                run.setNull(13, Types.INTEGER);
            } else {
                run.setInt(13, start.position());
            }
            setString(run, 14, start.panelLabel());
            long id = insertedId(run);
            if (outbox != null) {
                outbox.begun(this::statement, id, start, at);
            }
            return id;
        });
        batchIds.put(start.batch(), batch[0]);
        openRunReadings.put(runId, new ArrayList<>());
        if (outbox != null) {
            outbox.remember(runId, start, at);
            outbox.written();
        }
        return runId;
    }

    /** Records one finished step with its measurements. */
    public synchronized void step(long runId, StepRecord step) {
        learnInstruments(step);
        transaction(() -> {
            insertStep(runId, step);
            return null;
        });
        remember(runId, step);
    }

    /** Records the step that read the MCU's unique ID, and binds the ID to the board (and to this run, for history). */
    public synchronized void stepBindingUid(long runId, StepRecord step, String uid) {
        learnInstruments(step);
        transaction(() -> {
            insertStep(runId, step);
            PreparedStatement board = statement(ResultDao.BIND_BOARD_UID, false);
            board.setString(1, uid);
            board.setLong(2, runId);
            board.executeUpdate();
            PreparedStatement run = statement(ResultDao.BIND_RUN_UID, false);
            run.setString(1, uid);
            run.setLong(2, runId);
            run.executeUpdate();
            return null;
        });
        remember(runId, step);
    }

    /**
     * Records the run's last step (its teardown) and closes the run with its verdict, together,
     * on the disk when it returns. A run is closed once; closing it again changes nothing and
     * returns false.
     */
    public boolean finish(long runId, StepRecord lastStep, RunEnd end, Instant at) {
        boolean closed;
        synchronized (this) {
            learnInstruments(lastStep);
            closed = transaction(() -> {
                if (endRun(runId, end, at) != 1) {
                    return false;
                }
                insertStep(runId, lastStep);
                if (outbox != null) {
                    outbox.closed(this::statement, runId, lastStep, end, at);
                }
                List<MeasurementRecord> readings = readingsOf(runId);
                if (readings != null) {
                    readings = new ArrayList<>(readings);
                    readings.addAll(lastStep.measurements());
                }
                tallyRun(runId, readings);
                return true;
            });
            closed(runId, closed);
        }
        if (closed) {
            sync.afterCommit();
        }
        return closed;
    }

    /** Closes a run with its verdict, on the disk when it returns. A run is closed once; a second close changes nothing. */
    public boolean end(long runId, RunEnd end, Instant at) {
        boolean closed;
        synchronized (this) {
            closed = transaction(() -> {
                if (endRun(runId, end, at) != 1) {
                    return false;
                }
                if (outbox != null) {
                    outbox.closed(this::statement, runId, null, end, at);
                }
                tallyRun(runId, readingsOf(runId));
                return true;
            });
            closed(runId, closed);
        }
        if (closed) {
            sync.afterCommit();
        }
        return closed;
    }

    synchronized int abortOpenRuns(String stationOrNull, Instant at) {
        List<Long> open = transaction(() -> {
            PreparedStatement q = statement(ResultDao.OPEN_RUNS, false);
            setString(q, 1, stationOrNull);
            setString(q, 2, stationOrNull);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
        int closed = 0;
        for (long runId : open) {
            closed += transaction(() -> {
                PreparedStatement abort = statement(ResultDao.ABORT_RUN, false);
                abort.setTimestamp(1, Timestamp.from(at));
                abort.setLong(2, runId);
                if (abort.executeUpdate() != 1) {
                    return 0;
                }
                if (outbox != null) {
                    outbox.closed(this::statement, runId, null, ABORTED_END, at);
                }
                tallyRun(runId, null);
                return 1;
            });
        }
        if (closed > 0) {
            sync.afterCommit();
            if (outbox != null) {
                outbox.written();
            }
        }
        return closed;
    }

    /**
     * From now on, writes the messages {@code messages} gives for each run begun or closed into
     * the CFX outbox, in the transaction that stores the run's record; {@code onWritten} runs
     * after each such commit (it wakes the publisher).
     */
    public synchronized void attachOutbox(RunMessages messages, Runnable onWritten) {
        this.outbox = new OutboxWriter(messages, onWritten);
    }

    /** Sessions open on this H2 database, this store's included, its syncer's not. */
    synchronized int h2Sessions() {
        return transaction(() -> {
            try (Statement s = connection.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> "
                                    + sync.sessionId())) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    synchronized void close() {
        for (PreparedStatement s : prepared.values()) {
            try {
                s.close();
            } catch (SQLException ignored) {
                // closing the connection next releases it anyway
            }
        }
        prepared.clear();
        if (kept == null) {
            return;
        }
        try (GroupSync syncer = sync) {
            kept.close();
        } catch (SQLException e) {
            throw new DatabaseException("cannot close the results connection: " + Database.rootMessage(e), e);
        }
    }

    /** What follows a run's closing commit under the lock; the caller then waits for its sync, outside it. */
    private void closed(long runId, boolean closed) {
        openRunReadings.remove(runId);
        if (outbox != null) {
            outbox.forget(runId);
            if (closed) {
                outbox.written();
            }
        }
        if (closed) {
            if (housekeeping != null) {
                housekeeping.afterVerdict();
            }
        }
    }

    private void remember(long runId, StepRecord step) {
        if (outbox != null) {
            outbox.step(runId, step);
        }
        List<MeasurementRecord> readings = openRunReadings.get(runId);
        if (readings != null) {
            readings.addAll(step.measurements());
        }
    }

    /** The run's stored readings, as this store wrote them, or null when it did not begin the run. */
    private List<MeasurementRecord> readingsOf(long runId) {
        return openRunReadings.get(runId);
    }

    private long endRun(long runId, RunEnd end, Instant at) throws SQLException {
        PreparedStatement s = statement(ResultDao.END_RUN, false);
        s.setString(1, end.verdict().name());
        s.setTimestamp(2, Timestamp.from(at));
        setString(s, 3, end.failedStep());
        setString(s, 4, end.hint());
        setString(s, 5, end.message());
        s.setLong(6, runId);
        return s.executeUpdate();
    }

    private void insertStep(long runId, StepRecord step) throws SQLException {
        PreparedStatement s = statement(ResultDao.INSERT_STEP, true);
        s.setLong(1, runId);
        s.setInt(2, step.seq());
        s.setString(3, step.name());
        s.setString(4, step.kind());
        s.setTimestamp(5, Timestamp.from(step.startedAt()));
        s.setTimestamp(6, Timestamp.from(step.endedAt()));
        s.setString(7, step.verdict().name());
        setString(s, 8, step.message());
        long stepId = insertedId(s);
        List<MeasurementRecord> ms = step.measurements();
        if (ms.isEmpty()) {
            return;
        }
        PreparedStatement m = statement(ResultDao.INSERT_MEASUREMENT, false);
        for (MeasurementRecord r : ms) {
            m.setLong(1, stepId);
            m.setLong(2, runId);
            m.setString(3, r.name());
            setDouble(m, 4, r.reading());
            m.setString(5, r.unit());
            setDouble(m, 6, r.low());
            setDouble(m, 7, r.high());
            m.setString(8, r.verdict().name());
            if (r.instrument() == null) {
                m.setNull(9, Types.BIGINT);
            } else {
                m.setLong(9, instrumentIds.get(r.instrument()));
            }
            m.setBoolean(10, r.marginal());
            m.addBatch();
        }
        m.executeBatch();
    }

    /**
     * Stores each instrument of the step's readings not seen before (table instrument, V12), in a
     * transaction of its own: an instrument once stored stays, so its id may be kept.
     */
    private void learnInstruments(StepRecord step) {
        for (MeasurementRecord r : step.measurements()) {
            InstrumentIdentity i = r.instrument();
            if (i != null && !instrumentIds.containsKey(i)) {
                long id = transaction(() -> instrumentId(i));
                instrumentIds.put(i, id);
            }
        }
    }

    private long instrumentId(InstrumentIdentity i) throws SQLException {
        PreparedStatement q = statement(ResultDao.INSTRUMENT_ID, false);
        q.setString(1, i.make());
        q.setString(2, i.model());
        q.setString(3, i.serial());
        q.setString(4, i.firmware());
        try (ResultSet rs = q.executeQuery()) {
            if (rs.next()) {
                return rs.getLong(1);
            }
        }
        PreparedStatement s = statement(ResultDao.INSERT_INSTRUMENT, true);
        s.setString(1, i.make());
        s.setString(2, i.model());
        s.setString(3, i.serial());
        s.setString(4, i.firmware());
        s.setTimestamp(5, Timestamp.from(Instant.now()));
        return insertedId(s);
    }

    /**
     * Counts a run's readings in its batch's tally, once, in the transaction that closes the run
     * (finished, stopped, or found cut off): one tally update per reading per run instead of per step.
     */
    private void tallyRun(long runId, List<MeasurementRecord> known) throws SQLException {
        List<MeasurementRecord> ms = known != null ? known : storedReadings(runId);
        List<MeasurementRecord> counted = new ArrayList<>(ms.size());
        for (MeasurementRecord m : ms) {
            if (m.reading() != null && !m.reading().isNaN() && m.verdict() != Verdict.ERROR) {
                counted.add(m);
            }
        }
        if (counted.isEmpty()) {
            return;
        }
        long batchId = batchOfRun(runId);
        PreparedStatement update = statement(ResultDao.TALLY, false);
        for (MeasurementRecord m : counted) {
            bindTally(update, batchId, m);
            update.addBatch();
        }
        int[] updated = update.executeBatch();
        for (int i = 0; i < counted.size(); i++) {
            if (updated[i] != 0) {
                continue;
            }
            // a bin seen for the first time (or twice in this run: the first one made it)
            MeasurementRecord m = counted.get(i);
            bindTally(update, batchId, m);
            if (update.executeUpdate() == 0) {
                PreparedStatement first = statement(ResultDao.FIRST_TALLY, false);
                double x = m.reading();
                first.setLong(1, batchId);
                first.setString(2, m.name());
                first.setString(3, m.unit());
                first.setString(4, HistogramBin.limitsKey(m.low(), m.high()));
                setDouble(first, 5, m.low());
                setDouble(first, 6, m.high());
                first.setInt(7, HistogramBin.of(x, m.low(), m.high()));
                first.setDouble(8, x);
                first.setDouble(9, x);
                first.setDouble(10, x);
                first.setInt(11, m.marginal() ? 1 : 0);
                first.executeUpdate();
            }
        }
    }

    private static void bindTally(PreparedStatement s, long batchId, MeasurementRecord m) throws SQLException {
        double x = m.reading();
        s.setDouble(1, x);
        s.setDouble(2, x);
        s.setDouble(3, x);
        s.setDouble(4, x);
        s.setDouble(5, x);
        s.setInt(6, m.marginal() ? 1 : 0);
        s.setLong(7, batchId);
        s.setString(8, m.name());
        s.setString(9, m.unit());
        s.setString(10, HistogramBin.limitsKey(m.low(), m.high()));
        s.setInt(11, HistogramBin.of(x, m.low(), m.high()));
    }

    private List<MeasurementRecord> storedReadings(long runId) throws SQLException {
        PreparedStatement q = statement(ResultDao.MEASUREMENTS_OF_RUN, false);
        q.setLong(1, runId);
        List<MeasurementRecord> out = new ArrayList<>();
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                out.add(new MeasurementRecord(
                        rs.getString(1),
                        Rows.nullableDouble(rs, "reading"),
                        rs.getString(3),
                        Rows.nullableDouble(rs, "low"),
                        Rows.nullableDouble(rs, "high"),
                        Rows.verdict(rs, "verdict"),
                        rs.getBoolean("marginal")));
            }
        }
        return out;
    }

    private long batchOfRun(long runId) throws SQLException {
        PreparedStatement q = statement(ResultDao.BATCH_OF_RUN, false);
        q.setLong(1, runId);
        try (ResultSet rs = q.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("no run " + runId);
            }
            return rs.getLong(1);
        }
    }

    private long idOrInsert(String select, String insert, String key, String product, Instant at) throws SQLException {
        PreparedStatement q = statement(select, false);
        q.setString(1, key);
        try (ResultSet rs = q.executeQuery()) {
            if (rs.next()) {
                return rs.getLong(1);
            }
        }
        PreparedStatement s = statement(insert, true);
        s.setString(1, key);
        s.setString(2, product);
        s.setTimestamp(3, Timestamp.from(at));
        return insertedId(s);
    }

    private static long insertedId(PreparedStatement s) throws SQLException {
        s.executeUpdate();
        try (ResultSet keys = s.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no generated id");
            }
            return keys.getLong(1);
        }
    }

    private PreparedStatement statement(String sql) throws SQLException {
        return statement(sql, false);
    }

    private PreparedStatement statement(String sql, boolean returnsId) throws SQLException {
        PreparedStatement s = prepared.get(sql);
        if (s == null) {
            s = returnsId ? connection.prepareStatement(sql, new String[] {"id"}) : connection.prepareStatement(sql);
            prepared.put(sql, s);
        }
        return s;
    }

    private static void setString(PreparedStatement s, int i, String v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.VARCHAR);
        } else {
            s.setString(i, v);
        }
    }

    private static void setDouble(PreparedStatement s, int i, Double v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.DOUBLE);
        } else {
            s.setDouble(i, v);
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Runs one transaction and commits it. Two stations of a line may race to create the same
     * batch, board or tally row on a shared server: the loser's transaction fails on the unique
     * key and is rolled back; once more, it finds the row the other one made.
     */
    private <T> T transaction(Work<T> work) {
        try {
            return attempt(work);
        } catch (SQLException e) {
            if (!isUniqueViolation(e)) {
                throw new DatabaseException("cannot store results: " + Database.rootMessage(e), e);
            }
            batchIds.clear();
            try {
                return attempt(work);
            } catch (SQLException again) {
                throw new DatabaseException("cannot store results: " + Database.rootMessage(again), again);
            }
        }
    }

    private <T> T attempt(Work<T> work) throws SQLException {
        if (kept == null) {
            connection = pool.openConnection();
            connection.setAutoCommit(false);
        }
        try {
            T result = work.run();
            connection.commit();
            if (housekeeping != null) {
                housekeeping.afterCommit();
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            if (kept == null) {
                giveBack();
            }
        }
    }

    /** Back to the pool, with the statements prepared on it: the next transaction may get another connection. */
    private void giveBack() throws SQLException {
        for (PreparedStatement s : prepared.values()) {
            s.close();
        }
        prepared.clear();
        connection.close();
        connection = null;
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
