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

    /** The failing measurements of the batch's FAIL runs, in the order they were stored. */
    @SqlQuery("""
            SELECT m.run_id, m.name FROM run r JOIN measurement m ON m.run_id = r.id
            WHERE r.batch_id = :batch AND r.verdict = 'FAIL' AND m.verdict = 'FAIL'
            ORDER BY m.run_id, m.id""")
    @RegisterRowMapper(FailingMapper.class)
    void failingMeasurements(@Bind("batch") long batchId, Consumer<FailingMeasurement> each);

    @SqlQuery("""
            SELECT name, unit, low, high, bin, n, ref, s1, s2, min_reading, max_reading
            FROM measurement_tally WHERE batch_id = :batch ORDER BY name, unit, low, high, bin""")
    @RegisterRowMapper(TallyMapper.class)
    List<MeasurementTally> tallies(@Bind("batch") long batchId);

    /**
     * The judged readings of the batch's FAIL runs whose failing step powers the board or measures its
     * rails (step kinds {@code power} and {@code measure}): readings of boards that never came up.
     */
    @SqlQuery("""
            SELECT m.name, m.unit, m.low, m.high, m.reading FROM run r
            JOIN step s ON s.run_id = r.id AND s.name = r.failed_step
            JOIN measurement m ON m.run_id = r.id
            WHERE r.batch_id = :batch AND r.verdict = 'FAIL' AND s.kind IN ('power', 'measure')
              AND m.verdict IN ('PASS', 'FAIL') AND m.reading IS NOT NULL""")
    @RegisterRowMapper(ExcludedMapper.class)
    List<ExcludedReading> powerFailedReadings(@Bind("batch") long batchId);

    /** Every measurement of the batch with its run, serial and step, run by run in start order. */
    @SqlQuery("""
            SELECT m.run_id, b.serial, s.name AS step, m.name, m.reading, m.unit, m.low, m.high, m.verdict
            FROM run r JOIN board b ON b.id = r.board_id JOIN measurement m ON m.run_id = r.id
            JOIN step s ON s.id = m.step_id
            WHERE r.batch_id = :batch ORDER BY r.started_at, r.id, m.id""")
    @FetchSize(10_000)
    @RegisterRowMapper(ReadingMapper.class)
    void readings(@Bind("batch") long batchId, Consumer<BatchReading> each);

    record FailingMeasurement(long runId, String name) {
    }

    final class SummaryMapper implements RowMapper<BatchSummary> {
        @Override
        public BatchSummary map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new BatchSummary(rs.getString("name"), rs.getString("product"), Rows.instant(rs, "created_at"),
                    rs.getLong("runs"));
        }
    }

    final class BatchMapper implements RowMapper<BatchRow> {
        @Override
        public BatchRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new BatchRow(rs.getLong("id"), rs.getString("name"), rs.getString("product"),
                    Rows.instant(rs, "created_at"));
        }
    }

    /** By column index, and the time as OffsetDateTime: H2's getTimestamp converts through the JVM's zone, several times slower. */
    final class RunMapper implements RowMapper<BatchRun> {
        @Override
        public BatchRun map(ResultSet rs, StatementContext ctx) throws SQLException {
            String v = rs.getString(4);
            OffsetDateTime ended = rs.getObject(7, OffsetDateTime.class);
            return new BatchRun(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                    ended == null ? null : ended.toInstant(), v == null ? null : Verdict.valueOf(v.trim()), rs.getString(5),
                    rs.getString(6), null);
        }
    }

    final class FailingMapper implements RowMapper<FailingMeasurement> {
        @Override
        public FailingMeasurement map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new FailingMeasurement(rs.getLong(1), rs.getString(2));
        }
    }

    final class ExcludedMapper implements RowMapper<ExcludedReading> {
        @Override
        public ExcludedReading map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ExcludedReading(rs.getString("name"), rs.getString("unit"), Rows.nullableDouble(rs, "low"),
                    Rows.nullableDouble(rs, "high"), rs.getDouble("reading"));
        }
    }

    final class ReadingMapper implements RowMapper<BatchReading> {
        @Override
        public BatchReading map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new BatchReading(rs.getLong("run_id"), rs.getString("serial"), rs.getString("step"),
                    rs.getString("name"), Rows.nullableDouble(rs, "reading"), rs.getString("unit"),
                    Rows.nullableDouble(rs, "low"), Rows.nullableDouble(rs, "high"), Rows.verdict(rs, "verdict"));
        }
    }

    final class TallyMapper implements RowMapper<MeasurementTally> {
        @Override
        public MeasurementTally map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new MeasurementTally(rs.getString("name"), rs.getString("unit"), Rows.nullableDouble(rs, "low"),
                    Rows.nullableDouble(rs, "high"), rs.getInt("bin"), rs.getLong("n"), rs.getDouble("ref"),
                    rs.getDouble("s1"), rs.getDouble("s2"), rs.getDouble("min_reading"), rs.getDouble("max_reading"));
        }
    }
}
