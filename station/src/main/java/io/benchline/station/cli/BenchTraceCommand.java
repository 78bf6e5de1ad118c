package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.db.RunDetail;
import io.benchline.station.benchmark.BenchData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "trace",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark: trace by serial (every run with steps and measurements) in a large database.",
            "Generates the boards in bulk first, in batches of 100 000, unless --db already holds them."
        })
final class BenchTraceCommand implements Callable<Integer> {
    @Option(
            names = "--boards",
            defaultValue = "1000000",
            description = "Boards in the database (default: ${DEFAULT-VALUE}).")
    int boards;

    @Option(
            names = "--lookups",
            defaultValue = "10000",
            description = "Timed lookups of random serials (default: ${DEFAULT-VALUE}).")
    int lookups;

    @Option(
            names = "--db",
            paramLabel = "PATH",
            description = "H2 file to use or create (default: a fresh temporary one).")
    Path db;

    @Override
    public Integer call() throws Exception {
        Path file = db != null
                ? db
                : Files.createTempDirectory("benchline-bench-trace").resolve("bench");
        int perBatch = Math.min(boards, 100_000);
        int batches = (boards + perBatch - 1) / perBatch;
        for (int b = 1; b <= batches; b++) {
            BenchData.ensure(
                    file, String.format("LOT%02d", b), Math.min(perBatch, boards - (b - 1) * perBatch), System.out);
        }
        try (Database database =
                Database.open("jdbc:h2:file:" + file.toAbsolutePath() + ";OPTIMIZE_REUSE_RESULTS=FALSE")) {
            Random random = new Random(7);
            int runs = 0;
            for (int i = 0; i < 2000; i++) {
                runs += database.trace()
                        .board(randomSerial(random, batches, perBatch))
                        .size();
            }
            double[] ms = new double[lookups];
            for (int i = 0; i < lookups; i++) {
                String serial = randomSerial(random, batches, perBatch);
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
                    "trace by serial in %d boards: p50 %.2f ms, p99 %.2f ms, max %.2f ms "
                            + "(%d lookups of random serials after 2000 warm-up ones, %d runs read)%n",
                    boards,
                    ms[lookups / 2],
                    ms[(int) Math.floor(lookups * 0.99)],
                    ms[lookups - 1],
                    lookups,
                    runs);
        }
        return ExitCodes.OK;
    }

    private static String randomSerial(Random random, int batches, int perBatch) {
        return String.format("SN-LOT%02d-%07d", 1 + random.nextInt(batches), 1 + random.nextInt(perBatch));
    }
}
