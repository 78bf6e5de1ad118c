package io.benchline.station.mes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchline.db.Database;
import io.benchline.db.RouteCheck;
import io.benchline.db.RouteDecision;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.Panel;
import io.benchline.station.PanelClient;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.PanelFixture;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.ui.PanelServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 4-up panel station behind the simulated MES over real HTTP: the MES refuses one position's
 * board, that tile is refused with the MES's reason and nothing is powered for it, the other
 * positions run and PASS, and each run's result is posted once.
 */
@Timeout(120)
class PanelMesTest {
    @TempDir
    Path dir;

    @Test
    void theMesRefusesOnePositionAndTheOthersRun() throws Exception {
        FixtureFile file = FixtureLoader.load("sim:good,good,good,good");
        Optional<List<SimFixture>> sim = SimBoards.simulatedPanel(file);
        List<String> notices = new ArrayList<>();
        try (SimMes mes = new SimMes();
                Database db = Database.open(dir.resolve("results").toString());
                Panel panel = Panel.open(
                        PlanLoader.load(Path.of("../plans/stm32f411-board.yaml")),
                        file,
                        db,
                        f -> PanelFixture.open(f, sim))) {
            mes.refuse("SN-MES-P3", "held for rework");
            panel.hooks()
                    .useMes(MesGate.open(
                            new MesSettings(
                                    Optional.of(URI.create(mes.routeUrl())),
                                    Optional.of(URI.create(mes.resultsUrl())),
                                    Duration.ofSeconds(2),
                                    OnUnreachable.REFUSE,
                                    1,
                                    Duration.ofMillis(100),
                                    Optional.empty()),
                            db,
                            file.station(),
                            panel.plan(),
                            notices::add));
            try (PanelServer server =
                    PanelServer.start(panel, db, "MES-LOT", "127.0.0.1", 0, SimBoards.freshAtPosition(sim, file))) {
                JsonNode tiles = new PanelClient(server.address())
                        .runPanel("{\"serials\": [\"SN-MES-P1\", \"SN-MES-P2\", \"SN-MES-P3\", \"SN-MES-P4\"],"
                                + " \"operator\": \"ann\"}");
                for (int p : List.of(0, 1, 3)) {
                    assertEquals("PASS", tiles.get(p).get("verdict").asText(), tiles.toString());
                }
                JsonNode refused = tiles.get(2);
                assertEquals("refused", refused.get("state").asText(), refused.toString());
                assertEquals("route-refused", refused.get("refused").asText(), refused.toString());
                assertTrue(refused.get("message").asText().contains("held for rework"), refused.toString());
            }
            assertTrue(db.trace().board("SN-MES-P3").isEmpty(), "nothing run for the refused board");
            assertEquals(
                    List.of(RouteDecision.REFUSED),
                    db.routeChecks().ofSerial("SN-MES-P3").stream()
                            .map(RouteCheck::decision)
                            .toList(),
                    "the refusal stored");

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (mes.results().size() < 3) {
                assertTrue(System.nanoTime() < deadline, "results posted: " + mes.results());
                Thread.sleep(20);
            }
            Set<String> posted = mes.results().stream()
                    .map(r -> r.get("serial").asText() + " " + r.get("verdict").asText())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of("SN-MES-P1 PASS", "SN-MES-P2 PASS", "SN-MES-P4 PASS"), posted);
            assertEquals(3, mes.results().size(), "each position's result posted once");
            for (String serial : List.of("SN-MES-P1", "SN-MES-P2", "SN-MES-P4")) {
                long runId = db.trace().board(serial).get(0).run().id();
                assertTrue(
                        mes.results().stream().anyMatch(r -> r.get("run_id").asLong() == runId),
                        "the result of run " + runId);
            }
        }
    }
}
