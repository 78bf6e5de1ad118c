package io.benchline.db;

/**
 * The SQL behind {@link ResultStore}: every statement that writes results, prepared once on the
 * store's connection. Portable SQL (H2 and PostgreSQL).
 */
final class ResultDao {
    private ResultDao() {}

    static final String BATCH_ID = "SELECT id FROM batch WHERE name = ?";

    static final String INSERT_BATCH = "INSERT INTO batch (name, product, created_at) VALUES (?, ?, ?)";

    static final String BOARD_ID = "SELECT id FROM board WHERE serial = ?";

    static final String INSERT_BOARD = "INSERT INTO board (serial, product, first_seen) VALUES (?, ?, ?)";

    static final String INSERT_RUN = """
            INSERT INTO run (board_id, batch_id, station, operator, fixture, plan_name, plan_version, plan_sha256,
                             firmware_sha256, software_version, started_at, line_id, position, panel_label)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    static final String INSERT_STEP = """
            INSERT INTO step (run_id, seq, name, kind, started_at, ended_at, verdict, message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    static final String INSERT_MEASUREMENT = """
            INSERT INTO measurement (step_id, run_id, name, reading, unit, low, high, verdict, instrument_id, marginal)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    static final String INSTRUMENT_ID =
            "SELECT id FROM instrument WHERE make = ? AND model = ? AND serial = ? AND firmware = ?";

    static final String INSERT_INSTRUMENT =
            "INSERT INTO instrument (make, model, serial, firmware, first_seen) VALUES (?, ?, ?, ?, ?)";

    static final String BIND_BOARD_UID = "UPDATE board SET uid = ? WHERE id = (SELECT board_id FROM run WHERE id = ?)";

    static final String BIND_RUN_UID = "UPDATE run SET uid = ? WHERE id = ?";

    static final String END_RUN = """
            UPDATE run SET verdict = ?, ended_at = ?, failed_step = ?, hint = ?, message = ?
            WHERE id = ? AND verdict IS NULL""";

    static final String OPEN_RUNS =
            "SELECT id FROM run WHERE verdict IS NULL AND (CAST(? AS VARCHAR(100)) IS NULL OR station = ?)";

    static final String ABORT_RUN = """
            UPDATE run SET verdict = 'ABORTED', ended_at = ?,
                           message = 'run cut off (station stopped or crashed); closed at the next start'
            WHERE id = ? AND verdict IS NULL""";

    static final String MEASUREMENTS_OF_RUN =
            "SELECT name, reading, unit, low, high, verdict, marginal FROM measurement WHERE run_id = ? ORDER BY id";

    static final String BATCH_OF_RUN = "SELECT batch_id FROM run WHERE id = ?";

    /** Parameters: the reading five times, 1 if marginal else 0, then batch, name, unit, limits key, bin. */
    static final String TALLY = """
            UPDATE measurement_tally
            SET n = n + 1, s1 = s1 + (? - ref), s2 = s2 + (? - ref) * (? - ref),
                min_reading = LEAST(min_reading, ?), max_reading = GREATEST(max_reading, ?), marginal = marginal + ?
            WHERE batch_id = ? AND name = ? AND unit = ? AND limits_key = ? AND bin = ?""";

    /** Parameters: batch, name, unit, limits key, low, high, bin, the reading three times, 1 if marginal else 0. */
    static final String FIRST_TALLY = """
            INSERT INTO measurement_tally (batch_id, name, unit, limits_key, low, high, bin, n, ref, s1, s2, min_reading, max_reading,
                                           marginal)
            VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, 0, 0, ?, ?, ?)""";
}
