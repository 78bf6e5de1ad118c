package io.benchline.station.cli;

import io.benchline.db.CentralSchema;
import io.benchline.db.Database;
import io.benchline.reports.BatchReports;
import io.benchline.station.benchmark.CentralBenchData;
import io.benchline.station.benchmark.ReportTiming;
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
            ReportTiming.measure(
                    new BatchReports(database.batches()), batch, repeat, "central report", "PostgreSQL", System.out);
        }
        return ExitCodes.OK;
    }
}
