package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.postgres.PostgresExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station killed with SIGKILL while it forwards (a child JVM: a backlog being shipped, runs
 * being tested, one left open), then started again: every acknowledged run is in the central
 * database once, and the run the kill cut off is there too, closed as ABORTED.
 */
class LineForwarderKillTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();

    @TempDir
    Path dir;

    @Test
    void aStationKilledMidForwardForwardsEachRunExactlyOnceAfterItsRestart() throws Exception {
        String central = PG.migratedDatabase();
        Path file = dir.resolve("k");
        try (Database db = Database.open(file.toString())) {
            for (int i = 0; i < 1200; i++) {
                LineStation.run(db, "kill-1", "SN-KB-" + i, "LOT-K", i);
            }
        }
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dbenchline.forward.maxRuns=100",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ForwardingStation.class.getName(),
                        file.toString(),
                        central,
                        "kill-1")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
        long[] open = {-1};
        Thread reader = new Thread(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    String[] f = line.split(" ");
                    if (f[0].equals("done")) {
                        acknowledged.add(Long.parseLong(f[1]));
                    } else if (f[0].equals("open")) {
                        open[0] = Long.parseLong(f[1]);
                    }
                }
            } catch (java.io.IOException ended) {
                // the child is gone
            }
        });
        reader.start();
        // killed while its forwarder is part way through the backlog (batches of 100 runs) and it tests
        LineForwarderOutageTest.await("some runs forwarded", () -> LineForwarderOutageTest.count(central) > 0);
        long forwardedAtKill = LineForwarderOutageTest.count(central);
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        reader.join(30_000);
        assertEquals(137, child.exitValue(), "the station must have died by SIGKILL");
        assertTrue(open[0] > 0);
        assertTrue(forwardedAtKill < 1200, "killed before the backlog was forwarded: " + forwardedAtKill);

        try (Database db = Database.open(file.toString())) {
            int aborted = db.recoverInterruptedRuns("kill-1");
            assertTrue(aborted >= 1 && aborted <= 2, "the run left open, and maybe one in flight: " + aborted);
            for (long id : acknowledged) {
                assertTrue(db.trace().run(id).orElseThrow().run().verdict() != null, "acknowledged run " + id);
            }
            try (LineForwarder f = LineForwarder.start(db, central, LineForwarderTest.idle("kill-1"))) {
                assertTrue(f.drain(Duration.ofSeconds(60)), "drained: " + f.status());
            }
            LineCheck.assertForwarded(List.of(db.url()), central);
            long all = LineCheck.count(db.url(), "SELECT COUNT(*) FROM run");
            assertEquals(all, LineForwarderOutageTest.count(central));
            assertTrue(all >= 1201 + acknowledged.size(), all + " runs");
            assertEquals(
                    1,
                    LineCheck.count(
                            central,
                            "SELECT COUNT(*) FROM run r JOIN board b ON b.id = r.board_id"
                                    + " WHERE b.serial = 'SN-KF-open' AND r.verdict = 'ABORTED' AND r.ended_at IS NOT NULL"));
            System.out.println("kill -9 mid-forward: " + forwardedAtKill
                    + " of 1200 backlog runs forwarded at the kill, "
                    + acknowledged.size() + " runs acknowledged, " + aborted + " closed ABORTED at restart, " + all
                    + " runs in the central database once each");
        }
    }
}
