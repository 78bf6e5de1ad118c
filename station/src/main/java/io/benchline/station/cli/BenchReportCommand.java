package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.reports.BatchReports;
import io.benchline.station.benchmark.BenchData;
import io.benchline.station.benchmark.ReportTiming;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark: the yield report (as `report --json` computes it) of one large batch, warm.",
            "Generates the batch in bulk first (docs/report-benchmarks.md) unless --db already holds it."
        })
final class BenchReportCommand implements Callable<Integer> {
    @Option(
            names = "--boards",
            defaultValue = "100000",
            description = "Boards in the batch (default: ${DEFAULT-VALUE}).")
    int boards;

    @Option(
            names = "--repeat",
            defaultValue = "10",
            description = "Timed reports after 3 warm-up ones (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(
            names = "--db",
            paramLabel = "PATH",
            description = "H2 file to use or create (default: a fresh temporary one).")
    Path db;

    @Override
    public Integer call() throws Exception {
        Path file = db != null
                ? db
                : Files.createTempDirectory("benchline-bench-report").resolve("bench");
        String batch = "BULK-" + boards;
        BenchData.ensure(file, batch, boards, System.out);
        // H2 hands back a cached result for a query repeated on unchanged tables: switched off, so
        // every timed report really reads the database
        try (Database database =
                Database.open("jdbc:h2:file:" + file.toAbsolutePath() + ";OPTIMIZE_REUSE_RESULTS=FALSE")) {
            ReportTiming.measure(new BatchReports(database.batches()), batch, repeat, "report", null, System.out);
        }
        return ExitCodes.OK;
    }
}
