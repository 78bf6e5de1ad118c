package io.benchline.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Benchmark data for a central PostgreSQL, made by the server itself: each batch is a few
 * {@code INSERT … SELECT} over {@code generate_series}, so a million boards (and their 25 million
 * measurements) never cross the network. The runs are shaped like station's {@code BulkBoards}
 * (the F411 plan: 10 steps, 25 measurements, Gaussian readings): 4 % of boards fail at VDD
 * (0.52 V) and pass a retest, 1 % meet a station ERROR at swd-connect and pass a retest; four
 * stations take the boards in turn. Foreign keys are not checked while loading when the user may
 * switch them off (a superuser: {@code session_replication_role = replica}). The measurement
 * tallies are counted by {@link HistogramBin} as the store counts them. PostgreSQL only.
 */
public final class CentralBulkLoad implements AutoCloseable {
    private static final String PRODUCT = "STM32F411 sensor board rev B";
    private static final String FAIL_HINT = "VDD (3V3 at the MCU) out of range: check the 3.3 V regulator output";
    private static final String ERROR_HINT =
            "station problem, not the board: check the named instrument or probe, then retest";
    private static final int STEP_ID_STRIDE = 10;
    private static final int MEASUREMENT_ID_STRIDE = 4;

    private record StepSpec(int seq, String name, String kind) {}

    private record Spec(
            int seq, int index, String name, String unit, double nominal, double sigma, Double low, Double high) {}

    private static final List<StepSpec> STEPS = List.of(
            new StepSpec(1, "power-on", "power"),
            new StepSpec(2, "VDD", "measure"),
            new StepSpec(3, "VDDA", "measure"),
            new StepSpec(4, "VCAP1", "measure"),
            new StepSpec(5, "NRST", "measure"),
            new StepSpec(6, "swd-connect", "swd-connect"),
            new StepSpec(7, "program", "program"),
            new StepSpec(8, "read-uid", "read-uid"),
            new StepSpec(9, "boot-check", "boot-check"),
            new StepSpec(10, "teardown", "teardown"));

    private static final List<Spec> SPECS = List.of(
            new Spec(1, 1, "power-on current", "A", 0.012, 0.0008, 0.005, 0.080),
            new Spec(1, 2, "power-on inrush", "A", 0.150, 0.01, null, 0.200),
            new Spec(2, 1, "VDD", "V", 3.300, 0.012, 3.135, 3.465),
            new Spec(2, 2, "VDD spread", "V", 0.004, 0.001, null, 0.05),
            new Spec(2, 3, "VDD ripple", "V", 0.010, 0.002, null, 0.05),
            new Spec(3, 1, "VDDA", "V", 3.298, 0.012, 3.135, 3.465),
            new Spec(3, 2, "VDDA spread", "V", 0.004, 0.001, null, 0.05),
            new Spec(3, 3, "VDDA - VDD", "V", 0.002, 0.004, -0.3, 0.3),
            new Spec(4, 1, "VCAP1", "V", 1.255, 0.010, 1.08, 1.38),
            new Spec(4, 2, "VCAP1 spread", "V", 0.006, 0.001, null, 0.05),
            new Spec(5, 1, "NRST", "V", 3.280, 0.015, 2.31, 3.6),
            new Spec(5, 2, "NRST spread", "V", 0.005, 0.001, null, 0.3),
            new Spec(5, 3, "NRST low pulse", "ms", 20.0, 1.0, 10.0, 40.0),
            new Spec(6, 1, "target voltage", "V", 3.29, 0.012, 2.7, 3.6),
            new Spec(6, 2, "flash size", "KiB", 512, 0, 512.0, null),
            new Spec(6, 3, "RDP level", "", 0, 0, null, 0.0),
            new Spec(6, 4, "SWD clock", "kHz", 4000, 0, 1000.0, null),
            new Spec(7, 1, "bytes programmed", "B", 388, 0, null, null),
            new Spec(7, 2, "verify mismatches", "B", 0, 0, null, 0.0),
            new Spec(7, 3, "program time", "ms", 850, 25, null, 2000.0),
            new Spec(7, 4, "erase time", "ms", 420, 20, null, 1000.0),
            new Spec(8, 1, "UID reads", "", 1, 0, 1.0, 1.0),
            new Spec(9, 1, "boot time", "ms", 120, 8, null, 500.0),
            new Spec(9, 2, "banner lines", "", 1, 0, 1.0, null),
            new Spec(10, 1, "idle current off", "A", 0.0001, 0.00002, null, 0.001));

