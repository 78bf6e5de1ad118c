package io.benchline.station.benchmark;

import io.benchline.db.BulkLoad;
import io.benchline.db.CentralSchema;
import io.benchline.db.CentralUrl;
import io.benchline.db.Database;
import io.benchline.db.LineForwarder;
import io.benchline.db.StationState;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Forwarding rate: a station's local file holding a backlog of realistic runs (the bulk plan's,
 * 10 steps and 25 readings each, written in bulk as the store would have) is drained into the
 * line's central database by a {@link LineForwarder}, timed from its start to the end of the drain.
 */
public final class ForwardBench {
    private static final Duration LIMIT = Duration.ofMinutes(30);

    private ForwardBench() {}

    public static void run(String centralUrl, int runs, Path dir, PrintStream out) {
        CentralSchema.Migration m = CentralSchema.migrate(centralUrl);
        out.printf("central database %s at schema version %s%n", CentralUrl.redact(centralUrl), m.to());
        // a batch of new boards on every run of the benchmark: the central database may hold earlier ones
        String batch =
                "FWD" + Long.toString(System.currentTimeMillis() / 1000, 36).toUpperCase(Locale.ROOT);
        try (Database local = Database.open(dir.resolve("station").toString())) {
            long t0 = System.nanoTime();
            long[] readings = new long[1];
            int boards;
            try (BulkLoad load = local.bulkLoad()) {
                boards = new BulkBoards(
                                r -> {
                                    r.steps()
                                            .forEach(s -> readings[0] +=
                                                    s.measurements().size());
                                    load.run(r.start(), r.startedAt(), r.steps(), r.end(), r.endedAt());
                                },
                                "fwd-1",
                                42)
                        .runs(batch, runs);
            }
            out.printf(
                    Locale.ROOT,
                    "local backlog: %d runs of %d boards, %d measurements, batch %s (bulk-written in %.1f s)%n",
                    runs,
                    boards,
                    readings[0],
                    batch,
                    (System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            boolean drained;
            try (LineForwarder f = LineForwarder.start(
                    local, centralUrl, new StationState("fwd-1", "idle", batch, "stm32f411-board", "bench"))) {
                drained = f.drain(LIMIT);
                if (!drained) {
                    out.println("not drained after " + LIMIT.toMinutes() + " min: " + f.status());
                }
            }
            double seconds = (System.nanoTime() - t1) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "forward: %d runs (%d boards, %d measurements) drained into PostgreSQL in %.2f s = %.0f runs/s,"
                            + " %.0f boards/s (%d runs per central transaction)%n",
                    runs,
                    boards,
                    readings[0],
                    seconds,
                    runs / seconds,
                    boards / seconds,
                    LineForwarder.maxRunsPerTransaction());
            if (!drained) {
                throw new IllegalStateException("the backlog was not drained");
            }
        }
    }
}
