package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.postgres.PostgresExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The central database crashes ({@code pg_ctl stop -m immediate}) and comes back: the same
 * Database object carries on, and while the server is away a write fails quickly and clearly.
 */
class CentralRestartTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.dedicated();

    /** The pool's connection timeout plus the time to give up on a dead connection, with room for a slow machine. */
    private static final Duration BOUND = CentralPool.CONNECTION_TIMEOUT.plusSeconds(5);

    private static final Duration RECONNECT_BOUND = Duration.ofSeconds(20);

    @Test
    void storesRunsAgainOnceTheServerIsBackAfterACrash() {
        String url = PG.migratedDatabase();
        List<Long> stored = new ArrayList<>();
        try (Database db = Database.open(url)) {
            for (int i = 0; i < 3; i++) {
                stored.add(passed(db, "SN-BEFORE-" + i));
            }
            long cutAcross = db.store().begin(Samples.start("SN-ACROSS", "LOT-R"), Instant.now());

            PG.server().stopImmediately();
            long downAt = System.nanoTime();
            DatabaseException refused = timed(() -> assertThrows(
                    DatabaseException.class, () -> db.store().begin(Samples.start("SN-DOWN", "LOT-R"), Instant.now())));
            long refusedIn = Duration.ofNanos(System.nanoTime() - downAt).toMillis();
            assertTrue(
                    refused.getMessage().startsWith("central database jdbc:postgresql://127.0.0.1:"),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("unreachable"), refused.getMessage());
            assertEquals(1, refused.getMessage().lines().count());
            timed(() -> assertThrows(DatabaseException.class, () -> db.trace().board("SN-BEFORE-0")));

            PG.server().startAgain();
            Duration reconnected = untilReachable(db);
            assertTrue(
                    reconnected.compareTo(RECONNECT_BOUND) < 0, "reconnected after " + reconnected.toMillis() + " ms");
            System.out.println(
                    "central restart: write refused in " + refusedIn + " ms while down (\"" + refused.getMessage()
                            + "\"); reconnected " + reconnected.toMillis() + " ms after pg_ctl start returned");
            assertTrue(
                    db.store().end(cutAcross, new RunEnd(Verdict.PASS, null, null, null), Instant.now()),
                    "a run begun before the crash is closed after it");
            for (int i = 0; i < 5; i++) {
                stored.add(passed(db, "SN-AFTER-" + i));
            }
            stored.add(cutAcross);
            for (long run : stored) {
                assertEquals(
                        Verdict.PASS, db.trace().run(run).orElseThrow().run().verdict());
            }
            assertEquals(0, db.trace().board("SN-DOWN").size(), "the refused run was not stored");
        }
    }

    @Test
    void openingWhileTheServerIsAwayFailsWithinTheBound() {
        String url = PG.migratedDatabase();
        PG.server().stopImmediately();
        try {
            DatabaseException e = timed(() -> assertThrows(DatabaseException.class, () -> Database.open(url)));
            assertTrue(e.getMessage().startsWith("cannot open database jdbc:postgresql://"), e.getMessage());
        } finally {
            PG.server().startAgain();
        }
    }

    /**
     * The pool retries a server that was away with a growing pause (capped at a few seconds), so
     * the first connection after the restart comes within about that pause; polled, bounded.
     */
    private static Duration untilReachable(Database db) {
        long start = System.nanoTime();
        while (true) {
            try {
                db.trace().hasPassed("SN-BEFORE-0");
                return Duration.ofNanos(System.nanoTime() - start);
            } catch (DatabaseException stillAway) {
                if (System.nanoTime() - start > RECONNECT_BOUND.toNanos()) {
                    throw stillAway;
                }
            }
        }
    }

    private static long passed(Database db, String serial) {
        long run = db.store().begin(Samples.start(serial, "LOT-R"), Instant.now());
        db.store().step(run, Samples.vddStep(1, 3.3, Verdict.PASS));
        assertTrue(db.store().end(run, new RunEnd(Verdict.PASS, null, null, null), Instant.now()));
        return run;
    }

    private static <T> T timed(Supplier<T> action) {
        long start = System.nanoTime();
        T result = action.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(BOUND) < 0, "took " + took.toMillis() + " ms, bound " + BOUND.toMillis() + " ms");
        return result;
    }
}
