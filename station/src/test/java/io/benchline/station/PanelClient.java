package io.benchline.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A line controller on a panel station's API over real HTTP: starts a panel, reads it until its verdicts. */
public final class PanelClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public PanelClient(String base) {
        this.base = base;
    }

    /** Starts a panel (the body of POST /api/panels) and returns its positions once every one has ended. */
    public JsonNode runPanel(String body) throws Exception {
        HttpResponse<String> started = http.send(
                HttpRequest.newBuilder(URI.create(base + "api/panels"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, started.statusCode(), started.body());
        long id = JSON.readTree(started.body()).get("id").asLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode state = get("api/panels/" + id);
        while (!state.get("state").asText().equals("done")) {
            assertTrue(System.nanoTime() < deadline, "the panel did not end within 60 s: " + state);
            Thread.onSpinWait();
            state = get("api/panels/" + id);
        }
        return state.get("positions");
    }

    public JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }
}
