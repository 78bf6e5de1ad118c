package io.benchline.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The MES route checks and result posts of docs/mes.md (tables {@code route_check} and
 * {@code mes_result_post}). Each write is its own transaction, committed before it returns: a
 * refusal is stored before the operator sees it.
 */
public final class RouteChecks {
    private static final int TEXT = 1000;

    private static final RowMapper<RouteCheck> CHECK = (rs, ctx) -> {
        long run = rs.getLong("run_id");
        Long runId = rs.wasNull() ? null : run;
        return new RouteCheck(
                rs.getLong("id"),
                rs.getString("serial"),
                rs.getString("station"),
                rs.getString("operator"),
                rs.getString("batch"),
                rs.getString("plan_name"),
                rs.getString("plan_version"),
                rs.getString("mes_url"),
                Rows.instant(rs, "asked_at"),
                rs.getLong("answered_ms"),
                RouteDecision.valueOf(rs.getString("decision").trim()),
                rs.getString("reason"),
                runId);
    };

    private static final RowMapper<ResultPost> POST = (rs, ctx) -> new ResultPost(
            rs.getLong("run_id"),
            rs.getString("url"),
            ResultPost.State.valueOf(rs.getString("state").trim()),
            rs.getInt("attempts"),
            Rows.instant(rs, "queued_at"),
            Rows.instant(rs, "last_attempt_at"),
            rs.getString("last_error"));

    private final Jdbi jdbi;

    RouteChecks(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores a route check (its runId ignored: see {@link #linkRun}) and returns its id. */
    public long record(RouteCheck c) {
        return jdbi.inTransaction(h -> h.createUpdate("""
                        INSERT INTO route_check (serial, station, operator, batch, plan_name, plan_version,
                            mes_url, asked_at, answered_ms, decision, reason)
                        VALUES (:serial, :station, :operator, :batch, :plan, :version, :url, :at, :ms, :decision, :reason)""")
                .bind("serial", c.serial())
                .bind("station", c.station())
                .bind("operator", c.operator())
                .bind("batch", c.batch())
                .bind("plan", c.planName())
                .bind("version", c.planVersion())
                .bind("url", clip(c.mesUrl(), 500))
                .bind("at", Timestamp.from(c.askedAt()))
                .bind("ms", c.answeredMs())
                .bind("decision", c.decision().name())
                .bind("reason", clip(c.reason(), TEXT))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    /** Ties an allowing check to the run it let start. */
    public void linkRun(long checkId, long runId) {
        jdbi.useTransaction(h -> h.createUpdate("UPDATE route_check SET run_id = :run WHERE id = :id")
                .bind("run", runId)
                .bind("id", checkId)
                .execute());
    }

    /** Every route check of a serial, newest first. */
    public List<RouteCheck> ofSerial(String serial) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT * FROM route_check WHERE serial = :serial ORDER BY asked_at DESC, id DESC")
                        .bind("serial", serial)
                        .map(CHECK)
                        .list());
    }

    /** Notes that a run's result is to be posted to the MES at url; a run queued before stays as it is. */
    public void queueResultPost(long runId, String url, Instant at) {
        jdbi.useTransaction(h -> {
            boolean known = h.createQuery("SELECT COUNT(*) FROM mes_result_post WHERE run_id = :run")
                            .bind("run", runId)
                            .mapTo(Long.class)
                            .one()
                    > 0;
            if (!known) {
                h.createUpdate("INSERT INTO mes_result_post (run_id, url, state, attempts, queued_at)"
                                + " VALUES (:run, :url, 'PENDING', 0, :at)")
                        .bind("run", runId)
                        .bind("url", clip(url, 500))
                        .bind("at", Timestamp.from(at))
                        .execute();
            }
        });
    }

    /**
     * Records one attempt to post a run's result: SENT when the MES took it; otherwise still
     * PENDING, or FAILED once this was attempt number maxAttempts. Returns the post as it now is.
     */
    public ResultPost resultPostAttempt(long runId, boolean sent, String error, int maxAttempts, Instant at) {
        return jdbi.inTransaction(h -> {
            int attempts = h.createQuery("SELECT attempts FROM mes_result_post WHERE run_id = :run")
                            .bind("run", runId)
                            .mapTo(Integer.class)
                            .one()
                    + 1;
            ResultPost.State state = sent
                    ? ResultPost.State.SENT
                    : attempts >= maxAttempts ? ResultPost.State.FAILED : ResultPost.State.PENDING;
            h.createUpdate("UPDATE mes_result_post SET attempts = :attempts, last_attempt_at = :at,"
                            + " last_error = :error, state = :state WHERE run_id = :run")
                    .bind("attempts", attempts)
                    .bind("at", Timestamp.from(at))
                    .bind("error", sent ? null : clip(error, TEXT))
                    .bind("state", state.name())
                    .bind("run", runId)
                    .execute();
            return h.createQuery("SELECT * FROM mes_result_post WHERE run_id = :run")
                    .bind("run", runId)
                    .map(POST)
                    .one();
        });
    }

    public Optional<ResultPost> resultPost(long runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM mes_result_post WHERE run_id = :run")
                .bind("run", runId)
                .map(POST)
                .findFirst());
    }

    /** Posts still to be made to this url (a station that stopped before it could make them), oldest first. */
    public List<ResultPost> pending(String url) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM mes_result_post WHERE state = 'PENDING' AND url = :url ORDER BY run_id")
                .bind("url", clip(url, 500))
                .map(POST)
                .list());
    }

    /** A finished run as the MES is told of it; empty while it is still going or when there is no such run. */
    public Optional<PostedRun> finishedRun(long runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT r.line_id, " + Rows.RUN_COLUMNS + Rows.RUN_FROM
                        + "WHERE r.id = :id AND r.verdict IS NOT NULL")
                .bind("id", runId)
                .map((rs, ctx) -> new PostedRun(
                        rs.getLong("id"),
                        rs.getString("line_id"),
                        rs.getString("serial"),
                        rs.getString("batch"),
                        rs.getString("station"),
                        rs.getString("operator"),
                        rs.getString("plan_name"),
                        rs.getString("plan_version"),
                        rs.getString("software_version"),
                        Rows.instant(rs, "started_at"),
                        Rows.instant(rs, "ended_at"),
                        Rows.verdict(rs, "verdict"),
                        rs.getString("failed_step"),
                        rs.getString("hint"),
                        rs.getString("message"),
                        rs.getString("uid")))
                .findFirst());
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
