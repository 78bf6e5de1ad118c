package io.benchline.db;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads what batch reports need: the list of batches, a batch's runs and its measurement tallies.
 * Kept to the run rows of the batch and the tallies, so a 100 000-board batch reads in well
 * under a second.
 */
public final class BatchQueries {
    private final Jdbi jdbi;

    BatchQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every batch, newest first, with its number of runs. */
    public List<BatchSummary> batches() {
        return jdbi.withExtension(BatchDao.class, BatchDao::batches);
    }

    public Optional<BatchRow> batch(String name) {
        return jdbi.withExtension(BatchDao.class, dao -> dao.batch(name));
    }

    /** The batch's runs, oldest first, each FAIL with its first failing measurement. */
    public List<BatchRun> runs(long batchId) {
        return read(batchId).runs();
    }

    /** The batch's runs as {@link #runs}, and the readings of its boards that failed power-on. */
    public BatchRuns read(long batchId) {
        return jdbi.withExtension(BatchDao.class, dao -> {
            Map<Long, List<BatchDao.FailRunReading>> failRuns = new HashMap<>();
            dao.failRunReadings(
                    batchId,
                    m -> failRuns.computeIfAbsent(m.runId(), k -> new ArrayList<>())
                            .add(m));
            List<BatchRun> out = new ArrayList<>();
            List<ExcludedReading> excluded = new ArrayList<>();
            dao.runs(batchId, r -> {
                List<BatchDao.FailRunReading> readings = failRuns.get(r.runId());
                if (readings == null) {
                    out.add(r);
                    return;
                }
                String failing = readings.stream()
                        .filter(m -> m.verdict() == Verdict.FAIL)
                        .findFirst()
                        .map(BatchDao.FailRunReading::name)
                        .orElse(null);
                out.add(new BatchRun(
                        r.runId(),
                        r.boardId(),
                        r.startedAt(),
                        r.endedAt(),
                        r.verdict(),
                        r.failedStep(),
                        r.hint(),
                        failing));
                if (failedPowerOn(r, readings)) {
                    for (BatchDao.FailRunReading m : readings) {
                        if (m.reading() != null && (m.verdict() == Verdict.PASS || m.verdict() == Verdict.FAIL)) {
                            excluded.add(new ExcludedReading(m.name(), m.unit(), m.low(), m.high(), m.reading()));
                        }
                    }
                }
            });
            // sorted here rather than by H2, which sorts 100 000 rows slower than it reads them; they come
            // in about this order from the batch index, which TimSort runs through in one pass
            out.sort(Comparator.comparing(BatchRun::startedAt).thenComparingLong(BatchRun::runId));
            return new BatchRuns(out, excluded);
        });
    }

    /** The run's failing step powers the board or checks a rail; told by a measurement stored in that step. */
    private static boolean failedPowerOn(BatchRun r, List<BatchDao.FailRunReading> readings) {
        return readings.stream()
                .anyMatch(m ->
                        m.step().equals(r.failedStep()) && ("power".equals(m.kind()) || "measure".equals(m.kind())));
    }

    /** Every run of the batch in start order, streamed: the runs export. */
    public void exportRuns(long batchId, Consumer<RunRow> each) {
        jdbi.useHandle(h -> h.createQuery("SELECT " + Rows.RUN_COLUMNS + Rows.RUN_FROM
                        + "WHERE r.batch_id = :batch ORDER BY r.started_at, r.id")
                .bind("batch", batchId)
                .setFetchSize(10_000)
                .map(Rows.RUN)
                .forEach(each));
    }

    /** Every measurement of the batch, run by run in start order, streamed: the measurements export. */
    public void exportReadings(long batchId, Consumer<BatchReading> each) {
        jdbi.useExtension(BatchDao.class, dao -> dao.readings(batchId, each));
    }

    /** The batch's runs, boards and first passes station by station, by station name. */
    public List<BatchStation> stations(long batchId) {
        return jdbi.withExtension(BatchDao.class, dao -> dao.stations(batchId));
    }

    /**
     * The first first and the last last closed runs (PASS, FAIL, ERROR) of runs, in their order, with
     * their readings: a batch's control charts (see {@link ChartQueries}).
     */
    public ChartRuns chartRuns(List<BatchRun> runs, int first, int last) {
        List<Long> closed = runs.stream()
                .filter(r -> r.verdict() == Verdict.PASS || r.verdict() == Verdict.FAIL || r.verdict() == Verdict.ERROR)
                .map(BatchRun::runId)
                .toList();
        List<Long> head = closed.subList(0, Math.min(first, closed.size()));
        List<Long> tail = closed.subList(Math.max(head.size(), closed.size() - last), closed.size());
        boolean gap = head.size() + tail.size() < closed.size();
        return new ChartQueries(jdbi).runs(head, gap, tail);
    }

    /** The batch's measurement tallies, by name, unit, limits and bin. */
    public List<MeasurementTally> tallies(long batchId) {
        return jdbi.withExtension(BatchDao.class, dao -> dao.tallies(batchId));
    }
}
