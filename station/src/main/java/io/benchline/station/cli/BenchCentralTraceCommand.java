package io.benchline.station.cli;

import io.benchline.db.CentralSchema;
import io.benchline.db.Database;
import io.benchline.db.RunDetail;
import io.benchline.station.benchmark.CentralBenchData;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "central-trace",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark: trace by serial (every run with steps and measurements) in a central PostgreSQL of",
            "--boards boards. Migrates the database and generates the boards on the server first when they are",
            "missing: give it a throw-away database (docs/benchmarks.md)."
        })
final class BenchCentralTraceCommand implements Callable<Integer> {
    @Mixin
    CentralOption central;

    @Option(
            names = "--boards",
            defaultValue = "1000000",
            description = "Boards in the database, in batches of 100 000 (default: ${DEFAULT-VALUE}).")
    int boards;

    @Option(
            names = "--lookups",
            defaultValue = "10000",
            description = "Timed lookups of random serials (default: ${DEFAULT-VALUE}).")
    int lookups;

    @Override
    public Integer call() {
        String url = central.url();
        CentralSchema.migrate(url);
        try (Database database = Database.open(url)) {
            CentralBenchData.ensure(database, boards, System.out);
            Random random = new Random(7);
            long runs = 0;
            for (int i = 0; i < 2000; i++) {
                runs += database.trace().board(randomSerial(random)).size();
            }
            double[] ms = new double[lookups];
            for (int i = 0; i < lookups; i++) {
                String serial = randomSerial(random);
                long t0 = System.nanoTime();
                List<RunDetail> trace = database.trace().board(serial);
                ms[i] = (System.nanoTime() - t0) / 1e6;
                if (trace.isEmpty()) {
                    throw new IllegalStateException("no runs for " + serial);
                }
                runs += trace.size();
            }
            Arrays.sort(ms);
            System.out.printf(
                    Locale.ROOT,
                    "central trace by serial in %d boards: p50 %.2f ms, p99 %.2f ms, max %.2f ms "
                            + "(%d lookups of random serials after 2000 warm-up ones, %d runs read, PostgreSQL)%n",
                    boards,
                    ms[lookups / 2],
                    ms[(int) Math.floor(lookups * 0.99)],
                    ms[lookups - 1],
                    lookups,
                    runs);
        }
        return ExitCodes.OK;
    }

    private int boardsIn(int batch) {
        return Math.min(CentralBenchData.PER_BATCH, boards - (batch - 1) * CentralBenchData.PER_BATCH);
    }

    private String randomSerial(Random random) {
        int batch = 1 + random.nextInt(CentralBenchData.batches(boards));
        return CentralBenchData.serial(batch, 1 + random.nextInt(boardsIn(batch)));
    }
}
