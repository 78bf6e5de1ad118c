package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.station.InputError;
import io.benchline.station.benchmark.StoreBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "store",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark: concurrent positions storing runs into one station's H2 file (each step committed,",
            "each verdict committed and forced to the disk), back to back; per panel size the runs per second,",
            "step-commit and verdict latencies (p50, p99), and how much each position is slowed against one alone."
        })
final class BenchStoreCommand implements Callable<Integer> {
    @Mixin
    PanelSizes positions;

    @Option(
            names = "--runs",
            defaultValue = "400",
            description = "Timed runs per position (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--warmup",
            defaultValue = "100",
            description = "Runs per position stored first and not timed (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws Exception {
        List<Integer> sizes = positions.sizes();
        if (runs < 1 || warmup < 0) {
            throw new InputError("--runs must be at least 1 and --warmup at least 0");
        }
        Path dir = Files.createTempDirectory("benchline-bench-store");
        System.out.printf(
                Locale.ROOT,
                "%d runs per position (10 steps, 25 measurements each) after %d untimed, a fresh H2 file per size in %s (deleted after)%n",
                runs,
                warmup,
                dir);
        System.out.println(
                "positions  runs/s  per position  slowdown  step p50 ms  step p99 ms  verdict p50 ms  verdict p99 ms");
        double alone = 0;
        for (int n : sizes) {
            StoreBench.Figures f;
            try (Database db = Database.open(dir.resolve("store" + n).toString())) {
                f = StoreBench.time(db, n, warmup, runs, "STORE" + n);
            }
            Files.deleteIfExists(dir.resolve("store" + n + ".mv.db"));
            double perPosition = f.runsPerSecond() / n;
            if (alone == 0 && n == 1) {
                alone = perPosition;
            }
            System.out.printf(
                    Locale.ROOT,
                    "%9d  %6.0f  %12.0f  %8s  %11.3f  %11.3f  %14.3f  %14.3f%n",
                    n,
                    f.runsPerSecond(),
                    perPosition,
                    alone == 0 ? "-" : String.format(Locale.ROOT, "%.2f", alone / perPosition),
                    StoreBench.Figures.percentileMillis(f.stepNanos(), 0.50),
                    StoreBench.Figures.percentileMillis(f.stepNanos(), 0.99),
                    StoreBench.Figures.percentileMillis(f.verdictNanos(), 0.50),
                    StoreBench.Figures.percentileMillis(f.verdictNanos(), 0.99));
        }
        Files.deleteIfExists(dir);
        return ExitCodes.OK;
    }
}
