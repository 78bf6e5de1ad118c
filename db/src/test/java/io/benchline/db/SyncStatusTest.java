package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backlog as {@code benchline sync status} reads it from a station's file, before any forwarder ran. */
class SyncStatusTest {
    @TempDir
    Path dir;

    @Test
    void everyClosedRunWaitsUntilForwardedAndAnOpenOneDoesNotCount() throws Exception {
        try (Database db = Database.open(dir.resolve("s").toString())) {
            assertEquals(new SyncStatus(0, null, null, null, null), db.syncStatus());
            Instant before = Instant.now();
            LineStation.run(db, "st-1", "SN-S-1", "LOT-S", 0);
            LineStation.run(db, "st-1", "SN-S-2", "LOT-S", 4);
            db.store().begin(Samples.start("SN-S-3", "LOT-S"), Instant.now()); // still open
            SyncStatus s = db.syncStatus();
            assertEquals(2, s.waitingRuns());
            assertTrue(!s.oldestWaiting().isBefore(before.minusMillis(1)), s.toString());
            assertNull(s.lastForwardedAt());
            assertNull(s.lastError());
            // read by a second process's way in too: a connection of its own on the file
            try (Database other = Database.open(dir.resolve("s").toString())) {
                assertEquals(2, other.syncStatus().waitingRuns());
            }
        }
    }
}
