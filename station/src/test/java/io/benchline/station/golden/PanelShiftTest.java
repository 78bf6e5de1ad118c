package io.benchline.station.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchline.db.Database;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.Panel;
import io.benchline.station.PanelClient;
import io.benchline.station.Station;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.FixtureOpener;
import io.benchline.station.fixture.PanelFixture;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.fixture.SimPanelFile;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.ui.PanelServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2-up panel station whose fixture file requires a golden check each shift: every production
 * position is refused on its tile, nothing powered, until a golden check (its board in position 1)
 * passed this shift; then the panel runs.
 */
@Timeout(120)
class PanelShiftTest {
    @TempDir
    Path dir;

    @Test
    void productionPositionsAreRefusedUntilAGoldenCheckPassedThisShift() throws Exception {
        MovableClock clock = new MovableClock("2026-03-02T14:30:00Z");
        Path fixture = dir.resolve("panel-golden.yaml");
        Files.writeString(fixture, SimPanelFile.text(List.of("good", "good"), 0) + ShiftRequirementTest.GOLDEN_BLOCK);
        FixtureFile file = FixtureLoader.load(fixture.toString());
        Optional<List<SimFixture>> sim = SimBoards.simulatedPanel(file);
        Plan plan = PlanLoader.load(GoldenCheckTest.PLAN);
        GoldenSettings settings = GoldenSettings.of(file);
        try (Database db = Database.open(dir.resolve("results").toString());
                Panel panel = Panel.open(plan, file, db, f -> PanelFixture.open(f, sim))) {
            panel.hooks()
                    .useShiftGate(new ShiftGate(
                            settings,
                            db.golden(),
                            file.station(),
                            plan.name(),
                            ShiftGate.howTo(plan.file().toString(), file.source(), settings),
                            clock));
            String body = "{\"serials\": [\"SN-G-1\", \"SN-G-2\"], \"operator\": \"ann\"}";
            try (PanelServer server =
                    PanelServer.start(panel, db, "LOT-G", "127.0.0.1", 0, SimBoards.freshAtPosition(sim, file))) {
                PanelClient client = new PanelClient(server.address());
                JsonNode refused = client.runPanel(body);
                for (int p = 0; p < 2; p++) {
                    JsonNode tile = refused.get(p);
                    assertEquals("refused", tile.get("state").asText(), tile.toString());
                    assertEquals(GoldenRequired.CONFLICT, tile.get("refused").asText(), tile.toString());
                    assertTrue(
                            tile.get("message")
                                    .asText()
                                    .startsWith("golden check required for shift starting 14:00: run benchline golden"
                                            + " --plan " + plan.file() + " --fixture " + fixture),
                            tile.toString());
                }
                assertTrue(db.trace().board("SN-G-1").isEmpty(), "nothing was run");
                assertTrue(db.trace().board("SN-G-2").isEmpty(), "nothing was run");

                // the golden board in position 1, as benchline golden does with a panel's fixture file
                FixtureFile first = file.atPosition(1);
                var one = SimBoards.simulatedFixture(first);
                try (Station station = Station.open(plan, first, db, f -> FixtureOpener.open(f, one))) {
                    GoldenResult check = new GoldenCheck(station, db.golden(), settings, clock)
                            .run(new GoldenRequest("GOLDEN-1", 3, "eng", 2.0), RunListener.NONE);
                    assertTrue(check.passed(), "the golden check passed");
                }

                JsonNode ran = client.runPanel(body);
                assertEquals("PASS", ran.get(0).get("verdict").asText(), ran.toString());
                assertEquals("PASS", ran.get(1).get("verdict").asText(), ran.toString());
            }
        }
    }
}
