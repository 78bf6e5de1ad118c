package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 file that grows with every durable commit is compacted when next opened, losing nothing. */
class H2FileCompactionTest {
    @TempDir
    Path dir;

    @Test
    void aGrownFileIsCompactedAtOpenWithEveryRunKept() throws Exception {
        Path path = dir.resolve("grown");
        Path file = dir.resolve("grown.mv.db");
        int runs = 0;
        try (Database db = Database.open(path.toString())) {
            while (Files.size(file) < H2FileCompaction.THRESHOLD_BYTES) {
                long run = db.store().begin(Samples.start("SN-G" + runs, "GROW"), Instant.now());
                db.store().step(run, Samples.vddStep(1, 3.29, Verdict.PASS));
                db.store().finish(run, Samples.vddStep(2, 3.3, Verdict.PASS), new RunEnd(Verdict.PASS, null, null, null),
                        Instant.now());
                runs++;
            }
        }
        long grown = Files.size(file);
        try (Database db = Database.open(path.toString())) {
            assertTrue(Files.size(file) < grown / 4, "compacted from " + grown + " to " + Files.size(file));
            long stored = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM run WHERE verdict = 'PASS'")
                    .mapTo(Long.class).one());
            assertEquals(runs, stored);
            assertEquals(2, db.trace().board("SN-G0").get(0).steps().size());
        }
    }
}
