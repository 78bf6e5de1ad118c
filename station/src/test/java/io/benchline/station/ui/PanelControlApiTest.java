package io.benchline.station.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.db.RunDetail;
import io.benchline.db.Verdict;
import io.benchline.station.flow.FlowTestFiles;
import io.benchline.station.flow.Users;
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
 * A line controller's side of a panel over real HTTP: aborting one position's run and then the
 * whole panel, starting a panel from its label, and confirming the retest of a passed board with
 * an engineer's PIN. Aborted runs end ABORTED with the reason and teardown switched each
 * position's simulated supply off.
 */
class PanelControlApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String LABEL =
            "panel-label: {pattern: 'PNL-(?<lot>[A-Z0-9]+)-(?<first>[0-9]{5})', serial: 'SN-{lot}-{first + position - 1}'}";

    @TempDir
    Path dir;

    PanelStations s;
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        if (s != null) {
            s.close();
        }
    }

    @Test
    void oneRunAndThenTheWholePanelAreAborted() throws Exception {
        s = new PanelStations(dir, "good,good,good", PanelStations.LID_PLAN, "", Users.none());
        long panel = start("{\"serials\": [\"SN-AB-1\", \"SN-AB-2\", \"SN-AB-3\"], \"operator\": \"ctl\"}");
        JsonNode prompts = until("api/panels/" + panel, n -> n.get("prompts").size() == 3);
        long run1 = prompts.get("positions").get(0).get("run_id").asLong();
        for (int p = 1; p <= 3; p++) {
            assertTrue(s.dutPowered(p), "position " + p + " is powered while its prompt waits");
        }

        HttpResponse<String> one =
                post("api/runs/" + run1 + "/abort", "{\"reason\": \"wrong board\", \"operator\": \"ctl\"}");
        assertEquals(200, one.statusCode(), one.body());
        assertEquals("ABORTED", JSON.readTree(one.body()).get("verdict").asText(), one.body());
        assertFalse(s.dutPowered(1), "teardown powered position 1 off");
        assertTrue(s.dutPowered(2), "the other positions run on");

        HttpResponse<String> missing = post("api/panels/99/abort", "{\"reason\": \"x\"}");
        assertEquals(404, missing.statusCode(), missing.body());
        HttpResponse<String> noReason = post("api/panels/" + panel + "/abort", "{}");
        assertEquals(400, noReason.statusCode(), noReason.body());

        HttpResponse<String> all = post("api/panels/" + panel + "/abort", "{\"reason\": \"line stop\"}");
        assertEquals(200, all.statusCode(), all.body());
        JsonNode view = JSON.readTree(all.body());
        assertEquals("done", view.get("state").asText(), all.body());
        assertEquals("aborted through the API: line stop", view.get("aborted").asText());
        for (int p = 1; p <= 3; p++) {
            assertEquals(
                    "ABORTED", view.get("positions").get(p - 1).get("verdict").asText(), all.body());
            assertFalse(s.dutPowered(p), "teardown powered position " + p + " off");
        }
        assertEquals("aborted by ctl: wrong board", only("SN-AB-1").run().message());
        assertEquals("aborted through the API: line stop", only("SN-AB-2").run().message());
        assertEquals(Verdict.ABORTED, only("SN-AB-3").run().verdict());

        HttpResponse<String> again = post("api/panels/" + panel + "/abort", "{\"reason\": \"again\"}");
        assertEquals(409, again.statusCode(), again.body());
        assertEquals("panel-ended", JSON.readTree(again.body()).get("conflict").asText());
    }

    @Test
    void aPanelLabelNamesTheSerialsOfItsBoards() throws Exception {
        s = new PanelStations(dir, "good,good,good", PanelStations.PLAIN_PLAN, LABEL, Users.none());
        JsonNode station = get("api/station");
        assertEquals(
                "PNL-(?<lot>[A-Z0-9]+)-(?<first>[0-9]{5})",
                station.get("panel_label_pattern").asText());
        JsonNode check = get("api/panel-label?label=PNL-A7-00099");
        assertTrue(check.get("valid").asBoolean(), check.toString());
        assertEquals("SN-A7-00101", check.get("serials").get(2).asText());
        JsonNode bad = get("api/panel-label?label=PNL-A7-41");
        assertFalse(bad.get("valid").asBoolean());
        assertTrue(
                bad.get("message").asText().contains("does not match the plan's panel-label pattern"), bad.toString());

        HttpResponse<String> both = post(
                "api/panels",
                "{\"panel_label\": \"PNL-A7-00041\", \"serials\": [\"SN-1\", null, null], \"operator\": \"o\"}");
        assertEquals(400, both.statusCode(), both.body());
        HttpResponse<String> wrong = post("api/panels", "{\"panel_label\": \"LOT-7\", \"operator\": \"o\"}");
        assertEquals(400, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("panel label 'LOT-7' does not match"), wrong.body());

        long panel = start("{\"panel_label\": \"PNL-A7-00041\", \"operator\": \"ctl\"}");
        JsonNode done =
                until("api/panels/" + panel, n -> n.get("state").asText().equals("done"));
        assertEquals("PNL-A7-00041", done.get("panel_label").asText());
        List<String> serials = List.of("SN-A7-00041", "SN-A7-00042", "SN-A7-00043");
        for (int p = 1; p <= 3; p++) {
            JsonNode tile = done.get("positions").get(p - 1);
            assertEquals(serials.get(p - 1), tile.get("serial").asText());
            assertEquals("PASS", tile.get("verdict").asText(), done.toString());
            RunDetail run = only(serials.get(p - 1));
            assertEquals(p, run.run().position());
            assertEquals("PNL-A7-00041", run.run().panelLabel(), "the label is stored with each run");
            assertEquals(
                    "PNL-A7-00041",
                    get("api/runs/" + run.run().id()).get("panel_label").asText());
        }
    }

    @Test
    void aPassedBoardIsRefusedOnItsTileUntilAnEngineerConfirmsItsRetest() throws Exception {
        s = new PanelStations(dir, "good,good", PanelStations.PLAIN_PLAN, "", FlowTestFiles.users(dir));
        long first = start("{\"serials\": [\"SN-RT-1\", null], \"operator\": \"ctl\"}");
        until("api/panels/" + first, n -> n.get("state").asText().equals("done"));

        long panel = start("{\"serials\": [\"SN-RT-1\", \"SN-RT-2\"], \"operator\": \"ctl\"}");
        JsonNode done =
                until("api/panels/" + panel, n -> n.get("state").asText().equals("done"));
        assertEquals(
                "already-passed", done.get("positions").get(0).get("refused").asText(), done.toString());
        assertEquals("PASS", done.get("positions").get(1).get("verdict").asText(), done.toString());

        HttpResponse<String> unconfirmed =
                post("api/panels/" + panel + "/positions/1/start", "{\"operator\": \"ctl\"}");
        assertEquals(409, unconfirmed.statusCode(), unconfirmed.body());
        HttpResponse<String> wrongPin = post(
                "api/panels/" + panel + "/positions/1/start",
                "{\"operator\": \"ctl\", \"confirm_retest\": true, \"engineer\": \"eve\", \"pin\": \"0000\"}");
        assertEquals(403, wrongPin.statusCode(), wrongPin.body());
        HttpResponse<String> confirmed = post(
                "api/panels/" + panel + "/positions/1/start",
                "{\"operator\": \"ctl\", \"confirm_retest\": true, \"engineer\": \"eve\", \"pin\": \""
                        + FlowTestFiles.ENGINEER_PIN + "\"}");
        assertEquals(202, confirmed.statusCode(), confirmed.body());
        JsonNode again = until(
                "api/panels/" + panel,
                n -> n.get("state").asText().equals("done")
                        && n.get("positions").get(0).has("verdict")
                        && !n.get("positions").get(0).get("verdict").isNull());
        assertEquals("PASS", again.get("positions").get(0).get("verdict").asText(), again.toString());
        assertEquals(2, s.db.trace().board("SN-RT-1").size());
        assertTrue(s.db.flow().actions("SN-RT-1").stream()
                .anyMatch(a -> a.action().equals("confirm-retest") && a.author().equals("eve")));
    }

    private RunDetail only(String serial) {
        List<RunDetail> runs = s.db.trace().board(serial);
        assertEquals(1, runs.size(), serial);
        return runs.get(0);
    }

    private long start(String body) throws Exception {
        HttpResponse<String> r = post("api/panels", body);
        assertEquals(202, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asLong();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(s.server.address() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(s.server.address() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** Polls path until its JSON satisfies done; fails after 30 s. */
    private JsonNode until(String path, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get(path);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not reached within 30 s; last " + path + ": " + last);
    }
}
