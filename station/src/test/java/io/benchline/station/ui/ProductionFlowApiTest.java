package io.benchline.station.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.db.EngineerAction;
import io.benchline.station.flow.FlowTestFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retest limit, quarantine, release and confirmed retests through the station's API over real HTTP. */
class ProductionFlowApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    TestStations stations;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void open() {
        stations = new TestStations(dir);
        stations.users = FlowTestFiles.users(dir);
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

    private static String release(String engineer, String pin, String reason) {
        return "{\"engineer\":\"" + engineer + "\",\"pin\":\"" + pin + "\",\"reason\":\"" + reason + "\"}";
    }

    @Test
    void overTheLimitTheBoardIsQuarantinedUntilAnEngineerReleasesIt() throws Exception {
        stations.plan = FlowTestFiles.planWithRetestLimit(dir, 0);
        String base = stations.start("vdd-low", "FLOW-LOT").address();
        try (EventStream events = new EventStream(base)) {
            String start = "{\"serial\":\"SN-Q-1\",\"operator\":\"ann\"}";
            assertEquals(202, post(base + "api/runs", start).statusCode());
            events.await("run-finished");

            HttpResponse<String> refused = post(base + "api/runs", start);
            assertEquals(409, refused.statusCode(), refused.body());
            JsonNode why = JSON.readTree(refused.body());
            assertEquals("quarantined", why.get("conflict").asText());
            assertEquals("SN-Q-1", why.get("serial").asText());
            assertTrue(why.get("reason").asText().startsWith("1 FAIL, over the retest limit of 0"), why.toString());
            assertEquals(1, stations.db.trace().board("SN-Q-1").size(), "nothing tested");
            assertEquals(409, post(base + "api/runs", start).statusCode(), "still quarantined");
            assertEquals(1, stations.db.flow().quarantines("SN-Q-1").size(), "quarantined once");

            String url = base + "api/boards/SN-Q-1/release";
            HttpResponse<String> byOperator = post(url, release("olga", FlowTestFiles.OPERATOR_PIN, "fine"));
            assertEquals(403, byOperator.statusCode(), byOperator.body());
            assertEquals(
                    "not-engineer",
                    JSON.readTree(byOperator.body()).get("refused").asText());
            HttpResponse<String> wrong = post(url, release("eve", "1111", "fine"));
            assertEquals(403, wrong.statusCode());
            assertEquals(
                    "pin-refused", JSON.readTree(wrong.body()).get("refused").asText());
            assertEquals(
                    400,
                    post(url, release("eve", FlowTestFiles.ENGINEER_PIN, "")).statusCode(),
                    "no reason");
            assertEquals(409, post(base + "api/runs", start).statusCode(), "refused releases release nothing");

            HttpResponse<String> released = post(url, release("eve", FlowTestFiles.ENGINEER_PIN, "C12 replaced"));
            assertEquals(200, released.statusCode(), released.body());
            JsonNode r = JSON.readTree(released.body());
            assertEquals("eve", r.get("released_by").asText());
            assertEquals("C12 replaced", r.get("reason").asText());
            assertEquals(
                    400,
                    post(url, release("eve", FlowTestFiles.ENGINEER_PIN, "again"))
                            .statusCode());

            assertEquals(202, post(base + "api/runs", start).statusCode(), "released: tested again");
            events.await("run-finished");
            assertEquals(2, stations.db.trace().board("SN-Q-1").size());
            assertEquals(409, post(base + "api/runs", start).statusCode(), "failed again: over the limit again");
            assertEquals(2, stations.db.flow().quarantines("SN-Q-1").size());
        }
    }

    @Test
    void aRetestOfAPassedBoardNeedsAnEngineerAndIsStoredWithThem() throws Exception {
        String base = stations.start("good", "FLOW-LOT").address();
        try (EventStream events = new EventStream(base)) {
            assertEquals(
                    202,
                    post(base + "api/runs", "{\"serial\":\"SN-P-1\",\"operator\":\"ann\"}")
                            .statusCode());
            events.await("run-finished");
            HttpResponse<String> refused = post(base + "api/runs", "{\"serial\":\"SN-P-1\",\"operator\":\"ann\"}");
            assertEquals(409, refused.statusCode());
            assertEquals(
                    "already-passed",
                    JSON.readTree(refused.body()).get("conflict").asText());

            String confirmed = "{\"serial\":\"SN-P-1\",\"operator\":\"ann\",\"confirm_retest\":true";
            HttpResponse<String> alone = post(base + "api/runs", confirmed + "}");
            assertEquals(403, alone.statusCode(), "an operator's word is not enough: " + alone.body());
            assertEquals(
                    "engineer-needed",
                    JSON.readTree(alone.body()).get("refused").asText());
            HttpResponse<String> operator =
                    post(base + "api/runs", confirmed + ",\"engineer\":\"olga\",\"pin\":\"1234\"}");
            assertEquals(403, operator.statusCode());
            assertEquals(
                    "not-engineer",
                    JSON.readTree(operator.body()).get("refused").asText());
            assertEquals(1, stations.db.trace().board("SN-P-1").size());

            HttpResponse<String> engineer =
                    post(base + "api/runs", confirmed + ",\"engineer\":\"eve\",\"pin\":\"4711\"}");
            assertEquals(202, engineer.statusCode(), engineer.body());
            events.await("run-finished");
            assertEquals(2, stations.db.trace().board("SN-P-1").size());
            List<EngineerAction> actions = stations.db.flow().actions("SN-P-1");
            assertEquals(
                    List.of(EngineerAction.PIN_REFUSED, EngineerAction.CONFIRM_RETEST),
                    actions.stream().map(EngineerAction::action).toList());
            EngineerAction confirm = actions.get(1);
            assertEquals("eve", confirm.author());
            assertTrue(confirm.detail().contains("operator ann"), confirm.detail());

            assertEquals(
                    202,
                    post(base + "api/runs", "{\"serial\":\"SN-P-2\",\"operator\":\"ann\",\"confirm_retest\":true}")
                            .statusCode(),
                    "a confirmation for a board never tested is no obstacle");
            events.await("run-finished");
        }
    }

    @Test
    void aStationWithoutEngineersCannotConfirmARetest() throws Exception {
        stations.users = io.benchline.station.flow.Users.none();
        String base = stations.start("good", "FLOW-LOT").address();
        try (EventStream events = new EventStream(base)) {
            assertEquals(
                    202,
                    post(base + "api/runs", "{\"serial\":\"SN-N-1\",\"operator\":\"ann\"}")
                            .statusCode());
            events.await("run-finished");
            HttpResponse<String> r = post(
                    base + "api/runs",
                    "{\"serial\":\"SN-N-1\",\"operator\":\"ann\",\"confirm_retest\":true,\"engineer\":\"eve\",\"pin\":\"4711\"}");
            assertEquals(403, r.statusCode());
            assertEquals("no-engineer", JSON.readTree(r.body()).get("refused").asText());
            assertTrue(JSON.readTree(r.body()).get("error").asText().contains("benchline users add"), r.body());
        }
    }
}
