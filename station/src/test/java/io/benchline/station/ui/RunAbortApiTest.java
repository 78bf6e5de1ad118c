package io.benchline.station.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.db.RunDetail;
import io.benchline.db.Verdict;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A line controller's side of prompts and abort, over real HTTP: answering a run's prompt, and
 * aborting a run at a prompt and in the middle of an instrument step. An aborted run ends ABORTED
 * with its reason, teardown switched the simulated supply off, and nothing after the abort ran.
 */
class RunAbortApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    PromptStations s;
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        if (s != null) {
            s.close();
        }
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(s.server.address() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(s.server.address() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long start(String serial) throws Exception {
        HttpResponse<String> r = post("api/runs", "{\"serial\":\"" + serial + "\",\"operator\":\"ann\"}");
        assertEquals(202, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asLong();
    }

    /** Polls path until its JSON satisfies done; fails after 20 s. */
    private JsonNode until(String path, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = JSON.readTree(get(path).body());
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not reached within 20 s; last " + path + ": " + last);
    }

    private JsonNode promptOf(long runId) throws Exception {
        JsonNode all = until("api/prompts", n -> n.size() == 1);
        JsonNode p = all.get(0);
        assertEquals(runId, p.get("run_id").asLong());
        return p;
    }

    private RunDetail stored(long id) {
        return s.db.trace().run(id).orElseThrow();
    }

    private static RunDetail.StepDetail step(RunDetail run, String name) {
        return run.steps().stream()
                .filter(x -> x.step().name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name));
    }

    @Test
    void promptAnsweredThroughTheApiAndItsPictureServed() throws Exception {
        s = new PromptStations(dir, 0);
        long id = start("SN-ASK-0001");
        JsonNode p = promptOf(id);
        assertEquals("lid", p.get("step").asText());
        assertEquals("Close the lid, then press OK", p.get("text").asText());
        assertEquals(List.of("OK", "NOT CLOSED"), JSON.convertValue(p.get("answers"), List.class));
        assertEquals(List.of("OK"), JSON.convertValue(p.get("pass"), List.class), "the first answer passes by default");
        assertTrue(s.dutPowered(), "the board stays powered while the operator is asked");

        HttpResponse<String> picture = get(p.get("picture").asText().substring(1));
        assertEquals(200, picture.statusCode());
        assertEquals(
                "image/svg+xml", picture.headers().firstValue("Content-Type").orElse(""));
        assertEquals(PromptStations.SVG, picture.body());
        assertEquals(404, get("api/prompts/VDD/picture").statusCode());

        HttpResponse<String> wrong = post("api/runs/" + id + "/prompts/lid/answer", "{\"answer\":\"MAYBE\"}");
        assertEquals(400, wrong.statusCode());
        assertEquals(
                "answer 'MAYBE' is not one of [OK, NOT CLOSED]",
                JSON.readTree(wrong.body()).get("error").asText());
        assertEquals(
                409,
                post("api/runs/" + id + "/prompts/VDD/answer", "{\"answer\":\"OK\"}")
                        .statusCode());
        assertEquals(
                404,
                post("api/runs/987654/prompts/lid/answer", "{\"answer\":\"OK\"}")
                        .statusCode());

        HttpResponse<String> ok =
                post("api/runs/" + id + "/prompts/lid/answer", "{\"answer\":\"ok\",\"operator\":\"ann\"}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("OK", JSON.readTree(ok.body()).get("answer").asText());
        JsonNode done = until("api/runs/" + id, n -> n.get("state").asText().equals("done"));
        assertEquals("PASS", done.get("verdict").asText());
        assertEquals(0, until("api/prompts", n -> n.size() == 0).size());
        RunDetail run = stored(id);
        assertEquals(
                "answer OK (answered by ann): Close the lid, then press OK",
                step(run, "lid").step().message());
        assertEquals(Verdict.PASS, step(run, "VDDA").step().verdict(), "the run goes on after the answer");

        HttpResponse<String> late = post("api/runs/" + id + "/prompts/lid/answer", "{\"answer\":\"OK\"}");
        assertEquals(409, late.statusCode());
        assertEquals("not-waiting", JSON.readTree(late.body()).get("conflict").asText());
    }

    @Test
    void abortAtAPromptEndsAbortedWithPowerOffAndItsReason() throws Exception {
        s = new PromptStations(dir, 0);
        long id = start("SN-ABT-0001");
        promptOf(id);
        assertTrue(s.dutPowered());

        HttpResponse<String> noReason = post("api/runs/" + id + "/abort", "{\"reason\":\" \"}");
        assertEquals(400, noReason.statusCode());

        long t0 = System.nanoTime();
        HttpResponse<String> r =
                post("api/runs/" + id + "/abort", "{\"reason\":\"wrong board in the jig\",\"operator\":\"line-1\"}");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(ms < 5_000, "abort answered after " + ms + " ms");
        JsonNode body = JSON.readTree(r.body());
        assertEquals("ABORTED", body.get("verdict").asText());
        assertEquals(
                "aborted by line-1: wrong board in the jig", body.get("message").asText());
        assertFalse(s.dutPowered(), "teardown switched the supply off");

        RunDetail run = stored(id);
        assertEquals(Verdict.ABORTED, run.run().verdict());
        assertEquals("lid", run.run().failedStep());
        assertEquals("aborted by line-1: wrong board in the jig", run.run().message());
        assertTrue(run.run().hint().contains("test it again"), run.run().hint());
        assertEquals(Verdict.ABORTED, step(run, "lid").step().verdict());
        assertEquals(Verdict.PASS, step(run, "teardown").step().verdict());
        assertEquals("DUT power off", step(run, "teardown").step().message());
        assertTrue(run.steps().stream().noneMatch(x -> x.step().name().equals("VDDA")), "nothing ran after the abort");
        assertEquals(0, until("api/prompts", n -> n.size() == 0).size());

        HttpResponse<String> again = post("api/runs/" + id + "/abort", "{\"reason\":\"twice\"}");
        assertEquals(409, again.statusCode());
        JsonNode conflict = JSON.readTree(again.body());
        assertEquals(
                "run " + id + " already ended ABORTED", conflict.get("error").asText());
        assertEquals("run-ended", conflict.get("conflict").asText());
        HttpResponse<String> unknown = post("api/runs/987654/abort", "{\"reason\":\"x\"}");
        assertEquals(404, unknown.statusCode());
        assertEquals("no run 987654", JSON.readTree(unknown.body()).get("error").asText());

        // the station takes the next board at once
        long next = start("SN-ABT-0002");
        promptOf(next);
        post("api/runs/" + next + "/prompts/lid/answer", "{\"answer\":\"NOT CLOSED\"}");
        JsonNode failed = until("api/runs/" + next, n -> n.get("state").asText().equals("done"));
        assertEquals("FAIL", failed.get("verdict").asText(), "an answer not in pass fails the board");
    }

    @Test
    void abortInterruptsAnInstrumentStepPromptly() throws Exception {
        // VDD settles for 8 s (time scale 1) within its 10 s timeout: the abort must not wait for either
        s = new PromptStations(dir, 8_000);
        long id = start("SN-ABT-0003");
        until("api/runs/" + id, n -> n.get("steps").size() == 1);
        assertTrue(s.dutPowered());
        long t0 = System.nanoTime();
        HttpResponse<String> r = post("api/runs/" + id + "/abort", "{\"reason\":\"fixture lid opened\"}");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(ms < 3_000, "abort took " + ms + " ms");
        RunDetail run = stored(id);
        assertEquals(Verdict.ABORTED, run.run().verdict());
        assertEquals("aborted through the API: fixture lid opened", run.run().message());
        assertEquals(Verdict.ABORTED, step(run, "VDD").step().verdict());
        assertFalse(s.dutPowered());
    }
}
