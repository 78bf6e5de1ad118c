package io.benchline.station.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.db.Database;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.Panel;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.PanelFixture;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.plan.PlanLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/panels} from a line controller over real HTTP, then the panel's state until its verdicts. */
class PanelApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void aLineControllerStartsAPanelAndReadsEachPositionsVerdict() throws Exception {
        FixtureFile file = FixtureLoader.load("sim:good,probe-unplugged,good");
        Optional<List<SimFixture>> sim = SimBoards.simulatedPanel(file);
        try (Database db = Database.open(dir.resolve("results").toString());
                Panel panel = Panel.open(PlanLoader.load(TestStations.PLAN), file, db, f -> PanelFixture.open(f, sim));
                PanelServer server =
                        PanelServer.start(panel, db, "API-LOT", "127.0.0.1", 0, SimBoards.freshAtPosition(sim, file))) {
            String base = server.address();
            JsonNode station = get(base + "api/station");
            assertEquals(3, station.get("positions").asInt());

            HttpResponse<String> bad = post(
                    base + "api/panels", "{\"serials\": [\"SN-A-1\", \"nope\", null], \"operator\": \"line-ctl\"}");
            assertEquals(400, bad.statusCode(), bad.body());
            assertTrue(bad.body().contains("position 2"), bad.body());

            HttpResponse<String> started = post(
                    base + "api/panels",
                    "{\"serials\": [\"SN-A-1\", \"SN-A-2\", null], \"batch\": \"API-LOT-2\", \"operator\": \"line-ctl\"}");
            assertEquals(202, started.statusCode(), started.body());
            long id = JSON.readTree(started.body()).get("id").asLong();
            JsonNode state = get(base + "api/panels/" + id);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!state.get("state").asText().equals("done")) {
                assertTrue(System.nanoTime() < deadline, "the panel did not end within 60 s: " + state);
                Thread.onSpinWait();
                state = get(base + "api/panels/" + id);
            }
            JsonNode tiles = state.get("positions");
            assertEquals("PASS", tiles.get(0).get("verdict").asText());
            assertEquals("ERROR", tiles.get(1).get("verdict").asText());
            assertEquals("swd-connect", tiles.get(1).get("failed_step").asText());
            assertEquals("empty", tiles.get(2).get("state").asText());
            long runId = tiles.get(0).get("run_id").asLong();
            assertEquals("API-LOT-2", db.trace().run(runId).orElseThrow().run().batch());

            HttpResponse<String> again =
                    post(base + "api/panels", "{\"serials\": [\"SN-A-1\", null, null], \"operator\": \"line-ctl\"}");
            // a board that passed is refused on its tile (the panel's other positions would run)
            assertEquals(202, again.statusCode(), again.body());
            JsonNode refused = JSON.readTree(again.body()).get("positions").get(0);
            assertEquals("refused", refused.get("state").asText(), again.body());
            assertEquals("already-passed", refused.get("refused").asText(), again.body());
            assertEquals(1, db.trace().board("SN-A-1").size(), "nothing more was stored for the refused board");
        }
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> r =
                http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
