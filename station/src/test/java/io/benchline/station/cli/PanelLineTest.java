package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchline.db.BatchRun;
import io.benchline.db.Database;
import io.benchline.db.LineForwarder;
import io.benchline.db.RunDetail;
import io.benchline.db.StationState;
import io.benchline.db.postgres.PostgresExtension;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.BenchlineProcess;
import io.benchline.station.Panel;
import io.benchline.station.PanelClient;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.PanelFixture;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.line.StationLine;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.ui.PanelServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-up station on a line with its central PostgreSQL: `demo --positions 2` and `station` on
 * a 2-up panel forward every position's run to the line database once, with its position.
 */
@Timeout(180)
class PanelLineTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.dedicated();

    @TempDir
    Path dir;

    @Test
    void demoPanelsForwardEachPositionsRunOnce() {
        String url = PG.migratedDatabase();
        String db = dir.resolve("demo").toString();
        CliRun.Result r = CliRun.benchline(
                "demo",
                "--positions",
                "2",
                "--boards",
                "6",
                "--time-scale",
                "0",
                "--batch",
                "PL",
                "--plan",
                RunCommandTest.PLAN,
                "--fixture",
                "../fixtures/sim-f411.yaml",
                "--db",
                db,
                "--central",
                url,
                "--station",
                "PANEL-D");
        assertEquals(ExitCodes.OK, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("on the line: runs forwarded to " + url + " as station PANEL-D"), r.out());
        forwardRest(db, "PANEL-D", url);
        assertSameRuns(db, url, "PL", 6);
    }

    @Test
    void aPanelStationForwardsEachPositionsRun() throws Exception {
        String url = PG.migratedDatabase();
        String db = dir.resolve("station").toString();
        Process station = BenchlineProcess.of(
                        "station",
                        "--plan",
                        Path.of(RunCommandTest.PLAN).toAbsolutePath().toString(),
                        "--fixture",
                        "sim:good,good",
                        "--port",
                        "0",
                        "--batch",
                        "PS",
                        "--db",
                        db,
                        "--central",
                        url,
                        "--station",
                        "PANEL-S")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(station.getInputStream(), StandardCharsets.UTF_8))) {
            BenchlineProcess.Ready ready = BenchlineProcess.awaitReady(out);
            assertTrue(ready.address() != null, "the panel station starts: " + ready.lines());
            assertTrue(
                    ready.lines()
                            .contains("on the line: runs forwarded to " + url
                                    + " as station PANEL-S (stored here first; see benchline sync status)"),
                    ready.lines().toString());
            PanelClient client = new PanelClient(ready.address());
            for (int panel = 1; panel <= 2; panel++) {
                JsonNode tiles = client.runPanel(
                        "{\"serials\": [\"SN-PS-" + panel + "A\", \"SN-PS-" + panel + "B\"], \"operator\": \"ann\"}");
                assertEquals("PASS", tiles.get(0).get("verdict").asText(), tiles.toString());
                assertEquals("PASS", tiles.get(1).get("verdict").asText(), tiles.toString());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            JsonNode sync = client.get("api/sync");
            while (!(sync.get("line").asBoolean() && sync.get("waiting_runs").asLong() == 0)) {
                assertTrue(System.nanoTime() < deadline, "forwarded within 60 s: " + sync);
                Thread.sleep(50);
                sync = client.get("api/sync");
            }
        } finally {
            station.destroy();
            assertTrue(station.waitFor(30, TimeUnit.SECONDS), "the station stops on SIGTERM");
        }
        assertSameRuns(db, url, "PS", 4);
        alreadyPassedOnTheLineIsRefusedOnItsTile(url);
    }

    /** A second panel station on the line: the board that passed at PANEL-S is refused on its tile, its neighbour runs. */
    private void alreadyPassedOnTheLineIsRefusedOnItsTile(String url) throws Exception {
        FixtureFile file = FixtureLoader.load("sim:good,good").withStation("PANEL-T");
        Optional<List<SimFixture>> sim = SimBoards.simulatedPanel(file);
        try (Database local = Database.open(dir.resolve("other").toString());
                Panel panel = Panel.open(
                        PlanLoader.load(Path.of(RunCommandTest.PLAN)), file, local, f -> PanelFixture.open(f, sim));
                StationLine line = StationLine.join(
                        local,
                        url,
                        new StationState("PANEL-T", "idle", "PT", panel.plan().name(), "test"),
                        StationLine.DEFAULT_PATIENCE,
                        Duration.ofSeconds(10),
                        m -> {})) {
            panel.hooks().joinLine(line);
            try (PanelServer server =
                    PanelServer.start(panel, local, "PT", "127.0.0.1", 0, SimBoards.freshAtPosition(sim, file))) {
                JsonNode tiles = new PanelClient(server.address())
                        .runPanel("{\"serials\": [\"SN-PS-1A\", \"SN-PT-1\"], \"operator\": \"ann\"}");
                assertEquals("already-passed", tiles.get(0).get("refused").asText(), tiles.toString());
                assertEquals("PASS", tiles.get(1).get("verdict").asText(), tiles.toString());
            }
            assertTrue(local.trace().board("SN-PS-1A").isEmpty(), "nothing run for the refused board");
        }
    }

    /** Every run of the batch here is on the line once, at the same position; at least boards of them. */
    private static void assertSameRuns(String db, String url, String batch, int boards) {
        Map<String, List<String>> here = new TreeMap<>();
        try (Database local = Database.open(db)) {
            List<BatchRun> runs = local.batches()
                    .runs(local.batches().batch(batch).orElseThrow().id());
            assertTrue(runs.size() >= boards, runs.size() + " runs");
            for (BatchRun run : runs) {
                RunDetail d = local.trace().run(run.runId()).orElseThrow();
                here.computeIfAbsent(d.run().serial(), k -> new ArrayList<>()).add(where(d));
            }
        }
        Map<String, List<String>> central = new TreeMap<>();
        try (Database line = Database.open(url)) {
            for (String serial : here.keySet()) {
                central.put(
                        serial,
                        line.trace().board(serial).stream()
                                .map(PanelLineTest::where)
                                .toList());
            }
        }
        here.replaceAll((k, v) -> v.stream().sorted().toList());
        central.replaceAll((k, v) -> v.stream().sorted().toList());
        assertEquals(here, central, "each run on the line once, with its position");
        assertTrue(
                here.values().stream().flatMap(List::stream).anyMatch(w -> w.contains("position 2")),
                "runs at position 2: " + here);
    }

    private static String where(RunDetail d) {
        return d.run().station() + " position " + d.run().position() + " "
                + d.run().verdict() + " " + d.run().startedAt().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Whatever the 2 s at exit did not forward goes with the station's next start: one started here. */
    private static void forwardRest(String db, String station, String url) {
        try (Database local = Database.open(db);
                LineForwarder f =
                        LineForwarder.start(local, url, new StationState(station, "idle", null, null, "test"))) {
            assertTrue(f.drain(Duration.ofSeconds(60)), "forwarded: " + f.status());
        }
    }
}
