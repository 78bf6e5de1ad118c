package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store header write after each commit reaches into H2's internals; on another H2 version it
 * would switch itself off and leave the kill -9 exposure of reused chunk space. An upgrade must
 * fail here, not silently in the field (then rerun KillNineTrials).
 */
class H2HousekeepingTest {
    @Test
    void theStationsH2FileGetsItsHousekeeping(@TempDir Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection(
                DatabaseUrl.resolve(dir.resolve("results").toString()))) {
            assertNotNull(
                    H2Housekeeping.of(c, 20), "H2Housekeeping could not reach the store header of this H2 version");
        }
    }
}
