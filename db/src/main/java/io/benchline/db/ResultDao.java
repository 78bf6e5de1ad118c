package io.benchline.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SQL behind {@link ResultStore}: every statement that writes results. */
interface ResultDao {
    @SqlQuery("SELECT id FROM batch WHERE name = :name")
    Optional<Long> batchId(@Bind("name") String name);

    @SqlUpdate("INSERT INTO batch (name, product, created_at) VALUES (:name, :product, :at)")
    @GetGeneratedKeys("id")
    long insertBatch(@Bind("name") String name, @Bind("product") String product, @Bind("at") Instant at);

    @SqlQuery("SELECT id FROM board WHERE serial = :serial")
    Optional<Long> boardId(@Bind("serial") String serial);

    @SqlUpdate("INSERT INTO board (serial, product, first_seen) VALUES (:serial, :product, :at)")
    @GetGeneratedKeys("id")
    long insertBoard(@Bind("serial") String serial, @Bind("product") String product, @Bind("at") Instant at);

    @SqlUpdate("""
            INSERT INTO run (board_id, batch_id, station, operator, fixture, plan_name, plan_version, plan_sha256,
                             firmware_sha256, software_version, started_at)
            VALUES (:boardId, :batchId, :s.station, :s.operator, :s.fixture, :s.planName, :s.planVersion,
                    :s.planSha256, :s.firmwareSha256, :s.softwareVersion, :at)""")
    @GetGeneratedKeys("id")
    long insertRun(@Bind("boardId") long boardId, @Bind("batchId") long batchId, @BindMethods("s") RunStart start,
            @Bind("at") Instant at);

    @SqlUpdate("""
            INSERT INTO step (run_id, seq, name, kind, started_at, ended_at, verdict, message)
            VALUES (:runId, :s.seq, :s.name, :s.kind, :s.startedAt, :s.endedAt, :verdict, :s.message)""")
    @GetGeneratedKeys("id")
    long insertStep(@Bind("runId") long runId, @BindMethods("s") StepRecord step, @Bind("verdict") String verdict);

    @SqlBatch("""
            INSERT INTO measurement (step_id, run_id, name, reading, unit, low, high, verdict)
            VALUES (:stepId, :runId, :m.name, :m.reading, :m.unit, :m.low, :m.high, :verdict)""")
    void insertMeasurements(@Bind("stepId") long stepId, @Bind("runId") long runId,
            @BindMethods("m") Iterable<MeasurementRecord> measurements, @Bind("verdict") Iterable<String> verdicts);

    @SqlUpdate("UPDATE board SET uid = :uid WHERE id = (SELECT board_id FROM run WHERE id = :runId)")
    void bindBoardUid(@Bind("runId") long runId, @Bind("uid") String uid);

    @SqlUpdate("UPDATE run SET uid = :uid WHERE id = :runId")
    void bindRunUid(@Bind("runId") long runId, @Bind("uid") String uid);

    @SqlUpdate("""
            UPDATE run SET verdict = :verdict, ended_at = :at, failed_step = :e.failedStep, hint = :e.hint,
                           message = :e.message
            WHERE id = :runId AND verdict IS NULL""")
    int endRun(@Bind("runId") long runId, @BindMethods("e") RunEnd end, @Bind("verdict") String verdict,
            @Bind("at") Instant at);

    @SqlQuery("SELECT id FROM run WHERE verdict IS NULL AND (CAST(:station AS VARCHAR(100)) IS NULL OR station = :station)")
    List<Long> openRuns(@Bind("station") String station);

    @SqlUpdate("""
            UPDATE run SET verdict = 'ABORTED', ended_at = :at,
                           message = 'run cut off (station stopped or crashed); closed at the next start'
            WHERE id = :runId AND verdict IS NULL""")
    int abortRun(@Bind("runId") long runId, @Bind("at") Instant at);

    @SqlQuery("SELECT name, reading, unit, low, high, verdict FROM measurement WHERE run_id = :runId ORDER BY id")
    @RegisterRowMapper(MeasurementOfRun.class)
    List<MeasurementRecord> measurementsOfRun(@Bind("runId") long runId);

    /** Reads a stored measurement back as the record the store was given. */
    final class MeasurementOfRun implements RowMapper<MeasurementRecord> {
        @Override
        public MeasurementRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new MeasurementRecord(rs.getString("name"), Rows.nullableDouble(rs, "reading"), rs.getString("unit"),
                    Rows.nullableDouble(rs, "low"), Rows.nullableDouble(rs, "high"), Rows.verdict(rs, "verdict"));
        }
    }

    @SqlQuery("SELECT batch_id FROM run WHERE id = :runId")
    long batchOfRun(@Bind("runId") long runId);

    @SqlUpdate("""
            UPDATE measurement_tally
            SET n = n + 1, s1 = s1 + (:x - ref), s2 = s2 + (:x - ref) * (:x - ref),
                min_reading = LEAST(min_reading, :x), max_reading = GREATEST(max_reading, :x)
            WHERE batch_id = :batchId AND name = :m.name AND unit = :m.unit AND limits_key = :key AND bin = :bin""")
    int tally(@Bind("batchId") long batchId, @BindMethods("m") MeasurementRecord m, @Bind("x") double x,
            @Bind("key") String limitsKey, @Bind("bin") int bin);

    @SqlUpdate("""
            INSERT INTO measurement_tally (batch_id, name, unit, limits_key, low, high, bin, n, ref, s1, s2, min_reading, max_reading)
            VALUES (:batchId, :m.name, :m.unit, :key, :m.low, :m.high, :bin, 1, :x, 0, 0, :x, :x)""")
    void firstTally(@Bind("batchId") long batchId, @BindMethods("m") MeasurementRecord m, @Bind("x") double x,
            @Bind("key") String limitsKey, @Bind("bin") int bin);
}
