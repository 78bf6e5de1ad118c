package io.benchline.station.line;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A station's run API over real HTTP, as a line controller or a test drives it (docs/api.md). */
public final class StationClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST = Duration.ofSeconds(40);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    /** @param base the station's address, e.g. http://127.0.0.1:8080/ */
    public StationClient(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
    }

    public String base() {
        return base;
    }

    /** POST /api/runs: 202 with the run's id once it is stored, 409 when a run is going or the board passed. */
    public HttpResponse<String> start(String serial, boolean confirmRetest) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "api/runs"))
                        .timeout(REQUEST)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"serial\":\"" + serial
                                + "\",\"operator\":\"line-test\",\"confirm_retest\":" + confirmRetest + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    public static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }

    /** Starts a board, retrying a 409 "run going" (the previous verdict is being told), and returns the run id. */
    public long startRun(String serial, boolean confirmRetest) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + REQUEST.toNanos();
        while (true) {
            HttpResponse<String> r = start(serial, confirmRetest);
            if (r.statusCode() == 202) {
                return JSON.readTree(r.body()).get("id").asLong();
            }
            boolean going = r.statusCode() == 409 && r.body().contains("run-going");
            if (!going || System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "POST /api/runs " + serial + ": HTTP " + r.statusCode() + " " + r.body());
            }
            Thread.sleep(2);
        }
    }

    /** Polls the run until its verdict is stored (bounded); returns the verdict. */
    public String awaitVerdict(long id) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + REQUEST.toNanos();
        while (true) {
            JsonNode run = get("api/runs/" + id);
            if (run.path("state").asText().equals("done")) {
                return run.get("verdict").asText();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "run " + id + " has no verdict after " + REQUEST.toSeconds() + " s: " + run);
            }
            Thread.sleep(5);
        }
    }

    /** A board from START to its stored verdict. */
    public Tested test(String serial) throws IOException, InterruptedException {
        long id = startRun(serial, false);
        return new Tested(serial, id, awaitVerdict(id));
    }

    public JsonNode sync() throws IOException, InterruptedException {
        return get("api/sync");
    }

    /** Waits until the station's backlog is empty (bounded); returns how long it took. */
    public Duration awaitForwarded(Duration bound) throws IOException, InterruptedException {
        long start = System.nanoTime();
        while (true) {
            JsonNode s = sync();
            if (s.get("waiting_runs").asLong() == 0) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (System.nanoTime() - start > bound.toNanos()) {
                throw new IllegalStateException("still waiting after " + bound.toSeconds() + " s: " + s);
            }
            Thread.sleep(50);
        }
    }

    public record Tested(String serial, long id, String verdict) {}
}
