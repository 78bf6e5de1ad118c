package io.benchline.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The SQL behind {@link BatchQueries}: what batch reports read. */
interface BatchDao {
    @SqlQuery("""
            SELECT ba.name, ba.product, ba.created_at, (SELECT COUNT(*) FROM run r WHERE r.batch_id = ba.id) AS runs
            FROM batch ba ORDER BY ba.created_at DESC, ba.name""")
    @RegisterRowMapper(SummaryMapper.class)
    List<BatchSummary> batches();

    @SqlQuery("SELECT id, name, product, created_at FROM batch WHERE name = :name")
    @RegisterRowMapper(BatchMapper.class)
    Optional<BatchRow> batch(@Bind("name") String name);

    /** The batch's runs in no particular order, without their first failing measurement. */
    @SqlQuery("""
            SELECT r.id, r.board_id, r.started_at, r.verdict, r.failed_step, r.hint, r.ended_at
            FROM run r WHERE r.batch_id = :batch""")
    @FetchSize(10_000)
    @RegisterRowMapper(RunMapper.class)
    void runs(@Bind("batch") long batchId, Consumer<BatchRun> each);

    /**
     * Every measurement of the batch's FAIL runs with its step's name and kind, in the order they were
     * stored: their first failing measurement (the Pareto) and the readings of boards that failed power-on
     * (left out of Cpk) both come from these rows, in one read.
     */
    @SqlQuery("""
            SELECT m.run_id, s.name AS step, s.kind, m.name, m.unit, m.low, m.high, m.reading, m.verdict
            FROM run r JOIN measurement m ON m.run_id = r.id JOIN step s ON s.id = m.step_id
            WHERE r.batch_id = :batch AND r.verdict = 'FAIL'
            ORDER BY m.run_id, m.id""")
    @FetchSize(10_000)
    @RegisterRowMapper(FailRunReadingMapper.class)
    void failRunReadings(@Bind("batch") long batchId, Consumer<FailRunReading> each);

    @SqlQuery("""
            SELECT name, unit, low, high, bin, n, ref, s1, s2, min_reading, max_reading, marginal
            FROM measurement_tally WHERE batch_id = :batch ORDER BY name, unit, low, high, bin""")
    @RegisterRowMapper(TallyMapper.class)
    List<MeasurementTally> tallies(@Bind("batch") long batchId);

    /** Every measurement of the batch with its run, serial and step, run by run in start order. */
    @SqlQuery("""
            SELECT m.run_id, b.serial, s.name AS step, m.name, m.reading, m.unit, m.low, m.high, m.verdict
            FROM run r JOIN board b ON b.id = r.board_id JOIN measurement m ON m.run_id = r.id
            JOIN step s ON s.id = m.step_id
            WHERE r.batch_id = :batch ORDER BY r.started_at, r.id, m.id""")
    @FetchSize(10_000)
    @RegisterRowMapper(ReadingMapper.class)
    void readings(@Bind("batch") long batchId, Consumer<BatchReading> each);

    /** The batch's runs by station, each board's first judged run at each station marked (as {@link LineDao#counts}). */
    @SqlQuery("""
            SELECT station, COUNT(*) AS runs,
                   SUM(CASE WHEN judged = 1 AND n = 1 THEN 1 ELSE 0 END) AS tested,
                   SUM(CASE WHEN judged = 1 AND n = 1 AND verdict = 'PASS' THEN 1 ELSE 0 END) AS passed_first,
                   SUM(CASE WHEN verdict IN ('ERROR', 'ABORTED') THEN 1 ELSE 0 END) AS problems
            FROM (
                SELECT r.station, r.verdict,
                       CASE WHEN r.verdict IN ('PASS', 'FAIL') THEN 1 ELSE 0 END AS judged,
                       ROW_NUMBER() OVER (
                           PARTITION BY r.station, r.board_id, CASE WHEN r.verdict IN ('PASS', 'FAIL') THEN 1 ELSE 0 END
                           ORDER BY r.started_at, r.id) AS n
                FROM run r WHERE r.batch_id = :batch
            ) w
            GROUP BY station ORDER BY station""")
    @RegisterRowMapper(StationMapper.class)
    List<BatchStation> stations(@Bind("batch") long batchId);

    /** A measurement of a FAIL run, with the name and kind of its step. */
    record FailRunReading(
            long runId,
            String step,
            String kind,
            String name,
            String unit,
            Double low,
            Double high,
            Double reading,
            Verdict verdict) {}

    final class SummaryMapper implements RowMapper<BatchSummary> {
        @Override
        public BatchSummary map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new BatchSummary(
                    rs.getString("name"), rs.getString("product"), Rows.instant(rs, "created_at"), rs.getLong("runs"));
        }
    }

    final class StationMapper implements RowMapper<BatchStation> {
        @Override
        public BatchStation map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new BatchStation(
                    rs.getString("station"),
                    rs.getLong("runs"),
                    rs.getLong("tested"),
                    rs.getLong("passed_first"),
                    rs.getLong("problems"));
        }
    }

    final class BatchMapper implements RowMapper<BatchRow> {
        @Override
        public BatchRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new BatchRow(
                    rs.getLong("id"), rs.getString("name"), rs.getString("product"), Rows.instant(rs, "created_at"));
        }
    }

    /** By column index, and the time as OffsetDateTime: H2's getTimestamp converts through the JVM's zone, several times slower. */
    final class RunMapper implements RowMapper<BatchRun> {
        @Override
        public BatchRun map(ResultSet rs, StatementContext ctx) throws SQLException {
            String v = rs.getString(4);
            OffsetDateTime ended = rs.getObject(7, OffsetDateTime.class);
            return new BatchRun(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getObject(3, OffsetDateTime.class).toInstant(),
                    ended == null ? null : ended.toInstant(),
                    v == null ? null : Verdict.valueOf(v.trim()),
                    rs.getString(5),
                    rs.getString(6),
                    null);
        }
    }

    final class FailRunReadingMapper implements RowMapper<FailRunReading> {
        @Override
        public FailRunReading map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new FailRunReading(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    Rows.nullableDouble(rs, "low"),
                    Rows.nullableDouble(rs, "high"),
                    Rows.nullableDouble(rs, "reading"),
                    Rows.verdict(rs, "verdict"));
        }
    }

    final class ReadingMapper implements RowMapper<BatchReading> {
        @Override
        public BatchReading map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new BatchReading(
                    rs.getLong("run_id"),
                    rs.getString("serial"),
                    rs.getString("step"),
                    rs.getString("name"),
                    Rows.nullableDouble(rs, "reading"),
                    rs.getString("unit"),
                    Rows.nullableDouble(rs, "low"),
                    Rows.nullableDouble(rs, "high"),
                    Rows.verdict(rs, "verdict"));
        }
    }

    final class TallyMapper implements RowMapper<MeasurementTally> {
        @Override
        public MeasurementTally map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new MeasurementTally(
                    rs.getString("name"),
                    rs.getString("unit"),
                    Rows.nullableDouble(rs, "low"),
                    Rows.nullableDouble(rs, "high"),
                    rs.getInt("bin"),
                    rs.getLong("n"),
                    rs.getDouble("ref"),
                    rs.getDouble("s1"),
                    rs.getDouble("s2"),
                    rs.getDouble("min_reading"),
                    rs.getDouble("max_reading"),
                    rs.getLong("marginal"));
        }
    }
}
