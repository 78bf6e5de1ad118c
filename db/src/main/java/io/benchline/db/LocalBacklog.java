package io.benchline.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A station's local file as the forwarder sees it: the closed runs after its cursor, read in
 * local id order up to the first run still open, and the cursor itself with the last error (table
 * {@code forward_state}). Its own connection, never the store's: the station's writes do not wait for it.
 */
final class LocalBacklog {
    private static final String RUNS = """
            SELECT r.id, r.line_id, r.station, r.operator, r.fixture, r.plan_name, r.plan_version, r.plan_sha256,
                   r.firmware_sha256, r.software_version, r.started_at, r.ended_at, r.verdict, r.failed_step, r.hint,
                   r.message, r.uid, r.position, r.panel_label, b.serial, b.product AS board_product, b.first_seen, t.name AS batch,
                   t.product AS batch_product, t.created_at
            FROM run r JOIN board b ON b.id = r.board_id JOIN batch t ON t.id = r.batch_id
            WHERE r.id > ? ORDER BY r.id LIMIT ?""";
    private static final String STEPS = """
            SELECT id, run_id, seq, name, kind, started_at, ended_at, verdict, message
            FROM step WHERE run_id BETWEEN ? AND ? ORDER BY id""";
    private static final String MEASUREMENTS = """
            SELECT m.step_id, m.name, m.reading, m.unit, m.low, m.high, m.verdict, i.make, i.model, i.serial,
                   i.firmware, m.marginal
            FROM measurement m LEFT JOIN instrument i ON i.id = m.instrument_id
            WHERE m.run_id BETWEEN ? AND ? ORDER BY m.id""";
    private static final String WAITING =
            "SELECT COUNT(*), MIN(ended_at) FROM run WHERE id > ? AND verdict IS NOT NULL";
    private static final String STATE =
            "SELECT forwarded_through, last_forward_at, last_error, last_error_at FROM forward_state WHERE id = 1";
    private static final String ADVANCE = """
            UPDATE forward_state SET forwarded_through = GREATEST(forwarded_through, ?), last_forward_at = ?,
                                     last_error = NULL, last_error_at = NULL
            WHERE id = 1""";
    private static final String FAILED = "UPDATE forward_state SET last_error = ?, last_error_at = ? WHERE id = 1";
    private static final String CLEAR = "UPDATE forward_state SET last_error = NULL, last_error_at = NULL WHERE id = 1";
    private static final String FIRST = """
            INSERT INTO forward_state (id, forwarded_through, last_forward_at, last_error, last_error_at)
            VALUES (1, ?, ?, ?, ?)""";

    /** What waits: closed runs after the cursor, and when the oldest of them ended. */
    record Waiting(long runs, Instant oldest) {}

    /** The row of forward_state (zeros and nulls before the first forward). */
    record State(long forwardedThrough, Instant lastForwardAt, String lastError, Instant lastErrorAt) {}

    private final Connection c;

    /** On a connection of its own, in auto-commit: each read and each cursor write is its own short transaction. */
    LocalBacklog(Connection c) throws SQLException {
        this.c = c;
        c.setAutoCommit(true);
    }

    /** The connection itself, for the forwarder's other reads of the local file (the alarms). */
    Connection connection() {
        return c;
    }

