package io.benchline.station.benchmark;

import io.benchline.db.BulkLoad;
import io.benchline.db.Database;
import io.benchline.db.MeasurementTally;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** Makes sure a benchmark database holds a batch, generating it in bulk when it does not. */
public final class BenchData {
    private BenchData() {}

    public static void ensure(Path file, String batch, int boards, PrintStream out) {
        try (Database db = Database.open(file.toString())) {
            if (db.batches().batch(batch).isPresent()) {
                return;
            }
            long t0 = System.nanoTime();
            try (BulkLoad load = db.bulkLoad()) {
                new BulkBoards(load).batch(batch, boards);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long measurements = db
                    .batches()
                    .tallies(db.batches().batch(batch).orElseThrow().id())
                    .stream()
                    .mapToLong(MeasurementTally::n)
                    .sum();
            out.printf(
                    Locale.ROOT,
                    "generated batch %s: %d boards, %d measurements in %.1f s in %s%n",
                    batch,
                    boards,
                    measurements,
                    seconds,
                    file);
        }
    }
}
