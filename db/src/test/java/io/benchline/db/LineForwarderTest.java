package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.postgres.PostgresExtension;
import io.benchline.db.postgres.PostgresServer;
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

    /** A marginal pass reaches the central database flagged, once, and counted once in the tallies, forwarded twice or not. */
    @Test
    void marginalPassesAreForwardedFlaggedAndCountedOnce() throws Exception {
        String central = PG.migratedDatabase();
        int expected = 0;
        try (Database a = Database.open(dir.resolve("a").toString())) {
            for (int i = 0; i < 20; i++) {
                LineStation.run(a, "test-1", "SN-M-" + i, "LOT-M", i);
                expected += i % 3 == 1 && i % 5 != 4 ? 1 : 0;
            }
            assertTrue(expected > 0);
            String marginal = "SELECT COUNT(*) FROM measurement WHERE marginal";
            String counted = "SELECT SUM(marginal) FROM measurement_tally";
            assertEquals(expected, LineCheck.count(a.url(), marginal));
            assertEquals(expected, LineCheck.count(a.url(), counted));
            for (int round = 0; round < 2; round++) {
                try (LineForwarder f = LineForwarder.start(a, central, idle("test-1"))) {
                    assertTrue(f.drain(DRAIN), f.status().toString());
                }
                assertEquals(expected, LineCheck.count(central, marginal), "round " + round);
                assertEquals(expected, LineCheck.count(central, counted), "round " + round);
                assertEquals(
                        0,
                        LineCheck.count(
                                central, "SELECT COUNT(*) FROM measurement WHERE marginal AND verdict <> 'PASS'"));
                execute(a.url(), "UPDATE forward_state SET forwarded_through = 0");
            }
            LineCheck.assertForwarded(List.of(a.url()), central);
        }
    }

    /** Append-only is the server's rule: the stations' role inserts and closes runs, and no one deletes or rewrites them. */
    @Test
    void theStationsRoleInsertsAndClosesRunsButNoOneDeletesOrRewritesAClosedOne() throws Exception {
        String central = PG.migratedDatabase();
        PG.server()
                .execute(
                        "postgres",
                        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'line_station_1') THEN"
                                + " CREATE ROLE line_station_1 LOGIN; END IF; END $$",
                        "GRANT benchline_station TO line_station_1");
        String asStation = central.replace("user=" + PostgresServer.SUPERUSER, "user=line_station_1");
        try (Database a = Database.open(dir.resolve("a").toString())) {
            for (int i = 0; i < 10; i++) {
                LineStation.run(a, "prog-1", "SN-P-" + i, "LOT-P", i);
            }
            try (LineForwarder f = LineForwarder.start(a, asStation, idle("prog-1"))) {
                assertTrue(f.drain(DRAIN), "forwarded as the station's role: " + f.status());
            }
            LineCheck.assertForwarded(List.of(a.url()), central);
        }
        try (Database direct = Database.open(asStation)) {
            // a station writing straight to the server: begins, binds a UID, closes its run
            LineStation.run(direct, "direct-1", "SN-P-0", "LOT-P", 0);
            LineStation.run(direct, "direct-1", "SN-P-D", "LOT-P", 4);
        }
        long runs = LineCheck.count(central, "SELECT COUNT(*) FROM run");
        long readings = LineCheck.count(central, "SELECT COUNT(*) FROM measurement");
        try (Connection c = DriverManager.getConnection(asStation);
                Statement s = c.createStatement()) {
            assertRefused(s, "DELETE FROM measurement");
            assertRefused(s, "DELETE FROM step");
            assertRefused(s, "DELETE FROM run WHERE verdict = 'FAIL'");
            assertRefused(s, "TRUNCATE measurement");
            assertRefused(s, "UPDATE run SET verdict = 'PASS' WHERE verdict = 'FAIL'");
            assertRefused(s, "UPDATE run SET station = 'elsewhere'");
            assertRefused(s, "UPDATE measurement SET reading = 0");
            assertRefused(s, "UPDATE step SET verdict = 'PASS'");
        }
        try (Connection c = DriverManager.getConnection(central);
                Statement s = c.createStatement()) {
            // the tables' owner too: the triggers refuse, whatever the privileges
            assertRefused(s, "DELETE FROM measurement");
            assertRefused(s, "DELETE FROM run");
            assertRefused(s, "UPDATE run SET verdict = 'PASS', message = NULL WHERE verdict = 'FAIL'");
            assertRefused(s, "TRUNCATE run CASCADE");
        }
        assertEquals(runs, LineCheck.count(central, "SELECT COUNT(*) FROM run"));
        assertEquals(readings, LineCheck.count(central, "SELECT COUNT(*) FROM measurement"));
        assertEquals(3, LineCheck.count(central, "SELECT COUNT(*) FROM run WHERE verdict = 'FAIL'"));
    }

    static void assertRefused(Statement s, String sql) {
        java.sql.SQLException e =
                org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> s.execute(sql), sql);
        assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
    }

    static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
