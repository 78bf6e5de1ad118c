package io.benchline.station.benchmark;

import io.benchline.db.CentralBulkLoad;
import io.benchline.db.Database;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;

/**
 * Makes sure a central benchmark database holds its boards: batches LOT01, LOT02, … of up to
 * 100 000 boards each, generated on the server ({@link CentralBulkLoad}) when missing.
 */
public final class CentralBenchData {
    public static final int PER_BATCH = 100_000;
    private static final Instant START = Instant.parse("2026-01-05T06:00:00Z");

    private CentralBenchData() {}

    /** The name of the n-th batch (1-based): LOT01. */
    public static String batch(int n) {
        return String.format(Locale.ROOT, "LOT%02d", n);
    }

    /** How many batches hold this many boards. */
    public static int batches(int boards) {
        return (boards + PER_BATCH - 1) / PER_BATCH;
    }

    /** A board's serial, as the generator names them: SN-LOT01-0000001. */
    public static String serial(int batch, int board) {
        return String.format(Locale.ROOT, "SN-%s-%07d", batch(batch), board);
    }

    public static void ensure(Database db, int boards, PrintStream out) {
        int batches = batches(boards);
        boolean loaded = false;
        long t0 = System.nanoTime();
        try (CentralBulkLoad load = db.centralBulkLoad()) {
            for (int b = 1; b <= batches; b++) {
                if (db.batches().batch(batch(b)).isPresent()) {
                    continue;
                }
                int n = Math.min(PER_BATCH, boards - (b - 1) * PER_BATCH);
                CentralBulkLoad.Loaded l = load.batch(batch(b), n, START.plusSeconds(22L * PER_BATCH * (b - 1)));
                out.printf(
                        Locale.ROOT,
                        "generated batch %s on the server: %d boards, %d runs, %d steps, %d measurements in %.1f s%n",
                        l.batch(),
                        l.boards(),
                        l.runs(),
                        l.steps(),
                        l.measurements(),
                        l.seconds());
                out.flush();
                loaded = true;
            }
            if (loaded) {
                long a0 = System.nanoTime();
                load.analyze();
                out.printf(
                        Locale.ROOT,
                        "ANALYZE in %.1f s; generated in %.1f s in all%n",
                        (System.nanoTime() - a0) / 1e9,
                        (System.nanoTime() - t0) / 1e9);
            }
        }
    }
}
