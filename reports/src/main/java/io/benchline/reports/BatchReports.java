package io.benchline.reports;

import io.benchline.db.BatchQueries;
import io.benchline.db.BatchRuns;
import io.benchline.db.BatchSummary;
import io.benchline.reports.spc.ControlCharts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Batch reports from what the database's batch queries read: yield, failures, time series, statistics. */
public final class BatchReports {
    private final BatchQueries queries;

    public BatchReports(BatchQueries queries) {
        this.queries = queries;
    }

    /** Yield, failures and time series; what the demo summary and the run API show. */
    public YieldReport yield(String batch) {
        return YieldCalculator.compute(
                batch, queries.batch(batch).map(b -> queries.runs(b.id())).orElse(List.of()));
    }

    /** The whole report, or empty when no such batch exists. */
    public Optional<BatchReport> report(String batch) {
        return queries.batch(batch).map(b -> {
            BatchRuns runs = queries.read(b.id());
            List<MeasurementStats> stats =
                    MeasurementTallies.stats(queries.tallies(b.id()), runs.powerFailedReadings());
            return new BatchReport(
                    batch,
                    b.product(),
                    YieldCalculator.compute(batch, runs.runs()),
                    stats,
                    Instant.now(),
                    queries.stations(b.id()),
                    ControlCharts.of(
                            queries.chartRuns(runs.runs(), ControlCharts.HEAD_RUNS, ControlCharts.TAIL_RUNS),
                            charted(stats)));
        });
    }

    /** The measurements a control chart is drawn for: continuous, with a limit (those that have a Cpk). */
    private static List<String> charted(List<MeasurementStats> stats) {
        return stats.stream()
                .filter(s -> s.continuous() && (s.low() != null || s.high() != null))
                .map(MeasurementStats::name)
                .distinct()
                .toList();
    }

    /** Writes the report's tidy CSV tables into dir (see {@link ReportCsv}). */
    public List<Path> writeCsv(BatchReport report, Path dir, String prefix) throws IOException {
        return ReportCsv.write(queries, report, dir, prefix);
    }

    public List<BatchSummary> batches() {
        return queries.batches();
    }
}
