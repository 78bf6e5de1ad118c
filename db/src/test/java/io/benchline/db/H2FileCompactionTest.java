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
    void aGrownFileIsCompactedAtOpenNeverUnderAStationWithEveryRunKept() throws Exception {
        Path path = dir.resolve("grown");
        Path file = dir.resolve("grown.mv.db");
        int runs = 0;
        // MAX_COMPACT_TIME=0: the writer closes without compacting, as a station killed or powered off would
        try (Database station = Database.open("jdbc:h2:file:" + path + ";MAX_COMPACT_TIME=0")) {
            while (Files.size(file) < H2FileCompaction.THRESHOLD_BYTES) {
                long run = station.store().begin(Samples.start("SN-G" + runs, "GROW"), Instant.now());
                station.store().step(run, Samples.vddStep(1, 3.29, Verdict.PASS));
                station.store().finish(run, Samples.vddStep(2, 3.3, Verdict.PASS), new RunEnd(Verdict.PASS, null, null, null),
                        Instant.now());
                runs++;
            }
            try (Database reader = Database.open(path.toString())) {
                assertTrue(Files.size(file) >= H2FileCompaction.THRESHOLD_BYTES, "never compacted under a station that has it open");
                assertEquals(1, reader.trace().board("SN-G0").size());
            }
            long more = station.store().begin(Samples.start("SN-AFTER", "GROW"), Instant.now());
            station.store().end(more, new RunEnd(Verdict.PASS, null, null, null), Instant.now());
        }
        long grown = Files.size(file);
        try (Database db = Database.open(path.toString())) {
            assertTrue(Files.size(file) < grown / 4, "compacted from " + grown + " to " + Files.size(file));
            long stored = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM run WHERE verdict = 'PASS'")
                    .mapTo(Long.class).one());
            assertEquals(runs + 1, stored);
            assertEquals(2, db.trace().board("SN-G0").get(0).steps().size());
        }
    }
}
