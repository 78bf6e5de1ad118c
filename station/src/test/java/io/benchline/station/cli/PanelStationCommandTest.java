package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.station.fixture.SimPanelFile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code benchline station} on a multi-up fixture serves the panel screen, whether the fixture is a
 * file with {@code positions:} (here a simulated one) or {@code sim:P1,P2,...}: a real process.
 */
class PanelStationCommandTest {
    @TempDir
    Path dir;

    @Test
    void aFixtureWithPositionsServesThePanelScreen() throws Exception {
        Path fixture = dir.resolve("panel-3up.yaml");
        Files.writeString(fixture, SimPanelFile.text(List.of("good", "good", "vdd-low"), 0));
        assertServesPanel(fixture.toString(), 3);
        assertServesPanel("sim:good,good", 2);
    }

    private void assertServesPanel(String fixture, int positions) throws Exception {
        Process station = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "station",
                        "--plan",
                        "../plans/stm32f411-board.yaml",
                        "--fixture",
                        fixture,
                        "--port",
                        "0",
                        "--db",
                        dir.resolve("results-" + positions).toString())
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
            assertNotNull(address, "the station did not start: " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.contains(positions + " positions")), lines.toString());
            HttpClient http = HttpClient.newHttpClient();
            String page = http.send(
                            HttpRequest.newBuilder(URI.create(address)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            assertTrue(page.contains("/static/panel.js"), "the panel screen is served at /");
            JsonNode info = new ObjectMapper()
                    .readTree(http.send(
                                    HttpRequest.newBuilder(URI.create(address + "api/station"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body());
            assertEquals(positions, info.get("positions").asInt());
        } finally {
            station.destroy();
            station.waitFor();
        }
    }
}
