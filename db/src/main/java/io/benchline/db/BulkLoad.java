package io.benchline.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Finished runs written in bulk, for benchmark data: JDBC batches of 10 000 rows with explicit
 * ids, foreign keys unchecked while loading, committed every 10 000 rows; the measurement tallies
 * counted alongside, as the store would have counted them. The store's write path (one commit per
 * step) would take hours for a million boards. Batches and boards must be new to the database.
 * H2 only (SET REFERENTIAL_INTEGRITY, ALTER COLUMN RESTART); {@link #close()} turns the checks
 * back on and commits the rest.
 */
public final class BulkLoad implements AutoCloseable {
    private static final int CHUNK = 10_000;
    private static final List<String> TABLES = List.of("batch", "board", "run", "step", "measurement");

    record TallyKey(long batchId, String name, String unit, Double low, Double high, int bin) {}

    /** Running tally of one bin: n, ref, offset sum, offset square sum, min, max. */
    static final class Tally {
        long n;
        final double ref;
        double s1;
        double s2;
        double min;
        double max;

        Tally(double first) {
            ref = first;
            min = first;
            max = first;
        }

        void add(double x) {
            n++;
            s1 += x - ref;
            s2 += (x - ref) * (x - ref);
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
    }

    private final Handle handle;
    private final Connection c;
    private final boolean autoCommit;
    private final PreparedStatement batch;
    private final PreparedStatement board;
    private final PreparedStatement run;
    private final PreparedStatement step;
    private final PreparedStatement measurement;
    private final Map<String, Long> batches = new HashMap<>();
    private final Map<String, Long> boards = new HashMap<>();
    private final Map<TallyKey, Tally> tallies = new HashMap<>();
    private long batchId;
    private long boardId;
    private long runId;
    private long stepId;
    private long measurementId;
    private int pending;

    BulkLoad(Handle handle) {
        this.handle = handle;
        try {
            c = handle.getConnection();
            autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET REFERENTIAL_INTEGRITY FALSE");
            }
            batchId = maxId("batch");
            boardId = maxId("board");
            runId = maxId("run");
            stepId = maxId("step");
            measurementId = maxId("measurement");
            batch = c.prepareStatement("INSERT INTO batch (id, name, product, created_at) VALUES (?, ?, ?, ?)");
            board = c.prepareStatement("INSERT INTO board (id, serial, product, first_seen) VALUES (?, ?, ?, ?)");
            run = c.prepareStatement("""
                    INSERT INTO run (id, board_id, batch_id, station, operator, fixture, plan_name, plan_version, plan_sha256,
                                     firmware_sha256, software_version, started_at, ended_at, verdict, failed_step, hint, message,
                                     line_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            step = c.prepareStatement("""
                    INSERT INTO step (id, run_id, seq, name, kind, started_at, ended_at, verdict, message)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            measurement = c.prepareStatement("""
                    INSERT INTO measurement (id, step_id, run_id, name, reading, unit, low, high, verdict)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        } catch (SQLException e) {
            handle.close();
            throw failed(e);
        }
    }

    /** Writes one finished run with its steps, creating its batch and board on first sight. */
    public void run(RunStart start, Instant startedAt, List<StepRecord> steps, RunEnd end, Instant endedAt) {
        try {
            long batchOfRun = batchId(start, startedAt);
            long boardOfRun = boardId(start, startedAt);
            runId++;
            run.setLong(1, runId);
            run.setLong(2, boardOfRun);
            run.setLong(3, batchOfRun);
            run.setString(4, start.station());
            run.setString(5, start.operator());
            run.setString(6, start.fixture());
            run.setString(7, start.planName());
            run.setString(8, start.planVersion());
            run.setString(9, start.planSha256());
            run.setString(10, start.firmwareSha256());
            run.setString(11, start.softwareVersion());
            run.setTimestamp(12, Timestamp.from(startedAt));
            run.setTimestamp(13, Timestamp.from(endedAt));
            run.setString(14, end.verdict().name());
            run.setString(15, end.failedStep());
            run.setString(16, end.hint());
            run.setString(17, end.message());
            run.setString(18, java.util.UUID.randomUUID().toString());
            run.addBatch();
            tick();
            for (StepRecord s : steps) {
                step(batchOfRun, s);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private long batchId(RunStart start, Instant at) throws SQLException {
        Long id = batches.get(start.batch());
        if (id != null) {
            return id;
        }
        batchId++;
        batch.setLong(1, batchId);
        batch.setString(2, start.batch());
        batch.setString(3, start.product());
        batch.setTimestamp(4, Timestamp.from(at));
        batch.executeUpdate();
        batches.put(start.batch(), batchId);
        return batchId;
    }

    private long boardId(RunStart start, Instant at) throws SQLException {
        Long id = boards.get(start.serial());
        if (id != null) {
            return id;
        }
        boardId++;
        board.setLong(1, boardId);
        board.setString(2, start.serial());
        board.setString(3, start.product());
        board.setTimestamp(4, Timestamp.from(at));
        board.addBatch();
        tick();
        boards.put(start.serial(), boardId);
        return boardId;
    }

    private void step(long batchOfRun, StepRecord s) throws SQLException {
        stepId++;
        step.setLong(1, stepId);
        step.setLong(2, runId);
        step.setInt(3, s.seq());
        step.setString(4, s.name());
        step.setString(5, s.kind());
        step.setTimestamp(6, Timestamp.from(s.startedAt()));
        step.setTimestamp(7, Timestamp.from(s.endedAt()));
        step.setString(8, s.verdict().name());
        step.setString(9, s.message());
        step.addBatch();
        tick();
        for (MeasurementRecord m : s.measurements()) {
            measurementId++;
            measurement.setLong(1, measurementId);
            measurement.setLong(2, stepId);
            measurement.setLong(3, runId);
            measurement.setString(4, m.name());
            if (m.reading() == null) {
                measurement.setNull(5, Types.DOUBLE);
            } else {
                measurement.setDouble(5, m.reading());
            }
            measurement.setString(6, m.unit());
            measurement.setObject(7, m.low());
            measurement.setObject(8, m.high());
            measurement.setString(9, m.verdict().name());
            measurement.addBatch();
            tick();
            tally(batchOfRun, m);
        }
    }

    /** Counted as {@link ResultStore} counts: judged readings only. */
    private void tally(long batchOfRun, MeasurementRecord m) {
        Double x = m.reading();
        if (x == null || x.isNaN() || m.verdict() == Verdict.ERROR) {
            return;
        }
        TallyKey key =
                new TallyKey(batchOfRun, m.name(), m.unit(), m.low(), m.high(), HistogramBin.of(x, m.low(), m.high()));
        tallies.computeIfAbsent(key, k -> new Tally(x)).add(x);
    }

    private void tick() throws SQLException {
        if (++pending >= CHUNK) {
            flush();
        }
    }

    private void flush() throws SQLException {
        board.executeBatch();
        run.executeBatch();
        step.executeBatch();
        measurement.executeBatch();
        c.commit();
        pending = 0;
    }

    private void writeTallies() throws SQLException {
        writeTallies(c, tallies);
    }

    /** Inserts counted tallies (new to the database) in one JDBC batch. */
    static void writeTallies(Connection c, Map<TallyKey, Tally> tallies) throws SQLException {
        try (PreparedStatement t = c.prepareStatement("""
                INSERT INTO measurement_tally (batch_id, name, unit, limits_key, low, high, bin, n, ref, s1, s2, min_reading, max_reading)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Map.Entry<TallyKey, Tally> e : tallies.entrySet()) {
                TallyKey k = e.getKey();
                Tally v = e.getValue();
                t.setLong(1, k.batchId());
                t.setString(2, k.name());
                t.setString(3, k.unit());
                t.setString(4, HistogramBin.limitsKey(k.low(), k.high()));
                t.setObject(5, k.low());
                t.setObject(6, k.high());
                t.setInt(7, k.bin());
                t.setLong(8, v.n);
                t.setDouble(9, v.ref);
                t.setDouble(10, v.s1);
                t.setDouble(11, v.s2);
                t.setDouble(12, v.min);
                t.setDouble(13, v.max);
                t.addBatch();
            }
            t.executeBatch();
        }
    }

    private long maxId(String table) throws SQLException {
        try (Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Writes what is pending and the tallies, and commits; turns the foreign key checks back on
     * in any case (after a failed load, what was not committed yet is rolled back).
     */
    @Override
    public void close() {
        try (handle) {
            try {
                flush();
                writeTallies();
            } catch (SQLException e) {
                c.rollback();
                throw failed(e);
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("SET REFERENTIAL_INTEGRITY TRUE");
                }
            }
            try (Statement s = c.createStatement()) {
                for (String table : TABLES) {
                    s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (maxId(table) + 1));
                }
            }
            c.commit();
            c.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static DatabaseException failed(SQLException e) {
        return new DatabaseException("bulk load failed: " + Database.rootMessage(e), e);
    }
}
