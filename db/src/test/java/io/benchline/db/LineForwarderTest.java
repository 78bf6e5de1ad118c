package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.postgres.PostgresExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Stations' local files forwarded into one central PostgreSQL: every closed run exactly once. */
class LineForwarderTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();

    static final Duration DRAIN = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    static StationState idle(String station) {
        return new StationState(station, "idle", null, null, "test");
    }

    @Test
    void twoStationsForwardEveryRunOnceWithItsStepsMeasurementsAndTallies() throws Exception {
        String central = PG.migratedDatabase();
        try (Database a = Database.open(dir.resolve("a").toString());
                Database b = Database.open(dir.resolve("b").toString())) {
            // a backlog before the forwarders start, then runs while they forward
            for (int i = 0; i < 30; i++) {
                LineStation.run(a, "prog-1", "SN-A-" + i, "LOT-1", i);
                LineStation.run(b, "test-1", "SN-B-" + i, "LOT-1", i);
            }
            try (LineForwarder fa = LineForwarder.start(a, central, idle("prog-1"));
                    LineForwarder fb = LineForwarder.start(b, central, idle("test-1"))) {
                for (int i = 0; i < 40; i++) {
                    // the same board at both stations: programmed at one, tested at the other
                    LineStation.run(a, "prog-1", "SN-AB-" + i, "LOT-2", i);
                    fa.verdictStored();
                    LineStation.run(b, "test-1", "SN-AB-" + i, "LOT-2", i);
                    fb.verdictStored();
                }
                assertTrue(fa.drain(DRAIN), "station a drained: " + fa.status());
                assertTrue(fb.drain(DRAIN), "station b drained: " + fb.status());
                assertEquals(0, fa.status().waitingRuns());
                assertNull(fa.status().lastError());
                assertEquals(0, a.syncStatus().waitingRuns());
                assertEquals(140, LineCheck.count(central, "SELECT COUNT(*) FROM run"));
                assertEquals(
                        2,
                        LineCheck.count(
                                central,
                                "SELECT COUNT(*) FROM run r JOIN board b ON b.id = r.board_id"
                                        + " WHERE b.serial = 'SN-AB-0'"));
                assertEquals(2, LineCheck.count(central, "SELECT COUNT(*) FROM station_status"));
            }
            LineCheck.assertForwarded(List.of(a.url(), b.url()), central);
        }
    }

    @Test
    void forwardingEverythingAgainStoresEachRunOnceLegacyRunsIncluded() throws Exception {
        String central = PG.migratedDatabase();
        try (Database a = Database.open(dir.resolve("a").toString())) {
            for (int i = 0; i < 25; i++) {
                LineStation.run(a, "prog-1", "SN-R-" + i, "LOT-R", i);
            }
            execute(a.url(), "UPDATE run SET line_id = NULL WHERE id <= 5"); // stored before runs had a line id
            try (LineForwarder f = LineForwarder.start(a, central, idle("prog-1"))) {
                assertTrue(f.drain(DRAIN));
            }
            LineCheck.assertForwarded(List.of(a.url()), central);
            execute(a.url(), "UPDATE forward_state SET forwarded_through = 0");
            assertEquals(25, a.syncStatus().waitingRuns());
            try (LineForwarder f = LineForwarder.start(a, central, idle("prog-1"))) {
                assertTrue(f.drain(DRAIN));
            }
            assertEquals(0, a.syncStatus().waitingRuns());
            assertEquals(25, LineCheck.count(central, "SELECT COUNT(*) FROM run"));
            LineCheck.assertForwarded(List.of(a.url()), central);
        }
    }

    static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
