package io.benchline.station.cli;

import io.benchline.db.Database;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/** Makes sure a benchmark database holds a batch, generating it in bulk when it does not. */
final class BenchData {
    private BenchData() {
    }

    static void ensure(Path file, String batch, int boards, PrintStream out) throws Exception {
        try (Database db = Database.open(file.toString()); Handle h = db.jdbi().open()) {
            if (h.createQuery("SELECT COUNT(*) FROM batch WHERE name = :n").bind("n", batch).mapTo(Long.class).one() > 0) {
                return;
            }
            long t0 = System.nanoTime();
            new BulkBoards(h.getConnection()).batch(batch, boards);
            long rows = h.createQuery("SELECT COUNT(*) FROM measurement").mapTo(Long.class).one();
            out.printf(Locale.ROOT, "generated batch %s: %d boards in %.1f s (%d measurements in the database now) in %s%n",
                    batch, boards, (System.nanoTime() - t0) / 1e9, rows, file);
        }
    }
}
