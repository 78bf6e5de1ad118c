package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.reports.BatchReport;
import io.benchline.reports.BatchReports;
import io.benchline.reports.ReportHtml;
import io.benchline.reports.ReportJson;
import io.benchline.station.benchmark.BenchData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
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
            BatchReports queries = new BatchReports(database.batches());
            for (int i = 0; i < 3; i++) {
                ReportJson.render(queries.report(batch).orElseThrow());
            }
            double[] ms = new double[repeat];
            BatchReport last = null;
            for (int i = 0; i < repeat; i++) {
                long t0 = System.nanoTime();
                last = queries.report(batch).orElseThrow();
                ReportJson.render(last);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf(
                    Locale.ROOT,
                    "report --json of batch %s: %d boards, %d runs, %d measurements tallied: "
                            + "min %.0f ms, median %.0f ms, max %.0f ms (%d warm runs)%n",
                    batch,
                    last.yield().boards(),
                    last.yield().runs(),
                    last.measurements().stream().mapToLong(m -> m.n()).sum(),
                    ms[0],
                    ms[repeat / 2],
                    ms[repeat - 1],
                    repeat);
            long h0 = System.nanoTime();
            String html = ReportHtml.render(last);
            System.out.printf(
                    Locale.ROOT,
                    "HTML rendering with %d SVG charts: %.0f ms, %d KiB%n",
                    html.split("<svg", -1).length - 1,
                    (System.nanoTime() - h0) / 1e6,
                    html.length() / 1024);
        }
        return ExitCodes.OK;
    }
}
