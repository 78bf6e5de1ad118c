package io.benchline.station.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.Database;
import io.benchline.db.RunDetail;
import io.benchline.db.Verdict;
import io.benchline.station.Station;
import io.benchline.station.demo.DemoFixture;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.plan.PlanLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jig's START button through the real jig driver: the served fixture's jig speaks the Benchline
 * jig protocol over loopback TCP, the station polls START? through JigController, and a press
 * tests the serial armed from the operator screen.
 */
class JigStartTest {
    @TempDir
    Path dir;

    @Test
    void pressingTheJigsStartTestsTheArmedSerial() throws Exception {
        try (DemoFixture served = DemoFixture.start("tcp", FixtureLoader.load("sim:good"));
                Database db = Database.open(dir.resolve("r").toString());
                Station station = served.openStation(PlanLoader.load(Path.of("../plans/stm32f411-board.yaml")), db)) {
            assertTrue(StartButton.of(station.fixture()).isPresent(), "the served fixture's switch is the jig");
            try (StationServer server = StationServer.start(
                    station, db, "JIG-LOT", "127.0.0.1", 0, () -> {}, StartButton.of(station.fixture()))) {
                HttpResponse<String> armed = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(server.address() + "api/arm"))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"serial\":\"SN-JIG-7\",\"operator\":\"fay\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertEquals(204, armed.statusCode());
                served.jig().orElseThrow().pressStart();
                List<RunDetail> runs = List.of();
                for (int i = 0; i < 1000 && (runs.isEmpty() || runs.get(0).run().verdict() == null); i++) {
                    Thread.sleep(10); // the station polls START? every 50 ms, then runs the board
                    runs = db.trace().board("SN-JIG-7");
                }
                assertEquals(1, runs.size());
                assertEquals(Verdict.PASS, runs.get(0).run().verdict());
                assertEquals("fay", runs.get(0).run().operator());
            }
        }
    }
}
