package io.benchline.reports;

import io.benchline.db.BatchQueries;
import io.benchline.db.RunRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch report as tidy CSV tables, one per file, each loadable as it is by pandas or a spreadsheet:
 * {@code runs.csv} (one row per run), {@code measurements.csv} (one row per reading, long form), and
 * the report's own tables {@code summary.csv}, {@code failures.csv}, {@code measurement_stats.csv},
 * {@code hours.csv}. Runs and readings stream from the database, however large the batch.
 */
public final class ReportCsv {
    public static final List<String> FILES = List.of(
            "runs.csv", "measurements.csv", "summary.csv", "failures.csv", "measurement_stats.csv", "hours.csv");

    private ReportCsv() {}

    /**
     * Writes every table into {@code dir}, each file name after {@code prefix} (empty for none), and returns
     * the files written.
     */
    public static List<Path> write(BatchQueries queries, BatchReport r, Path dir, String prefix) throws IOException {
        long batchId = queries.batch(r.batch()).orElseThrow().id();
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (String name : FILES) {
            files.add(dir.resolve(prefix + name));
        }
        runs(queries, batchId, files.get(0));
        readings(queries, batchId, files.get(1));
        summary(r, files.get(2));
        failures(r.yield(), files.get(3));
        stats(r, files.get(4));
        hours(r.yield(), files.get(5));
        return files;
    }

    private static void runs(BatchQueries queries, long batchId, Path file) throws IOException {
        try (CsvWriter csv = new CsvWriter(
                file,
                "run_id",
                "serial",
                "uid",
                "batch",
                "station",
                "operator",
                "fixture",
                "plan_name",
                "plan_version",
                "plan_sha256",
                "firmware_sha256",
                "software_version",
                "started_at",
                "ended_at",
                "verdict",
                "failed_step",
                "hint",
                "message")) {
            queries.exportRuns(batchId, r -> unchecked(() -> row(csv, r)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void row(CsvWriter csv, RunRow r) throws IOException {
        csv.row(
                r.id(),
                r.serial(),
                r.uid(),
                r.batch(),
                r.station(),
                r.operator(),
                r.fixture(),
                r.planName(),
                r.planVersion(),
                r.planSha256(),
                r.firmwareSha256(),
                r.softwareVersion(),
                r.startedAt(),
                r.endedAt(),
                r.verdict(),
                r.failedStep(),
                r.hint(),
                r.message());
    }

    private static void readings(BatchQueries queries, long batchId, Path file) throws IOException {
        try (CsvWriter csv = new CsvWriter(
                file, "run_id", "serial", "step", "measurement", "reading", "unit", "low", "high", "verdict")) {
            queries.exportReadings(
                    batchId,
                    m -> unchecked(() -> csv.row(
                            m.runId(),
                            m.serial(),
                            m.step(),
                            m.name(),
                            m.reading(),
                            m.unit(),
                            m.low(),
                            m.high(),
                            m.verdict())));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void summary(BatchReport r, Path file) throws IOException {
        YieldReport y = r.yield();
        try (CsvWriter csv = new CsvWriter(
                file,
                "batch",
                "product",
                "boards",
                "runs",
                "passed_first",
                "passed_final",
                "first_pass_yield",
                "final_yield",
                "retests",
                "retest_rate",
                "error_runs",
                "aborted_runs",
                "open_runs",
                "first_run_at",
                "last_end_at",
                "boards_per_hour")) {
            csv.row(
                    r.batch(),
                    r.product(),
                    y.boards(),
                    y.runs(),
                    y.passedFirst(),
                    y.passedFinal(),
                    CsvWriter.rounded(y.firstPassYield()),
                    CsvWriter.rounded(y.finalYield()),
                    y.retests(),
                    CsvWriter.rounded(y.retestRate()),
                    y.errorRuns(),
                    y.abortedRuns(),
                    y.openRuns(),
                    y.firstRunAt(),
                    y.lastEndAt(),
                    CsvWriter.rounded(y.boardsPerHour()));
        }
    }

    private static void failures(YieldReport y, Path file) throws IOException {
        try (CsvWriter csv = new CsvWriter(file, "step", "measurement", "fail_runs", "hint")) {
            for (FailureCount f : y.failures()) {
                csv.row(f.step(), f.measurement(), f.runs(), f.hint());
            }
        }
    }

    private static void stats(BatchReport r, Path file) throws IOException {
        try (CsvWriter csv = new CsvWriter(
                file,
                "measurement",
                "unit",
                "low",
                "high",
                "n",
                "mean",
                "sigma",
                "min",
                "max",
                "continuous",
                "cpk_n",
                "cpk",
                "marginal")) {
            for (MeasurementStats s : r.measurements()) {
                csv.row(
                        s.name(),
                        s.unit(),
                        s.low(),
                        s.high(),
                        s.n(),
                        CsvWriter.rounded(s.mean()),
                        CsvWriter.rounded(s.sigma()),
                        s.min(),
                        s.max(),
                        s.continuous(),
                        s.cpkN(),
                        CsvWriter.rounded(s.cpk()),
                        s.marginal());
            }
        }
    }

    private static void hours(YieldReport y, Path file) throws IOException {
        try (CsvWriter csv = new CsvWriter(
                file, "hour", "runs", "boards_tested", "passed_first", "first_pass_yield", "station_problems")) {
            for (HourBucket h : y.hours()) {
                csv.row(
                        h.hour(),
                        h.runs(),
                        h.boardsTested(),
                        h.passedFirst(),
                        CsvWriter.rounded(h.firstPassYield()),
                        h.stationProblems());
            }
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void unchecked(IoAction a) {
        try {
            a.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
