package io.benchline.db;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The SQL behind {@link LineQueries}: what the line page reads. Every query over runs starts from
 * {@code run_started} (V3_2), so its cost follows the runs of the window, not the database's size.
 * Golden-board checks' runs (batches named {@code golden:PLAN}, {@link GoldenChecks}) are not production: left out.
 */
interface LineDao {
    @SqlQuery("""
            SELECT name, state, batch, plan_name, software_version, backlog, oldest_waiting, last_seen
            FROM station_status ORDER BY name""")
    @RegisterRowMapper(StatusMapper.class)
    List<StationStatusRow> stations();

    /**
     * Runs since the given time by station and UTC hour (seconds since the epoch over 3600), with each
     * board's first judged run at each station marked: the judged runs are numbered apart from the
     * station problems, so an ERROR before a PASS leaves the PASS first (docs/yield.md).
     */
    @SqlQuery("""
            SELECT station, hour_no, COUNT(*) AS runs,
                   SUM(CASE WHEN verdict IN ('ERROR', 'ABORTED') THEN 1 ELSE 0 END) AS problems,
                   SUM(CASE WHEN judged = 1 AND n = 1 THEN 1 ELSE 0 END) AS tested,
                   SUM(CASE WHEN judged = 1 AND n = 1 AND verdict = 'PASS' THEN 1 ELSE 0 END) AS passed_first
            FROM (
                SELECT r.station, r.verdict, FLOOR(EXTRACT(EPOCH FROM r.started_at) / 3600) AS hour_no,
                       CASE WHEN r.verdict IN ('PASS', 'FAIL') THEN 1 ELSE 0 END AS judged,
                       ROW_NUMBER() OVER (
                           PARTITION BY r.station, r.board_id, CASE WHEN r.verdict IN ('PASS', 'FAIL') THEN 1 ELSE 0 END
                           ORDER BY r.started_at, r.id) AS n
                FROM run r WHERE r.started_at >= :since
                    AND r.batch_id NOT IN (SELECT id FROM batch WHERE name LIKE 'golden:%')
            ) w
            GROUP BY station, hour_no
            ORDER BY hour_no, station""")
    @RegisterRowMapper(CountMapper.class)
    List<LineCount> counts(@Bind("since") OffsetDateTime since);

    @SqlQuery("""
            SELECT failed_step, hint, COUNT(*) AS runs FROM run
            WHERE started_at >= :since AND verdict = 'FAIL'
                AND batch_id NOT IN (SELECT id FROM batch WHERE name LIKE 'golden:%')
            GROUP BY failed_step, hint ORDER BY runs DESC, failed_step, hint""")
    @RegisterRowMapper(FailureMapper.class)
    List<LineFailure> failures(@Bind("since") OffsetDateTime since);

    final class StatusMapper implements RowMapper<StationStatusRow> {
        @Override
        public StationStatusRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new StationStatusRow(
                    rs.getString("name"),
                    rs.getString("state"),
                    rs.getString("batch"),
                    rs.getString("plan_name"),
                    rs.getString("software_version"),
                    rs.getLong("backlog"),
                    Rows.instant(rs, "oldest_waiting"),
                    Rows.instant(rs, "last_seen"));
        }
    }

    final class CountMapper implements RowMapper<LineCount> {
        @Override
        public LineCount map(ResultSet rs, StatementContext ctx) throws SQLException {
            BigDecimal hour = rs.getBigDecimal("hour_no");
            return new LineCount(
                    rs.getString("station"),
                    Instant.ofEpochSecond(hour.longValue() * 3600),
                    rs.getLong("runs"),
                    rs.getLong("problems"),
                    rs.getLong("tested"),
                    rs.getLong("passed_first"));
        }
    }

    final class FailureMapper implements RowMapper<LineFailure> {
        @Override
        public LineFailure map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new LineFailure(rs.getString("failed_step"), rs.getString("hint"), rs.getLong("runs"));
        }
    }
}
