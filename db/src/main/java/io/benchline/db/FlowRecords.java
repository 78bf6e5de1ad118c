package io.benchline.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The production flow's records (migration V5): quarantined boards and what engineers did. Rows
 * are added, and a quarantine is closed once by its release; nothing is deleted. Each call is one
 * transaction, committed before it returns.
 */
public final class FlowRecords {
    private static final RowMapper<Quarantine> QUARANTINE = (rs, ctx) -> new Quarantine(
            rs.getLong("id"),
            rs.getString("serial"),
            Rows.instant(rs, "since"),
            rs.getString("station"),
            rs.getString("reason"),
            Rows.instant(rs, "released_at"),
            rs.getString("released_by"),
            rs.getString("release_reason"));

    private static final RowMapper<EngineerAction> ACTION = (rs, ctx) -> new EngineerAction(
            Rows.instant(rs, "at"),
            rs.getString("author"),
            rs.getString("action"),
            rs.getString("serial"),
            rs.getString("station"),
            rs.getString("reason"),
            rs.getString("detail"));

    private final Jdbi jdbi;

    FlowRecords(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The board's quarantine still open, if any. */
    public Optional<Quarantine> openQuarantine(String serial) {
        return jdbi.withHandle(h -> open(h, serial));
    }

    /** Every quarantine of the board, oldest first. */
    public List<Quarantine> quarantines(String serial) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM quarantine WHERE serial = :serial ORDER BY since, id")
                .bind("serial", serial)
                .map(QUARANTINE)
                .list());
    }

    /**
     * How many runs of the board ended FAIL since its last release (since its first run if never
     * released): the count a retest limit is judged on.
     */
    public int failsSinceRelease(String serial) {
        return jdbi.withHandle(h -> {
            Optional<Instant> released = h.createQuery("SELECT MAX(released_at) FROM quarantine WHERE serial = :serial")
                    .bind("serial", serial)
                    .mapTo(Timestamp.class)
                    .findOne()
                    .map(Timestamp::toInstant);
            return h.createQuery("SELECT COUNT(*) FROM run r JOIN board b ON b.id = r.board_id"
                            + " WHERE b.serial = :serial AND r.verdict = 'FAIL' AND r.started_at > :after")
                    .bind("serial", serial)
                    .bind("after", Timestamp.from(released.orElse(Instant.EPOCH)))
                    .mapTo(Long.class)
                    .one()
                    .intValue();
        });
    }

    /** Quarantines the board unless it already is; returns its open quarantine either way. */
    public Quarantine quarantine(String serial, String station, String reason, Instant at) {
        return jdbi.inTransaction(h -> {
            Optional<Quarantine> open = open(h, serial);
            if (open.isPresent()) {
                return open.get();
            }
            h.createUpdate("INSERT INTO quarantine (serial, since, station, reason) VALUES (:serial, :at, :station,"
                            + " :reason)")
                    .bind("serial", serial)
                    .bind("at", Timestamp.from(at))
                    .bind("station", station)
                    .bind("reason", reason)
                    .execute();
            return open(h, serial).orElseThrow();
        });
    }

    /**
     * Closes the board's open quarantine with who, when and why, and records the release as the
     * engineer's action, in one transaction. Empty when the board was not quarantined (nothing is stored).
     */
    public Optional<Quarantine> release(String serial, String station, String engineer, String reason, Instant at) {
        return jdbi.inTransaction(h -> {
            Optional<Quarantine> open = open(h, serial);
            if (open.isEmpty()) {
                return Optional.<Quarantine>empty();
            }
            h.createUpdate("UPDATE quarantine SET released_at = :at, released_by = :by, release_reason = :reason"
                            + " WHERE id = :id AND released_at IS NULL")
                    .bind("at", Timestamp.from(at))
                    .bind("by", engineer)
                    .bind("reason", reason)
                    .bind("id", open.get().id())
                    .execute();
            insert(
                    h,
                    new EngineerAction(
                            at,
                            engineer,
                            EngineerAction.RELEASE,
                            serial,
                            station,
                            reason,
                            "quarantined since " + open.get().since() + ": "
                                    + open.get().reason()));
            return Optional.of(new Quarantine(
                    open.get().id(),
                    serial,
                    open.get().since(),
                    open.get().station(),
                    open.get().reason(),
                    at,
                    engineer,
                    reason));
        });
    }

    public void record(EngineerAction action) {
        jdbi.useTransaction(h -> insert(h, action));
    }

    /** The board's engineer actions, oldest first. */
    public List<EngineerAction> actions(String serial) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT * FROM engineer_action WHERE serial = :serial ORDER BY at, id")
                        .bind("serial", serial)
                        .map(ACTION)
                        .list());
    }

    /** The station's engineer actions, oldest first (a calibration override concerns no board). */
    public List<EngineerAction> actionsAt(String station) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT * FROM engineer_action WHERE station = :station ORDER BY at, id")
                        .bind("station", station)
                        .map(ACTION)
                        .list());
    }

    /**
     * The PINs refused for a name since its last accepted action, at or after {@code since},
     * oldest first: what a lockout is judged on, across processes and stations sharing the database.
     */
    public List<Instant> refusalsSince(String author, Instant since) {
        return jdbi.withHandle(h -> {
            Instant from = h.createQuery(
                            "SELECT MAX(at) FROM engineer_action WHERE author = :author" + " AND action <> :refused")
                    .bind("author", author)
                    .bind("refused", EngineerAction.PIN_REFUSED)
                    .mapTo(Timestamp.class)
                    .findOne()
                    .map(Timestamp::toInstant)
                    .filter(t -> t.isAfter(since))
                    .orElse(since);
            return h.createQuery("SELECT at FROM engineer_action WHERE author = :author AND action = :refused"
                            + " AND at >= :from ORDER BY at")
                    .bind("author", author)
                    .bind("refused", EngineerAction.PIN_REFUSED)
                    .bind("from", Timestamp.from(from))
                    .mapTo(Timestamp.class)
                    .map(Timestamp::toInstant)
                    .list();
        });
    }

    private static Optional<Quarantine> open(Handle h, String serial) {
        return h.createQuery("SELECT * FROM quarantine WHERE serial = :serial AND released_at IS NULL ORDER BY id")
                .bind("serial", serial)
                .map(QUARANTINE)
                .findFirst();
    }

    private static void insert(Handle h, EngineerAction a) {
        h.createUpdate("INSERT INTO engineer_action (at, author, action, serial, station, reason, detail)"
                        + " VALUES (:at, :author, :action, :serial, :station, :reason, :detail)")
                .bind("at", Timestamp.from(a.at()))
                .bind("author", a.author())
                .bind("action", a.action())
                .bind("serial", a.serial())
                .bind("station", a.station())
                .bind("reason", a.reason())
                .bind("detail", a.detail())
                .execute();
    }
}