    private static final String RUNS = """
            INSERT INTO run (id, board_id, batch_id, station, operator, fixture, plan_name, plan_version, plan_sha256,
                             firmware_sha256, software_version, started_at, ended_at, verdict, failed_step, hint, uid)
            SELECT ? + 2 * i - 1 + k, ? + i, ?, 'bench-' || (1 + i % 4), 'bulk', 'sim-f411', 'stm32f411-board', '1.0',
                   '8759e12cb0423a7484513d5eaffd569c449d4356fb191028e58f5dc5b15e808e',
                   '3cc232850d08828f72bec1b59ba686401465d17d75f02e296aa9557693817ee5', 'bulk',
                   t + k * INTERVAL '11 seconds', t + k * INTERVAL '11 seconds' + INTERVAL '9 seconds',
                   CASE WHEN k = 1 THEN 'PASS' WHEN fate < 4 THEN 'FAIL' ELSE 'ERROR' END,
                   CASE WHEN k = 1 THEN NULL WHEN fate < 4 THEN 'VDD' ELSE 'swd-connect' END,
                   CASE WHEN k = 1 THEN NULL WHEN fate < 4 THEN ? ELSE ? END,
                   CASE WHEN k = 1 THEN upper(lpad(to_hex(? + i), 24, '0')) END
            FROM (SELECT i, abs(hashint8(? + i)) % 100 AS fate, CAST(? AS TIMESTAMPTZ) + (i - 1) * INTERVAL '22 seconds' AS t
                  FROM generate_series(1, ?) i) b
            CROSS JOIN (VALUES (0), (1)) v(k)
            WHERE k = 1 OR fate < 5""";

    private final Handle handle;
    private final Connection c;

    CentralBulkLoad(Handle handle) {
        this.handle = handle;
        this.c = handle.getConnection();
    }

    /** What one batch took to make. */
    public record Loaded(String batch, long boards, long runs, long steps, long measurements, double seconds) {}

