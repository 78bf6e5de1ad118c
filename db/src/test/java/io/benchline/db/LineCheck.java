package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Compares what stations stored locally with what the line's central database holds. */
final class LineCheck {
    private LineCheck() {}

    /** A run as both sides must agree on it: verdict, station, board, steps, readings and marginal passes counted. */
    record Run(
            String verdict,
            String station,
            Integer position,
            String panelLabel,
            String serial,
            String uid,
            long steps,
            long readings,
            long marginal) {}

    /** A tally row: count, extremes, mean (the sums' reference may differ) and marginal passes. */
    record Tally(long n, double min, double max, double sum, long marginal) {}

    private static final String RUNS = """
            SELECT r.id, r.line_id, r.station, r.position, r.panel_label, r.started_at, r.verdict, b.serial, r.uid,
                   (SELECT COUNT(*) FROM step s WHERE s.run_id = r.id) AS steps,
                   (SELECT COUNT(*) FROM measurement m WHERE m.run_id = r.id) AS readings,
                   (SELECT COUNT(*) FROM measurement m WHERE m.run_id = r.id AND m.marginal) AS marginal
            FROM run r JOIN board b ON b.id = r.board_id WHERE r.verdict IS NOT NULL""";
    private static final String TALLIES = """
            SELECT ba.name, t.name, t.unit, t.limits_key, t.bin, t.n, t.ref, t.s1, t.min_reading, t.max_reading,
                   t.marginal
            FROM measurement_tally t JOIN batch ba ON ba.id = t.batch_id""";

    /** Every closed run of the local files by its line-wide id (legacy runs by their derived one). */
    static Map<String, Run> localRuns(List<String> localUrls) throws SQLException {
        Map<String, Run> out = new HashMap<>();
        for (String url : localUrls) {
            try (Connection c = DriverManager.getConnection(url)) {
                out.putAll(runs(c, true));
            }
        }
        return out;
    }

    static Map<String, Run> centralRuns(String centralUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(centralUrl)) {
            return runs(c, false);
        }
    }

    static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Run> runs(Connection c, boolean local) throws SQLException {
        Map<String, Run> out = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(RUNS)) {
            while (rs.next()) {
                String lineId = rs.getString("line_id");
                if (lineId == null) {
                    assertTrue(local, "a central run without a line id");
                    Instant started = rs.getTimestamp("started_at").toInstant();
                    lineId = ClosedRun.legacyLineId(rs.getString("station"), rs.getLong("id"), started);
                }
                Run run = new Run(
                        rs.getString("verdict"),
                        rs.getString("station"),
                        (Integer) rs.getObject("position"),
                        rs.getString("panel_label"),
                        rs.getString("serial"),
                        rs.getString("uid"),
                        rs.getLong("steps"),
                        rs.getLong("readings"),
                        rs.getLong("marginal"));
                assertEquals(null, out.put(lineId, run), "line id twice: " + lineId);
            }
        }
        return out;
    }

    /** The tallies of the files summed per batch name and bin, or the central database's. */
    static Map<String, Tally> tallies(List<String> urls) throws SQLException {
        Map<String, Tally> out = new TreeMap<>();
        for (String url : urls) {
            try (Connection c = DriverManager.getConnection(url);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(TALLIES)) {
                while (rs.next()) {
                    String key = rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                            + "|" + rs.getInt(5);
                    long n = rs.getLong(6);
                    Tally t = new Tally(
                            n,
                            rs.getDouble(9),
                            rs.getDouble(10),
                            n * rs.getDouble(7) + rs.getDouble(8),
                            rs.getLong(11));
                    out.merge(
                            key,
                            t,
                            (a, b) -> new Tally(
                                    a.n() + b.n(),
                                    Math.min(a.min(), b.min()),
                                    Math.max(a.max(), b.max()),
                                    a.sum() + b.sum(),
                                    a.marginal() + b.marginal()));
                }
            }
        }
        return out;
    }

    /** The central database holds every closed local run exactly once, as stored locally, and the same tallies. */
    static void assertForwarded(List<String> localUrls, String centralUrl) throws SQLException {
        Map<String, Run> local = localRuns(localUrls);
        Map<String, Run> central = centralRuns(centralUrl);
        assertEquals(local.size(), central.size(), "runs in the central database");
        assertEquals(local, central);
        Map<String, Tally> localTallies = tallies(localUrls);
        Map<String, Tally> centralTallies = tallies(List.of(centralUrl));
        assertEquals(localTallies.keySet(), centralTallies.keySet());
        for (var e : localTallies.entrySet()) {
            Tally a = e.getValue();
            Tally b = centralTallies.get(e.getKey());
            assertEquals(a.n(), b.n(), e.getKey());
            assertEquals(a.min(), b.min(), e.getKey());
            assertEquals(a.max(), b.max(), e.getKey());
            assertEquals(a.marginal(), b.marginal(), e.getKey());
            assertEquals(a.sum() / a.n(), b.sum() / b.n(), 1e-9 * Math.max(1, Math.abs(a.sum() / a.n())), e.getKey());
        }
    }
}
