package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.postgres.PostgresExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The central server crashes mid-forward, stays away while the station tests, hangs on a lock:
 * the station's writes go on untouched, and once the server is back every run is there once.
 */
class LineForwarderOutageTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.dedicated();

    static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void serverCrashedMidForwardAndAwayWhileTheStationTestsLosesAndDuplicatesNothing() throws Exception {
        String central = PG.migratedDatabase();
        try (Database a = Database.open(dir.resolve("a").toString())) {
            for (int i = 0; i < 700; i++) {
                LineStation.run(a, "st-1", "SN-C-" + i, "LOT-C", i);
            }
            try (Connection blocker = DriverManager.getConnection(central);
                    Statement s = blocker.createStatement();
                    LineForwarder f = LineForwarder.start(a, central, LineForwarderTest.idle("st-1"))) {
                // the first batch is caught in flight: its transaction waits behind this lock when the server dies
                blocker.setAutoCommit(false);
                s.execute("LOCK TABLE run IN SHARE MODE");
                f.verdictStored();
                await("the forwarder's insert waiting on the lock", () -> waitingOnLocks(central) > 0);
                PG.server().stopImmediately();
                try {
                    assertTrue(a.syncStatus().waitingRuns() > 0, "the crash came before the backlog was drained");
                    for (int i = 0; i < 40; i++) {
                        LineStation.run(a, "st-1", "SN-D-" + i, "LOT-C", i);
                        f.verdictStored();
                    }
                    await("the failure recorded", () -> f.status().lastError() != null);
                    SyncStatus local = a.syncStatus();
                    assertNotNull(local.lastError(), "benchline sync status shows the error");
                    assertNotNull(local.lastErrorAt());
                    assertTrue(local.waitingRuns() >= 40, "waiting " + local.waitingRuns());
                    assertNotNull(local.oldestWaiting());
                    assertEquals(1, local.lastError().lines().count(), local.lastError());
                } finally {
                    PG.server().startAgain();
                }
                assertTrue(f.drain(BOUND), "drained after the restart: " + f.status());
                assertEquals(null, f.status().lastError());
                assertEquals(null, a.syncStatus().lastError());
            }
            assertEquals(740, count(central));
            LineCheck.assertForwarded(List.of(a.url()), central);
        }
    }

    /** A central server that accepts the connection but never answers (here: a lock held) costs the station nothing. */
    @Test
    void aHungCentralServerNeverDelaysTheStationsWrites() throws Exception {
        String central = PG.migratedDatabase();
        try (Database a = Database.open(dir.resolve("h").toString());
                LineForwarder f = LineForwarder.start(a, central, LineForwarderTest.idle("st-h"))) {
            LineStation.run(a, "st-h", "SN-H-first", "LOT-H", 0);
            f.verdictStored();
            assertTrue(f.drain(BOUND));
            try (Connection blocker = DriverManager.getConnection(central);
                    Statement s = blocker.createStatement()) {
                blocker.setAutoCommit(false);
                s.execute("LOCK TABLE run IN SHARE MODE"); // the forwarder's insert waits behind it
                long t0 = System.nanoTime();
                for (int i = 0; i < 30; i++) {
                    LineStation.run(a, "st-h", "SN-H-" + i, "LOT-H", i);
                    f.verdictStored();
                }
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                // the forwarder gives up on the lock after 10 s: a store that waited on it would take longer
                assertTrue(
                        took.compareTo(Duration.ofSeconds(8)) < 0,
                        "30 runs stored locally in " + took.toMillis() + " ms");
                assertEquals(1, count(central), "nothing got past the lock");
                assertTrue(f.status().waitingRuns() >= 30, "waiting: " + f.status());
                blocker.rollback();
            }
            assertTrue(f.drain(BOUND), "drained once the lock was gone: " + f.status());
            LineCheck.assertForwarded(List.of(a.url()), central);
        }
    }

    static long count(String central) {
        try {
            return LineCheck.count(central, "SELECT COUNT(*) FROM run");
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    static long waitingOnLocks(String central) {
        try {
            return LineCheck.count(central, "SELECT COUNT(*) FROM pg_locks WHERE NOT granted");
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    /** Polls until the condition holds, failing after a bound. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within " + BOUND.toSeconds() + " s: " + what);
            Thread.sleep(20);
        }
    }
}