    /**
     * Adds a batch of boards SN-BATCH-0000001 and on, their runs starting at {@code start}, 22 s
     * apart; committed whole. The batch and its serials must be new to the database.
     */
    public Loaded batch(String name, int boards, Instant start) {
        long t0 = System.nanoTime();
        try {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL work_mem = '256MB'");
                s.execute("SET LOCAL synchronous_commit = on");
                relaxForeignKeys(s);
                long batchId = maxId("batch") + 1;
                long boardBase = maxId("board");
                long runBase = maxId("run");
                long stepBase = maxId("step");
                long measurementBase = maxId("measurement");
                try (PreparedStatement p =
                        c.prepareStatement("INSERT INTO batch (id, name, product, created_at) VALUES (?, ?, ?, ?)")) {
                    p.setLong(1, batchId);
                    p.setString(2, name);
                    p.setString(3, PRODUCT);
                    p.setObject(4, start.atOffset(ZoneOffset.UTC));
                    p.executeUpdate();
                }
                long boardRows;
                try (PreparedStatement p = c.prepareStatement("""
                        INSERT INTO board (id, serial, product, uid, first_seen)
                        SELECT ? + i, ? || lpad(CAST(i AS VARCHAR), 7, '0'), ?, upper(lpad(to_hex(? + i), 24, '0')),
                               CAST(? AS TIMESTAMPTZ) + (i - 1) * INTERVAL '22 seconds'
                        FROM generate_series(1, ?) i""")) {
                    p.setLong(1, boardBase);
                    p.setString(2, "SN-" + name + "-");
                    p.setString(3, PRODUCT);
                    p.setLong(4, boardBase);
                    p.setObject(5, start.atOffset(ZoneOffset.UTC));
                    p.setInt(6, boards);
                    boardRows = p.executeUpdate();
                }
                long runRows;
                try (PreparedStatement p = c.prepareStatement(RUNS)) {
                    p.setLong(1, runBase);
                    p.setLong(2, boardBase);
                    p.setLong(3, batchId);
                    p.setString(4, FAIL_HINT);
                    p.setString(5, ERROR_HINT);
                    p.setLong(6, boardBase);
                    p.setLong(7, boardBase);
                    p.setObject(8, start.atOffset(ZoneOffset.UTC));
                    p.setInt(9, boards);
                    runRows = p.executeUpdate();
                }
                long stepRows;
                try (PreparedStatement p =
                        c.prepareStatement("INSERT INTO step (id, run_id, seq, name, kind, started_at,"
                                + " ended_at, verdict) SELECT ? + (r.id - ? - 1) * " + STEP_ID_STRIDE
                                + " + st.seq, r.id,"
                                + " st.seq, st.name, st.kind, r.started_at + (st.seq - 1) * INTERVAL '0.9 seconds',"
                                + " r.started_at + st.seq * INTERVAL '0.9 seconds',"
                                + " CASE WHEN st.seq = r.last THEN r.verdict ELSE 'PASS' END"
                                + " FROM (SELECT id, started_at, verdict, CASE verdict WHEN 'FAIL' THEN 2 WHEN 'ERROR' THEN 6"
                                + " ELSE 10 END AS last FROM run WHERE id > ?) r"
                                + " JOIN (VALUES " + stepValues() + ") st(seq, name, kind) ON st.seq <= r.last")) {
                    p.setLong(1, stepBase);
                    p.setLong(2, runBase);
                    p.setLong(3, runBase);
                    stepRows = p.executeUpdate();
                }
                long measurementRows;
                try (PreparedStatement p = c.prepareStatement("INSERT INTO measurement (id, step_id, run_id, name,"
                        + " reading, unit, low, high, verdict)"
                        + " SELECT ? + (x.step_id - ? - 1) * " + MEASUREMENT_ID_STRIDE + " + x.mi, x.step_id,"
                        + " x.run_id, x.name, x.reading, x.unit, x.low, x.high, CASE WHEN (x.low IS NULL OR x.reading"
                        + " >= x.low) AND (x.high IS NULL OR x.reading <= x.high) THEN 'PASS' ELSE 'FAIL' END"
                        + " FROM (SELECT s.id AS step_id, s.run_id, sp.mi, sp.name, sp.unit, sp.low, sp.high,"
                        + " CASE WHEN s.verdict = 'FAIL' AND sp.name = 'VDD' THEN 0.52 + 0.01 * " + GAUSS
                        + " ELSE sp.nominal + sp.sigma * " + GAUSS + " END AS reading"
                        + " FROM step s JOIN (VALUES " + specValues()
                        + ") sp(seq, mi, name, unit, nominal, sigma, low, high) ON sp.seq = s.seq"
                        + " WHERE s.id > ? AND s.verdict <> 'ERROR') x")) {
                    p.setLong(1, measurementBase);
                    p.setLong(2, stepBase);
                    p.setLong(3, stepBase);
                    measurementRows = p.executeUpdate();
                }
                tally(batchId, runBase);
                for (String table : List.of("batch", "board", "run", "step", "measurement")) {
                    s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT MAX(id) FROM "
                            + table + "))");
                }
                c.commit();
                c.setAutoCommit(autoCommit);
                return new Loaded(name, boardRows, runRows, stepRows, measurementRows, (System.nanoTime() - t0) / 1e9);
            }
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new DatabaseException("bulk load of batch " + name + " failed: " + Database.rootMessage(e), e);
        }
    }

    /** Statistics for the planner after a load (outside any transaction). */
    public void analyze() {
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        } catch (SQLException e) {
            throw new DatabaseException("ANALYZE failed: " + Database.rootMessage(e), e);
        }
    }

    /** A standard normal deviate per row, by Box–Muller from two uniform ones. */
    private static final String GAUSS = "sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())";

    /** A superuser skips the foreign key triggers for this transaction; anyone else loads with them. */
    private void relaxForeignKeys(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            if (rs.next() && rs.getBoolean(1)) {
                s.execute("SET LOCAL session_replication_role = replica");
            }
        }
    }

    /** Counts the batch's judged readings into its tallies, streamed from the server. */
    private void tally(long batchId, long runBase) throws SQLException {
        Map<BulkLoad.TallyKey, BulkLoad.Tally> tallies = new HashMap<>();
        try (PreparedStatement p =
                c.prepareStatement("SELECT m.name, m.unit, m.low, m.high, m.reading FROM measurement m"
                        + " WHERE m.run_id > ? AND m.verdict IN ('PASS', 'FAIL') AND m.reading IS NOT NULL")) {
            p.setFetchSize(50_000);
            p.setLong(1, runBase);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    double x = rs.getDouble(5);
                    Double low = Rows.nullableDouble(rs, "low");
                    Double high = Rows.nullableDouble(rs, "high");
                    BulkLoad.TallyKey key = new BulkLoad.TallyKey(
                            batchId, rs.getString(1), rs.getString(2), low, high, HistogramBin.of(x, low, high));
                    tallies.computeIfAbsent(key, k -> new BulkLoad.Tally(x)).add(x);
                }
            }
        }
        BulkLoad.writeTallies(c, tallies);
    }

    private long maxId(String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String stepValues() {
        return STEPS.stream()
                .map(s -> String.format(Locale.ROOT, "(%d, '%s', '%s')", s.seq(), s.name(), s.kind()))
                .collect(Collectors.joining(", "));
    }

    private static String specValues() {
        return SPECS.stream()
                .map(s -> String.format(
                        Locale.ROOT,
                        "(%d, %d, '%s', '%s', %s, %s, %s, %s)",
                        s.seq(),
                        s.index(),
                        s.name(),
                        s.unit(),
                        dbl(s.nominal()),
                        dbl(s.sigma()),
                        s.low() == null ? "CAST(NULL AS DOUBLE PRECISION)" : dbl(s.low()),
                        s.high() == null ? "CAST(NULL AS DOUBLE PRECISION)" : dbl(s.high())))
                .collect(Collectors.joining(", "));
    }

    private static String dbl(double x) {
        return "CAST(" + x + " AS DOUBLE PRECISION)";
    }

    /** Gives the connection back to the pool. */
    @Override
    public void close() {
        handle.close();
    }
}
