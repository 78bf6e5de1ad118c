package io.benchline.station.cli;

import io.benchline.db.CentralSchema;
import io.benchline.db.Database;
import io.benchline.reports.BatchReport;
import io.benchline.reports.BatchReports;
import io.benchline.reports.ReportHtml;
import io.benchline.reports.ReportJson;
import io.benchline.station.benchmark.CentralBenchData;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "central-report",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark: the yield report (as `report --json` computes it) of a 100 000-board batch in a central",
            "PostgreSQL of --boards boards, warm. Migrates the database and generates the boards on the server",
            "first when they are missing: give it a throw-away database (docs/benchmarks.md)."
        })
final class BenchCentralReportCommand implements Callable<Integer> {
    @Mixin
    CentralOption central;

    @Option(
            names = "--boards",
            defaultValue = "1000000",
            description = "Boards in the database, in batches of 100 000 (default: ${DEFAULT-VALUE}).")
    int boards;

    @Option(
            names = "--repeat",
            defaultValue = "10",
            description = "Timed reports after 3 warm-up ones (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public Integer call() {
        String url = central.url();
        CentralSchema.migrate(url);
        try (Database database = Database.open(url)) {
            CentralBenchData.ensure(database, boards, System.out);
            String batch = CentralBenchData.batch(1);
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
                    "central report --json of batch %s: %d boards, %d runs, %d measurements tallied: "
                            + "min %.0f ms, median %.0f ms, max %.0f ms (%d warm runs, PostgreSQL)%n",
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
