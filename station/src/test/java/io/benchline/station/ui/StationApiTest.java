package io.benchline.station.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.db.RunDetail;
import io.benchline.db.Verdict;
import io.benchline.station.flow.FlowTestFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run API over real HTTP (docs/api.md), the one-run-at-a-time rule, the token and the jig's START. */
class StationApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    TestStations stations;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void open() {
        stations = new TestStations(dir);
    }

    @AfterEach
    void close() {
        stations.close();
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void runLifecycleAndItsRefusals() throws Exception {
        CountDownLatch boardPlaced = new CountDownLatch(1);
        CountDownLatch deskTaken = new CountDownLatch(1);
        StationServer s = stations.start(
                "vdd-low",
                "API-LOT",
                "127.0.0.1",
                () -> {
                    deskTaken.countDown();
                    try {
                        boardPlaced.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                Optional.empty());
        String base = s.address();

        HttpResponse<String> bad = post(base + "api/runs", "{\"serial\":\"sn-lower-case\",\"operator\":\"ann\"}");
        assertEquals(400, bad.statusCode());
        assertTrue(JSON.readTree(bad.body()).get("error").asText().contains("does not match the plan's pattern"));
        assertTrue(stations.db.trace().board("sn-lower-case").isEmpty(), "nothing stored for a bad serial");
        assertEquals(400, post(base + "api/runs", "{\"serial\":\"SN-A-1\"}").statusCode(), "no operator");
        assertEquals(
                415,
                http.send(
                                HttpRequest.newBuilder(URI.create(base + "api/runs"))
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"serial\":\"SN-A-1\",\"operator\":\"ann\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode(),
                "a form post from another site is refused");

        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return post(base + "api/runs", "{\"serial\":\"SN-A-1\",\"operator\":\"ann\"}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(deskTaken.await(10, TimeUnit.SECONDS), "the first run holds the station (board being placed)");
        HttpResponse<String> second = post(base + "api/runs", "{\"serial\":\"SN-A-2\",\"operator\":\"ann\"}");
        assertEquals(409, second.statusCode(), "a second START while a run is going");
        assertTrue(stations.db.trace().board("SN-A-2").isEmpty());
        boardPlaced.countDown();
        HttpResponse<String> started = first.get(20, TimeUnit.SECONDS);
        assertEquals(202, started.statusCode());
        long id = JSON.readTree(started.body()).get("id").asLong();

        JsonNode run = null;
        for (int i = 0; i < 500; i++) {
            run = JSON.readTree(get(base + "api/runs/" + id).body());
            if (run.get("state").asText().equals("done")) {
                break;
            }
            Thread.sleep(10);
        }
        assertEquals("done", run.get("state").asText());
        assertEquals("FAIL", run.get("verdict").asText());
        assertEquals("VDD", run.get("failed_step").asText());
        assertTrue(run.get("hint").asText().contains("3.3 V regulator"));
        JsonNode vdd = run.get("steps").get(1).get("measurements").get(0);
        assertEquals("VDD", vdd.get("name").asText());
        assertEquals(3.135, vdd.get("low").asDouble());
        assertTrue(vdd.get("value").asDouble() < 1.0);
        assertEquals(404, get(base + "api/runs/999999").statusCode());

        JsonNode board = JSON.readTree(get(base + "api/boards/SN-A-1").body());
        assertEquals(1, board.get("runs").size());
        assertEquals(false, board.get("passed").asBoolean());
        assertEquals(404, get(base + "api/boards/SN-NEVER").statusCode());

        JsonNode list = JSON.readTree(get(base + "api/batches").body());
        assertEquals("API-LOT", list.get(0).get("name").asText());
        assertTrue(list.get(0).hasNonNull("created_at"), list.toString());
        assertFalse(list.get(0).has("createdAt"), list.toString());
        assertEquals(1, list.get(0).get("runs").asInt());

        JsonNode batch = JSON.readTree(get(base + "api/batches/API-LOT").body());
        assertEquals(1, batch.get("boards").asInt());
        assertEquals(0.0, batch.get("first_pass_yield").asDouble());
        assertEquals("VDD", batch.get("failures").get(0).get("step").asText());
        assertEquals(404, get(base + "api/batches/NO-LOT").statusCode());
    }

    @Test
    void theStationAsksBeforeRetestingABoardThatPassed() throws Exception {
        stations.users = FlowTestFiles.users(dir);
        StationServer s = stations.start("good", "RETEST-LOT", "127.0.0.1", () -> {}, Optional.empty());
        String base = s.address();
        try (EventStream events = new EventStream(base)) {
            assertEquals(
                    202,
                    post(base + "api/runs", "{\"serial\":\"SN-R-1\",\"operator\":\"ann\"}")
                            .statusCode());
            events.await("run-finished");
            assertTrue(JSON.readTree(get(base + "api/boards/SN-R-1").body())
                    .get("passed")
                    .asBoolean());

            HttpResponse<String> refused = post(base + "api/runs", "{\"serial\":\" SN-R-1 \",\"operator\":\"ann\"}");
            assertEquals(409, refused.statusCode());
            JsonNode why = JSON.readTree(refused.body());
            assertEquals("already-passed", why.get("conflict").asText());
            assertEquals("SN-R-1", why.get("serial").asText());
            assertTrue(why.get("error").asText().startsWith("already passed"), why.toString());
            assertEquals(1, stations.db.trace().board("SN-R-1").size(), "a refused retest stores nothing");

            HttpResponse<String> confirmed = post(
                    base + "api/runs",
                    "{\"serial\":\"SN-R-1\",\"operator\":\"ann\",\"confirm_retest\":true,"
                            + "\"engineer\":\"eve\",\"pin\":\"4711\"}");
            assertEquals(202, confirmed.statusCode(), confirmed.body());
            events.await("run-finished");
            assertEquals(2, stations.db.trace().board("SN-R-1").size());

            assertEquals(
                    202,
                    post(base + "api/runs", "{\"serial\":\"SN-R-2\",\"operator\":\"ann\",\"confirm_retest\":true}")
                            .statusCode(),
                    "a confirmation for a board never tested is no obstacle");
            events.await("run-finished");
            assertEquals(400, post(base + "api/runs", "null").statusCode());
            assertEquals(400, post(base + "api/runs", "{\"serial\":").statusCode());
        }
    }

    @Test
    void offLoopbackEveryRequestNeedsTheToken() throws Exception {
        StationServer s = stations.start("good", "TOKEN-LOT", "0.0.0.0", () -> {}, Optional.empty());
        String token = s.token().orElseThrow();
        String base = "http://127.0.0.1:" + s.port() + "/";
        assertEquals(401, get(base).statusCode());
        assertEquals(401, get(base + "api/station").statusCode());
        assertEquals(401, get(base + "static/station.js").statusCode());
        assertEquals(
                401,
                post(base + "api/runs", "{\"serial\":\"SN-T-1\",\"operator\":\"ann\"}")
                        .statusCode());
        assertTrue(stations.db.trace().board("SN-T-1").isEmpty());
        assertEquals(
                200,
                http.send(
                                HttpRequest.newBuilder(URI.create(base + "api/station"))
                                        .header("X-Benchline-Token", token)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode());

        HttpResponse<String> link = get(base + "?token=" + token);
        assertEquals(302, link.statusCode());
        String cookie = link.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(base))
                        .header("Cookie", cookie.split(";")[0])
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"serial\""));
        assertEquals(401, get(base + "?token=wrong").statusCode());
    }

    @Test
    void jigStartButtonStartsTheArmedSerial() throws Exception {
        SynchronousQueue<Boolean> presses = new SynchronousQueue<>();
        StartButton button = timeout -> {
            try {
                Boolean p = presses.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return p != null && p;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
        StationServer s = stations.start("good", "JIG-LOT", "127.0.0.1", () -> {}, Optional.of(button));
        List<RunDetail> runs;
        try (EventStream events = new EventStream(s.address())) {
            assertEquals(
                    204,
                    post(s.address() + "api/arm", "{\"serial\":\"SN-J-1\",\"operator\":\"ann\"}")
                            .statusCode());
            assertTrue(presses.offer(true, 5, TimeUnit.SECONDS), "the station waits for START");
            events.await("run-finished");
            runs = stations.db.trace().board("SN-J-1");
            assertEquals(1, runs.size());
            assertEquals("ann", runs.get(0).run().operator());
            assertEquals(Verdict.PASS, runs.get(0).run().verdict());

            assertEquals(
                    204,
                    post(s.address() + "api/arm", "{\"serial\":\"SN-J-1\",\"operator\":\"ann\"}")
                            .statusCode());
            assertTrue(presses.offer(true, 5, TimeUnit.SECONDS));
            events.await("confirm-retest");
            assertEquals(
                    1,
                    stations.db.trace().board("SN-J-1").size(),
                    "START on a board that passed asks the screen first");
        }

        String uid = runs.get(0).run().uid();
        assertTrue(uid != null && uid.matches("[0-9A-F]{24}"), "the good board's MCU UID is bound: " + uid);
        JsonNode byUid = JSON.readTree(
                get(s.address() + "api/boards/" + uid.toLowerCase()).body());
        assertEquals("SN-J-1", byUid.get("serial").asText(), "trace by MCU unique ID");
        assertTrue(get(s.address() + "boards/" + uid).body().contains("Board SN-J-1"));
    }
}
