package io.benchline.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Golden-board checks (migration V13, docs/golden.md). The check's runs are ordinary runs stored
 * by {@link ResultStore} in a batch of their own ({@link #batchFor}), so batch reports, yields
 * and tallies of production batches never see them; this stores the check's summary, once, when
 * it ends, forced to the disk before anyone is told.
 */
public final class GoldenChecks {
    /** Golden runs go to the batch named this prefix and the plan's name; a production batch may not start with it. */
    public static final String BATCH_PREFIX = "golden:";

    private static final RowMapper<GoldenCheckRow> ROW = (rs, ctx) -> new GoldenCheckRow(
            rs.getLong("id"),
            rs.getString("station"),
            rs.getString("plan_name"),
            rs.getString("fixture"),
            rs.getString("serial"),
            rs.getInt("repeat_count"),
            rs.getInt("runs_done"),
            Rows.verdict(rs, "verdict"),
            rs.getString("reason"),
            Rows.instant(rs, "started_at"),
            Rows.instant(rs, "ended_at"));

    private static final RowMapper<GoldenFigure> FIGURE = (rs, ctx) -> new GoldenFigure(
            rs.getString("name"),
            rs.getString("unit"),
            Rows.nullableDouble(rs, "low"),
            Rows.nullableDouble(rs, "high"),
            rs.getInt("n"),
            rs.getDouble("mean"),
            rs.getDouble("sigma"),
            Rows.nullableDouble(rs, "tolerance_pct"),
            rs.getString("rating"),
            Rows.nullableDouble(rs, "guard_low"),
            Rows.nullableDouble(rs, "guard_high"));

    private final Jdbi jdbi;
    private final DurableSync sync;

    GoldenChecks(Jdbi jdbi, DurableSync sync) {
        this.jdbi = jdbi;
        this.sync = sync;
    }

    public static String batchFor(String planName) {
        return BATCH_PREFIX + planName;
    }

    public static boolean isGoldenBatch(String batch) {
        return batch != null && batch.startsWith(BATCH_PREFIX);
    }

    /** Stores a check with its runs and figures in one transaction, on the disk when this returns; its id. */
    public long store(GoldenCheckRecord c) {
        return jdbi.withHandle(h -> {
            long id = h.inTransaction(t -> insert(t, c));
            sync.afterVerdict(h.getConnection());
            return id;
        });
    }

    private static long insert(Handle h, GoldenCheckRecord c) {
        long id = h.createUpdate("""
                        INSERT INTO golden_check (station, plan_name, plan_version, fixture, serial, repeat_count,
                            runs_done, guard_k, verdict, reason, operator, started_at, ended_at)
                        VALUES (:station, :plan, :version, :fixture, :serial, :repeat, :done, :k, :verdict, :reason,
                            :operator, :started, :ended)""")
                .bind("station", c.station())
                .bind("plan", c.planName())
                .bind("version", c.planVersion())
                .bind("fixture", c.fixture())
                .bind("serial", c.serial())
                .bind("repeat", c.repeat())
                .bind("done", c.runsDone())
                .bind("k", c.guardK())
                .bind("verdict", c.verdict().name())
                .bind("reason", c.reason())
                .bind("operator", c.operator())
                .bind("started", Timestamp.from(c.startedAt()))
                .bind("ended", Timestamp.from(c.endedAt()))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        var runs = h.prepareBatch("INSERT INTO golden_check_run (check_id, run_id) VALUES (:check, :run)");
        for (long run : c.runIds()) {
            runs.bind("check", id).bind("run", run).add();
        }
        if (!c.runIds().isEmpty()) {
            runs.execute();
        }
        var figures = h.prepareBatch("""
                INSERT INTO golden_check_figure (check_id, name, unit, low, high, n, mean, sigma, tolerance_pct,
                    rating, guard_low, guard_high)
                VALUES (:check, :name, :unit, :low, :high, :n, :mean, :sigma, :pct, :rating, :guardLow, :guardHigh)""");
        for (GoldenFigure f : c.figures()) {
            figures.bind("check", id)
                    .bind("name", f.name())
                    .bind("unit", f.unit())
                    .bind("low", f.low())
                    .bind("high", f.high())
                    .bind("n", f.n())
                    .bind("mean", f.mean())
                    .bind("sigma", f.sigma())
                    .bind("pct", f.tolerancePct())
                    .bind("rating", f.rating())
                    .bind("guardLow", f.guardLow())
                    .bind("guardHigh", f.guardHigh())
                    .add();
        }
        if (!c.figures().isEmpty()) {
            figures.execute();
        }
        return id;
    }

    /**
     * The latest passing check at the station for the plan that ended at or after since with at
     * least minRuns runs: what a shift's golden requirement asks for.
     */
    public Optional<GoldenCheckRow> lastPassed(String station, String planName, Instant since, int minRuns) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM golden_check
                        WHERE station = :station AND plan_name = :plan AND verdict = 'PASS' AND ended_at >= :since
                            AND runs_done >= :min
                        ORDER BY ended_at DESC, id DESC""")
                .bind("station", station)
                .bind("plan", planName)
                .bind("since", Timestamp.from(since))
                .bind("min", minRuns)
                .map(ROW)
                .findFirst());
    }

    /** The station's checks, newest first. */
    public List<GoldenCheckRow> checks(String station) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM golden_check WHERE station = :station ORDER BY ended_at DESC, id DESC")
                .bind("station", station)
                .map(ROW)
                .list());
    }

    /** A check's figures, by measurement name. */
    public List<GoldenFigure> figures(long checkId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT * FROM golden_check_figure WHERE check_id = :id ORDER BY name, unit")
                        .bind("id", checkId)
                        .map(FIGURE)
                        .list());
    }

    /** The runs a check made, in the order they ran. */
    public List<Long> runIds(long checkId) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT run_id FROM golden_check_run WHERE check_id = :id ORDER BY run_id")
                        .bind("id", checkId)
                        .mapTo(Long.class)
                        .list());
    }
}
