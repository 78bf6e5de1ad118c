package io.benchline.station.cli;

import io.benchline.db.HistogramBin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Benchmark data in bulk: batches of boards shaped like the F411 plan's runs (10 steps, 25
 * measurements each), written with JDBC batches of 10 000 rows and explicit ids, foreign keys
 * unchecked while loading. The store's write path (one commit per step) would take hours for a
 * million boards; the rows and the measurement tallies are the same as it would write: 4 % of
 * boards fail at VDD (0.5 V) and pass a retest, 1 % hit a station ERROR at swd-connect and pass a
 * retest. For benchmarks only: H2 syntax (REFERENTIAL_INTEGRITY, ALTER COLUMN RESTART).
 */
final class BulkBoards {
    private static final int CHUNK = 10_000;
    private static final String[] STEPS = {"power-on", "VDD", "VDDA", "VCAP1", "NRST", "swd-connect", "program",
            "read-uid", "boot-check", "teardown"};
    private static final String[] KINDS = {"power", "measure", "measure", "measure", "measure", "swd-connect", "program",
            "read-uid", "boot-check", "teardown"};

    /** One measurement of the bulk plan: its step, nominal value, noise and limits. */
    private record Spec(int step, String name, String unit, double nominal, double sigma, Double low, Double high) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec(0, "power-on current", "A", 0.012, 0.0008, 0.005, 0.080),
            new Spec(0, "power-on inrush", "A", 0.150, 0.01, null, 0.200),
            new Spec(1, "VDD", "V", 3.300, 0.012, 3.135, 3.465),
            new Spec(1, "VDD spread", "V", 0.004, 0.001, null, 0.05),
            new Spec(1, "VDD ripple", "V", 0.010, 0.002, null, 0.05),
            new Spec(2, "VDDA", "V", 3.298, 0.012, 3.135, 3.465),
            new Spec(2, "VDDA spread", "V", 0.004, 0.001, null, 0.05),
            new Spec(2, "VDDA - VDD", "V", 0.002, 0.004, -0.3, 0.3),
            new Spec(3, "VCAP1", "V", 1.255, 0.010, 1.08, 1.38),
            new Spec(3, "VCAP1 spread", "V", 0.006, 0.001, null, 0.05),
            new Spec(4, "NRST", "V", 3.280, 0.015, 2.31, 3.6),
            new Spec(4, "NRST spread", "V", 0.005, 0.001, null, 0.3),
            new Spec(4, "NRST low pulse", "ms", 20.0, 1.0, 10.0, 40.0),
            new Spec(5, "target voltage", "V", 3.29, 0.012, 2.7, 3.6),
            new Spec(5, "flash size", "KiB", 512, 0, 512.0, null),
            new Spec(5, "RDP level", "", 0, 0, null, 0.0),
            new Spec(5, "SWD clock", "kHz", 4000, 0, 1000.0, null),
            new Spec(6, "bytes programmed", "B", 388, 0, null, null),
            new Spec(6, "verify mismatches", "B", 0, 0, null, 0.0),
            new Spec(6, "program time", "ms", 850, 25, null, 2000.0),
            new Spec(6, "erase time", "ms", 420, 20, null, 1000.0),
            new Spec(7, "UID reads", "", 1, 0, 1.0, 1.0),
            new Spec(8, "boot time", "ms", 120, 8, null, 500.0),
            new Spec(8, "banner lines", "", 1, 0, 1.0, null),
            new Spec(9, "idle current off", "A", 0.0001, 0.00002, null, 0.001));

    private final Connection c;
    private final Random random = new Random(42);
    private long runId;
    private long stepId;
    private long measurementId;
    private long boardId;
    private long batchId;
    private Instant clock = Instant.parse("2026-01-05T06:00:00Z");

    BulkBoards(Connection c) throws SQLException {
        this.c = c;
        this.runId = max("run");
        this.stepId = max("step");
        this.measurementId = max("measurement");
        this.boardId = max("board");
        this.batchId = max("batch");
    }

    private long max(String table) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Adds one batch of boards (serials SN-BATCH-0000001...), committing every 10 000 rows. */
    void batch(String name, int boards) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET REFERENTIAL_INTEGRITY FALSE");
        }
        batchId++;
        try (PreparedStatement b = c.prepareStatement("INSERT INTO batch (id, name, product, created_at) VALUES (?, ?, ?, ?)")) {
            b.setLong(1, batchId);
            b.setString(2, name);
            b.setString(3, "STM32F411 sensor board rev B");
            b.setTimestamp(4, Timestamp.from(clock));
            b.executeUpdate();
        }
        Map<List<Object>, double[]> tallies = new HashMap<>();
        try (Rows rows = new Rows(c)) {
            for (int i = 1; i <= boards; i++) {
                boardId++;
                String serial = String.format("SN-%s-%07d", name, i);
                rows.board(boardId, serial, clock);
                int fate = random.nextInt(100);
                if (fate < 4) {
                    run(rows, tallies, name, "FAIL", 1);
                } else if (fate < 5) {
                    run(rows, tallies, name, "ERROR", 5);
                }
                run(rows, tallies, name, "PASS", -1);
            }
            rows.flush();
        }
        try (PreparedStatement t = c.prepareStatement("""
                INSERT INTO measurement_tally (batch_id, name, unit, limits_key, low, high, bin, n, ref, s1, s2, min_reading, max_reading)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (var e : tallies.entrySet()) {
                List<Object> k = e.getKey();
                double[] v = e.getValue();
                t.setLong(1, batchId);
                t.setString(2, (String) k.get(0));
                t.setString(3, (String) k.get(1));
                t.setString(4, HistogramBin.limitsKey((Double) k.get(2), (Double) k.get(3)));
                t.setObject(5, k.get(2));
                t.setObject(6, k.get(3));
                t.setInt(7, (Integer) k.get(4));
                t.setLong(8, (long) v[0]);
                t.setDouble(9, v[1]);
                t.setDouble(10, v[2]);
                t.setDouble(11, v[3]);
                t.setDouble(12, v[4]);
                t.setDouble(13, v[5]);
                t.addBatch();
            }
            t.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET REFERENTIAL_INTEGRITY TRUE");
            for (String table : List.of("batch", "board", "run", "step", "measurement")) {
                s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (max(table) + 1));
            }
        }
        c.commit();
        c.setAutoCommit(auto);
    }

    /** One run of the current board; badStep is where a FAIL or ERROR stops it (-1: runs to the end). */
    private void run(Rows rows, Map<List<Object>, double[]> tallies, String batch, String verdict, int badStep)
            throws SQLException {
        runId++;
        Instant start = clock;
        clock = clock.plusSeconds(18 + random.nextInt(5));
        String failedStep = badStep < 0 ? null : STEPS[badStep];
        String hint = verdict.equals("FAIL") ? "VDD (3V3 at the MCU) out of range: check the 3.3 V regulator output"
                : verdict.equals("ERROR") ? "station problem, not the board: check the named instrument or probe, then retest" : null;
        rows.run(runId, boardId, batchId, start, clock, verdict, failedStep, hint);
        int last = badStep < 0 ? STEPS.length - 1 : badStep;
        for (int s = 0; s <= last; s++) {
            stepId++;
            boolean bad = s == badStep;
            rows.step(stepId, runId, s + 1, STEPS[s], KINDS[s], start, bad ? verdict : "PASS");
            if (bad && verdict.equals("ERROR")) {
                continue;
            }
            for (Spec m : SPECS) {
                if (m.step() != s) {
                    continue;
                }
                double x = bad && m.name().equals("VDD") ? 0.52 + random.nextGaussian() * 0.01
                        : m.nominal() + random.nextGaussian() * m.sigma();
                boolean pass = (m.low() == null || x >= m.low()) && (m.high() == null || x <= m.high());
                measurementId++;
                rows.measurement(measurementId, stepId, runId, m, x, pass ? "PASS" : "FAIL");
                int bin = HistogramBin.of(x, m.low(), m.high());
                double[] t = tallies.computeIfAbsent(java.util.Arrays.asList(m.name(), m.unit(), m.low(), m.high(), bin),
                        k -> new double[] {0, x, 0, 0, x, x});
                t[0]++;
                t[2] += x - t[1];
                t[3] += (x - t[1]) * (x - t[1]);
                t[4] = Math.min(t[4], x);
                t[5] = Math.max(t[5], x);
            }
        }
    }

    /** The prepared inserts, executed and committed every 10 000 rows. */
    private static final class Rows implements AutoCloseable {
        private final Connection c;
        private final PreparedStatement board;
        private final PreparedStatement run;
        private final PreparedStatement step;
        private final PreparedStatement measurement;
        private int pending;

        Rows(Connection c) throws SQLException {
            this.c = c;
            board = c.prepareStatement("INSERT INTO board (id, serial, product, first_seen) VALUES (?, ?, ?, ?)");
            run = c.prepareStatement("""
                    INSERT INTO run (id, board_id, batch_id, station, operator, fixture, plan_name, plan_version, plan_sha256,
                                     firmware_sha256, software_version, started_at, ended_at, verdict, failed_step, hint)
                    VALUES (?, ?, ?, 'bench-1', 'bulk', 'sim-f411', 'stm32f411-board', '1.0', ?, ?, 'bulk', ?, ?, ?, ?, ?)""");
            step = c.prepareStatement("""
                    INSERT INTO step (id, run_id, seq, name, kind, started_at, ended_at, verdict) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
            measurement = c.prepareStatement("""
                    INSERT INTO measurement (id, step_id, run_id, name, reading, unit, low, high, verdict)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        }

        void board(long id, String serial, Instant at) throws SQLException {
            board.setLong(1, id);
            board.setString(2, serial);
            board.setString(3, "STM32F411 sensor board rev B");
            board.setTimestamp(4, Timestamp.from(at));
            board.addBatch();
            tick();
        }

        void run(long id, long boardId, long batchId, Instant start, Instant end, String verdict, String failedStep,
                String hint) throws SQLException {
            run.setLong(1, id);
            run.setLong(2, boardId);
            run.setLong(3, batchId);
            run.setString(4, "8759e12cb0423a7484513d5eaffd569c449d4356fb191028e58f5dc5b15e808e");
            run.setString(5, "3cc232850d08828f72bec1b59ba686401465d17d75f02e296aa9557693817ee5");
            run.setTimestamp(6, Timestamp.from(start));
            run.setTimestamp(7, Timestamp.from(end));
            run.setString(8, verdict);
            run.setString(9, failedStep);
            run.setString(10, hint);
            run.addBatch();
            tick();
        }

        void step(long id, long runId, int seq, String name, String kind, Instant at, String verdict) throws SQLException {
            step.setLong(1, id);
            step.setLong(2, runId);
            step.setInt(3, seq);
            step.setString(4, name);
            step.setString(5, kind);
            step.setTimestamp(6, Timestamp.from(at));
            step.setTimestamp(7, Timestamp.from(at));
            step.setString(8, verdict);
            step.addBatch();
            tick();
        }

        void measurement(long id, long stepId, long runId, Spec m, double x, String verdict) throws SQLException {
            measurement.setLong(1, id);
            measurement.setLong(2, stepId);
            measurement.setLong(3, runId);
            measurement.setString(4, m.name());
            measurement.setDouble(5, x);
            measurement.setString(6, m.unit());
            measurement.setObject(7, m.low());
            measurement.setObject(8, m.high());
            measurement.setString(9, verdict);
            measurement.addBatch();
            tick();
        }

        private void tick() throws SQLException {
            if (++pending >= CHUNK) {
                flush();
            }
        }

        void flush() throws SQLException {
            board.executeBatch();
            run.executeBatch();
            step.executeBatch();
            measurement.executeBatch();
            c.commit();
            pending = 0;
        }

        @Override
        public void close() throws SQLException {
            board.close();
            run.close();
            step.close();
            measurement.close();
        }
    }
}
