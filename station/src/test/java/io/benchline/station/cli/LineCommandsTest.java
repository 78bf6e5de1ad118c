package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchline.db.Database;
import io.benchline.db.LineForwarder;
import io.benchline.db.StationState;
import io.benchline.db.postgres.PostgresExtension;
import io.benchline.station.line.StationClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line's options of run and station, and `benchline sync status`, against a real PostgreSQL:
 * `run --central` refuses a board that passed at another station unless --retest, tests on when
 * the line cannot be asked; `sync status` reads a station process's backlog while it runs.
 */
class LineCommandsTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.dedicated();

    /** Nothing listens there: a line database that is away. */
    static final String AWAY = "jdbc:postgresql://127.0.0.1:1/line?user=benchline";

    @TempDir
    Path dir;

    private CliRun.Result run(String db, String station, String central, String serial, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--plan",
                RunCommandTest.PLAN,
                "--fixture",
                "sim:good",
                "--serial",
                serial,
                "--db",
                dir.resolve(db).toString(),
                "--central",
                central,
                "--station",
                station));
        args.addAll(List.of(more));
        return CliRun.benchline(args.toArray(String[]::new));
    }

    @Test
    void runRefusesABoardThatPassedAtAnotherStationUnlessRetestIsGiven() {
        String url = PG.migratedDatabase();
        CliRun.Result first = run("a", "RUN-A", url, "SN-RC-0001");
        assertEquals(ExitCodes.OK, first.exit(), first.out() + first.err());
        assertTrue(first.out().contains("on the line: runs forwarded to " + url + " as station RUN-A"), first.out());
        forwardRest("a", "RUN-A", url);

        CliRun.Result refused = run("b", "RUN-B", url, "SN-RC-0001");
        assertEquals(ExitCodes.USAGE, refused.exit(), refused.out() + refused.err());
        assertTrue(
                refused.err().contains("board SN-RC-0001 already passed on the line; give --retest to test it again"),
                refused.err());
        try (Database b = Database.open(dir.resolve("b").toString())) {
            assertTrue(b.trace().board("SN-RC-0001").isEmpty(), "nothing stored for a refused board");
        }
        CliRun.Result retest = run("b", "RUN-B", url, "SN-RC-0001", "--retest");
        assertEquals(ExitCodes.OK, retest.exit(), retest.out() + retest.err());
        forwardRest("b", "RUN-B", url);

        try (Database central = Database.open(url)) {
            // newest first: the retest at B, then the first PASS at A
            assertEquals(
                    List.of("RUN-B", "RUN-A"),
                    central.trace().board("SN-RC-0001").stream()
                            .map(d -> d.run().station())
                            .toList());
        }
    }

    /** Whatever the 2 s at the end of `run` did not forward goes with the station's next start: one started here. */
    private void forwardRest(String db, String station, String url) {
        try (Database local = Database.open(dir.resolve(db).toString());
                LineForwarder f =
                        LineForwarder.start(local, url, new StationState(station, "idle", null, null, "test"))) {
            assertTrue(f.drain(Duration.ofSeconds(60)), "forwarded: " + f.status());
        }
    }

    @Test
    void runTestsOnWhenTheLineCannotBeAskedAndSaysSo() {
        CliRun.Result r = run("c", "RUN-C", AWAY, "SN-RC-0002");
        assertEquals(ExitCodes.OK, r.exit(), r.out() + r.err());
        assertTrue(
                r.out().contains("note: the line database could not be asked whether this board passed elsewhere ("),
                r.out());
        assertTrue(r.out().contains("); checked this station's records only"), r.out());
        assertTrue(r.out().contains("PASS  SN-RC-0002"), r.out());
        assertTrue(
                r.out()
                        .contains(
                                "1 run still waiting for the line database: the next start of this station forwards it"),
                r.out());
        CliRun.Result again = run("c", "RUN-C", AWAY, "SN-RC-0002");
        assertEquals(ExitCodes.USAGE, again.exit(), "a PASS in the station's own file is enough to refuse");
        assertTrue(again.err().contains("board SN-RC-0002 already passed at this station"), again.err());
    }

    @Test
    void badLineOptionsAreRefusedBeforeAnythingIsOpened() {
        String db = dir.resolve("never").toString();
        for (String[] bad : List.of(
                new String[] {"--central", "jdbc:postgresql://h/line?user=a&password=secret"},
                new String[] {"--central", "jdbc:h2:file:/tmp/x"},
                new String[] {"--central", AWAY, "--station", "  "},
                new String[] {"--central", AWAY, "--sync-patience", "soon"})) {
            List<String> args = new ArrayList<>(List.of(
                    "run",
                    "--plan",
                    RunCommandTest.PLAN,
                    "--fixture",
                    "sim:good",
                    "--serial",
                    "SN-RC-0003",
                    "--db",
                    db));
            args.addAll(List.of(bad));
            CliRun.Result r = CliRun.benchline(args.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, r.exit(), String.join(" ", bad) + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertFalse(r.err().contains("secret"), r.err());
        }
        assertFalse(dir.resolve("never.mv.db").toFile().exists(), "nothing created");
        CliRun.Result onServer = CliRun.benchline("sync", "status", "--db", "jdbc:postgresql://h/line?user=a");
        assertEquals(ExitCodes.USAGE, onServer.exit(), onServer.err());
    }

    @Test
    void syncStatusReadsTheBacklogOfAStationProcessWhileItRuns() throws Exception {
        String url = PG.migratedDatabase();
        PG.server().stopImmediately();
        boolean away = true;
        String db = dir.resolve("station").toString();
        Process station = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "station",
                        "--plan",
                        Path.of(RunCommandTest.PLAN).toAbsolutePath().toString(),
                        "--fixture",
                        "sim:good",
                        "--port",
                        "0",
                        "--batch",
                        "SYNC",
                        "--db",
                        db,
                        "--central",
                        url,
                        "--station",
                        "SYNC-1")
                .directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(station.getInputStream(), StandardCharsets.UTF_8))) {
            String address = null;
            List<String> lines = new ArrayList<>();
            String line;
            while (address == null && (line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("Station ready at ")) {
                    address = line.substring("Station ready at ".length());
                }
            }
            assertTrue(address != null, "the station starts with its line database away: " + lines);
            StationClient client = new StationClient(address);
            for (int i = 1; i <= 3; i++) {
                assertEquals("PASS", client.test("SN-SYNC-" + i).verdict());
            }

            CliRun.Result text = CliRun.benchline("sync", "status", "--db", db);
            assertEquals(ExitCodes.OK, text.exit(), text.err());
            assertTrue(text.out().contains("runs waiting for the line database: 3"), text.out());
            CliRun.Result json = CliRun.benchline("sync", "status", "--db", db, "--json");
            assertEquals(ExitCodes.OK, json.exit(), json.err());
            JsonNode s = StationClient.json(json.out());
            assertEquals(3, s.get("waiting_runs").asLong(), json.out());
            assertFalse(s.get("oldest_waiting").isNull(), json.out());
            System.out.println("sync status while the line database is away:\n" + text.out());

            PG.server().startAgain();
            away = false;
            client.awaitForwarded(Duration.ofSeconds(60));
            CliRun.Result after = CliRun.benchline("sync", "status", "--db", db, "--json");
            JsonNode done = StationClient.json(after.out());
            assertEquals(0, done.get("waiting_runs").asLong(), after.out());
            assertFalse(done.get("last_forwarded_at").isNull(), after.out());
            assertTrue(done.get("last_error").isNull(), after.out());
        } finally {
            station.destroy();
            assertTrue(station.waitFor(30, TimeUnit.SECONDS), "the station stops on SIGTERM");
            if (away) {
                PG.server().startAgain();
            }
        }
    }
}
