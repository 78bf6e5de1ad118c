package io.benchline.station.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.db.Database;
import io.benchline.db.RunDetail;
import io.benchline.db.Verdict;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.fixtures.sim.wire.SimInstrumentServers;
import io.benchline.station.Panel;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.PanelFixture;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.fixture.SimPanelFile;
import io.benchline.station.flow.Users;
import io.benchline.station.plan.PlanLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jig's START on a multi-up station, through the real jig driver: the panel's shared switch
 * is the simulated Benchline jig served on loopback TCP, the station polls START? through
 * JigController, and one press starts the panel scanned on the screen.
 */
class PanelJigStartTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void pressingTheJigsStartStartsTheScannedPanel() throws Exception {
        String simText = SimPanelFile.text(List.of("good", "good"), 0);
        List<SimFixture> sim = SimBoards.simulatedPanel(FixtureLoader.parse("(sim panel)", simText))
                .orElseThrow();
        try (SimInstrumentServers served = SimInstrumentServers.start(sim.get(0), SimInstrumentServers.Transport.TCP)) {
            String jigLine = served.fixtureYaml()
                    .lines()
                    .filter(l -> l.startsWith("switch: "))
                    .findFirst()
                    .orElseThrow();
            FixtureFile file = FixtureLoader.parse("(jig panel)", simText.replace("switch: {kind: sim}", jigLine));
            try (Database db = Database.open(dir.resolve("r").toString());
                    Panel panel = Panel.open(
                            PlanLoader.load(TestStations.PLAN),
                            file,
                            db,
                            f -> PanelFixture.open(f, Optional.of(sim)))) {
                Optional<StartButton> button = StartButton.of(panel.fixture());
                assertTrue(button.isPresent(), "the panel's shared switch is the jig");
                try (PanelServer server = PanelServer.start(
                        panel,
                        db,
                        "JIG-LOT",
                        "127.0.0.1",
                        0,
                        SimBoards.freshAtPosition(Optional.of(sim), file),
                        button,
                        Users.none())) {
                    // START with nothing scanned: the screen is told, nothing runs
                    served.jigDevice().pressStart();
                    JsonNode station =
                            until(server, "api/station", n -> !n.get("notice").isNull());
                    assertTrue(
                            station.get("notice").get("message").asText().contains("scan the panel"),
                            station.toString());

                    HttpResponse<String> armed = post(
                            server, "api/panels/arm", "{\"serials\":[\"SN-JIG-1\",\"SN-JIG-2\"],\"operator\":\"fay\"}");
                    assertEquals(204, armed.statusCode(), armed.body());
                    served.jigDevice().pressStart();
                    JsonNode started = until(
                            server, "api/station", n -> !n.get("current_panel").isNull());
                    long id = started.get("current_panel").asLong();
                    JsonNode done = until(
                            server,
                            "api/panels/" + id,
                            n -> n.get("state").asText().equals("done"));
                    for (int p = 1; p <= 2; p++) {
                        assertEquals(
                                "PASS",
                                done.get("positions").get(p - 1).get("verdict").asText(),
                                done.toString());
                        List<RunDetail> runs = db.trace().board("SN-JIG-" + p);
                        assertEquals(1, runs.size());
                        assertEquals(Verdict.PASS, runs.get(0).run().verdict());
                        assertEquals("fay", runs.get(0).run().operator());
                        assertEquals(p, runs.get(0).run().position());
                    }
                    assertEquals(List.of(), sim.get(0).routing().conflicts());
                }
            }
        }
    }

    private HttpResponse<String> post(PanelServer server, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.address() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls path until its JSON satisfies done; fails after 30 s. */
    private JsonNode until(PanelServer server, String path, java.util.function.Predicate<JsonNode> done)
            throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = JSON.readTree(http.send(
                            HttpRequest.newBuilder(URI.create(server.address() + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not reached within 30 s; last " + path + ": " + last);
    }
}