    State state() throws SQLException {
        try (PreparedStatement s = c.prepareStatement(STATE);
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return new State(0, null, null, null);
            }
            return new State(
                    rs.getLong(1),
                    Rows.instant(rs, "last_forward_at"),
                    rs.getString(3),
                    Rows.instant(rs, "last_error_at"));
        }
    }

    Waiting waiting(long after) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(WAITING)) {
            s.setLong(1, after);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Timestamp oldest = rs.getTimestamp(2);
                return new Waiting(rs.getLong(1), oldest == null ? null : oldest.toInstant());
            }
        }
    }

    /** What {@code benchline sync status} shows, read from the file alone. */
    SyncStatus status() throws SQLException {
        State st = state();
        Waiting w = waiting(st.forwardedThrough());
        return new SyncStatus(w.runs(), w.oldest(), st.lastForwardAt(), st.lastError(), st.lastErrorAt());
    }

    /** Up to max closed runs after the cursor, in local id order, stopping before the first run still open. */
    List<ClosedRun> next(long after, int max) throws SQLException {
        List<ClosedRun> runs = new ArrayList<>();
        Map<Long, Integer> index = new HashMap<>();
        List<List<StepRecord>> stepsOf = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(RUNS)) {
            s.setLong(1, after);
            s.setInt(2, max);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String verdict = rs.getString("verdict");
                    if (verdict == null) {
                        break; // still open: everything after it waits until it is closed
                    }
                    long id = rs.getLong("id");
                    String station = rs.getString("station");
                    Instant startedAt = Rows.instant(rs, "started_at");
                    String lineId = rs.getString("line_id");
                    List<StepRecord> steps = new ArrayList<>();
                    index.put(id, runs.size());
                    stepsOf.add(steps);
                    runs.add(new ClosedRun(
                            id,
                            lineId != null ? lineId : ClosedRun.legacyLineId(station, id, startedAt),
                            new RunStart(
                                    rs.getString("serial"),
                                    rs.getString("batch"),
                                    rs.getString("batch_product"),
                                    station,
                                    rs.getString("operator"),
                                    rs.getString("fixture"),
                                    rs.getString("plan_name"),
                                    rs.getString("plan_version"),
                                    rs.getString("plan_sha256"),
                                    rs.getString("firmware_sha256"),
                                    rs.getString("software_version"),
                                    (Integer) rs.getObject("position"),
                                    rs.getString("panel_label")),
                            startedAt,
                            new RunEnd(
                                    Verdict.valueOf(verdict.trim()),
                                    rs.getString("failed_step"),
                                    rs.getString("hint"),
                                    rs.getString("message")),
                            Rows.instant(rs, "ended_at"),
                            rs.getString("uid"),
                            rs.getString("board_product"),
                            Rows.instant(rs, "first_seen"),
                            Rows.instant(rs, "created_at"),
                            steps));
                }
            }
        }
        if (runs.isEmpty()) {
            return runs;
        }
        long first = runs.get(0).localId();
        long last = runs.get(runs.size() - 1).localId();
        Map<Long, List<MeasurementRecord>> readings = readings(first, last);
        // steps are records (immutable): built once their measurements are known
        try (PreparedStatement s = c.prepareStatement(STEPS)) {
            s.setLong(1, first);
            s.setLong(2, last);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Integer at = index.get(rs.getLong("run_id"));
                    if (at == null) {
                        continue;
                    }
                    List<MeasurementRecord> ms = readings.getOrDefault(rs.getLong("id"), List.of());
                    stepsOf.get(at)
                            .add(new StepRecord(
                                    rs.getInt("seq"),
                                    rs.getString("name"),
                                    rs.getString("kind"),
                                    Rows.instant(rs, "started_at"),
                                    Rows.instant(rs, "ended_at"),
                                    Rows.verdict(rs, "verdict"),
                                    rs.getString("message"),
                                    ms));
                }
            }
        }
        return runs;
    }

    private Map<Long, List<MeasurementRecord>> readings(long first, long last) throws SQLException {
        Map<Long, List<MeasurementRecord>> byStep = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(MEASUREMENTS)) {
            s.setLong(1, first);
            s.setLong(2, last);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byStep.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new MeasurementRecord(
                                    rs.getString(2),
                                    Rows.nullableDouble(rs, "reading"),
                                    rs.getString(4),
                                    Rows.nullableDouble(rs, "low"),
                                    Rows.nullableDouble(rs, "high"),
                                    Rows.verdict(rs, "verdict"),
                                    rs.getString(8) == null
                                            ? null
                                            : new InstrumentIdentity(
                                                    rs.getString(8),
                                                    rs.getString(9),
                                                    rs.getString(10),
                                                    rs.getString(11)),
                                    rs.getBoolean(12)));
                }
            }
        }
        return byStep;
    }

    /** Runs up to and including through are in the central database. Not synced: forwarding again is harmless. */
    void advance(long through, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ADVANCE)) {
            s.setLong(1, through);
            s.setTimestamp(2, Timestamp.from(at));
            if (s.executeUpdate() == 1) {
                return;
            }
        }
        first(through, at, null, null);
    }

    void failed(String error, Instant at) throws SQLException {
        String line = error.length() > 1000 ? error.substring(0, 1000) : error;
        try (PreparedStatement s = c.prepareStatement(FAILED)) {
            s.setString(1, line);
            s.setTimestamp(2, Timestamp.from(at));
            if (s.executeUpdate() == 1) {
                return;
            }
        }
        first(0, null, line, at);
    }

    void clearError() throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CLEAR)) {
            s.executeUpdate();
        }
    }

    private void first(long through, Instant forwardAt, String error, Instant errorAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FIRST)) {
            s.setLong(1, through);
            setTimestamp(s, 2, forwardAt);
            if (error == null) {
                s.setNull(3, Types.VARCHAR);
            } else {
                s.setString(3, error);
            }
            setTimestamp(s, 4, errorAt);
            s.executeUpdate();
        }
    }

    private static void setTimestamp(PreparedStatement s, int i, Instant at) throws SQLException {
        if (at == null) {
            s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setTimestamp(i, Timestamp.from(at));
        }
    }

    void close() {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the file stays as the last commit left it
        }
    }
}
