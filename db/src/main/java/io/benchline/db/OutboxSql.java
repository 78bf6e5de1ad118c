package io.benchline.db;

/** The SQL of the CFX outbox (see {@code V7__cfx_outbox.sql}). Portable SQL (H2 and PostgreSQL). */
final class OutboxSql {
    private OutboxSql() {}

    static final String INSERT = """
            INSERT INTO cfx_outbox (unique_id, source, run_id, message_name, subject, body, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    static final String RUN_START = """
            SELECT b.serial, ba.name, b.product, r.station, r.operator, r.fixture, r.plan_name, r.plan_version,
                   r.plan_sha256, r.firmware_sha256, r.software_version, r.started_at
            FROM run r JOIN board b ON b.id = r.board_id JOIN batch ba ON ba.id = r.batch_id
            WHERE r.id = ?""";

    static final String STEPS =
            "SELECT id, seq, name, kind, started_at, ended_at, verdict, message FROM step WHERE run_id = ? ORDER BY seq, id";

    static final String MEASUREMENTS =
            "SELECT step_id, name, reading, unit, low, high, verdict FROM measurement WHERE run_id = ? ORDER BY id";

    static final String WAITING = """
            SELECT id, unique_id, message_name, subject, body, created_at FROM cfx_outbox
            WHERE source = :source AND sent_at IS NULL ORDER BY id LIMIT :limit""";

    static final String MARK_SENT = "UPDATE cfx_outbox SET sent_at = :at WHERE id = :id";

    static final String COUNTS = """
            SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM cfx_outbox WHERE sent_at IS NULL""";

    static final String SENT_COUNT =
            "SELECT COUNT(*) AS n, MAX(sent_at) AS latest FROM cfx_outbox WHERE sent_at IS NOT NULL";

    static final String PUBLISHER = "SELECT last_sent_at, last_error, last_error_at FROM cfx_publisher WHERE id = 1";

    static final String PUBLISHER_SENT = "UPDATE cfx_publisher SET last_sent_at = :at, last_error = NULL WHERE id = 1";

    static final String PUBLISHER_ERROR =
            "UPDATE cfx_publisher SET last_error = :error, last_error_at = :at WHERE id = 1";

    static final String NAMED = """
            SELECT id, unique_id, message_name, subject, body, created_at FROM cfx_outbox
            WHERE source = :source AND message_name IN (<names>) ORDER BY id""";

    /** The last id of a prune's next slice (2000 rows): the store's writers never wait behind one long delete. */
    static final String PRUNE_SLICE_END = """
            SELECT MAX(id) FROM (
                SELECT id FROM cfx_outbox
                WHERE source = :source AND sent_at < :before AND message_name NOT IN (<keep>)
                ORDER BY id LIMIT 2000) slice""";

    static final String PRUNE_SENT = """
            DELETE FROM cfx_outbox
            WHERE source = :source AND sent_at < :before AND message_name NOT IN (<keep>) AND id <= :upto""";

    static final String ALL = """
            SELECT id, unique_id, message_name, subject, body, created_at FROM cfx_outbox ORDER BY id""";
}
