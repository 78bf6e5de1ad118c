package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.station.cli.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --json: one JSON object on stdout with snake_case keys, the human text elsewhere. */
class JsonOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void runPrintsTheVerdictAndStepsAsOneObject() throws Exception {
        Result r = CliRun.benchline(
                "run",
                "--plan",
                RunCommandTest.PLAN,
                "--fixture",
                "sim:vdd-low",
                "--serial",
                "SN-J-1",
                "--json",
                "--db",
                dir.resolve("r").toString());
        assertEquals(1, r.exit(), r.err());
        JsonNode run = JSON.readTree(r.out());
        assertEquals("FAIL", run.get("verdict").asText());
        assertEquals("VDD", run.get("failed_step").asText());
        assertEquals("SN-J-1", run.get("serial").asText());
        assertTrue(run.get("run_id").asLong() > 0);
        JsonNode vdd = run.get("steps").get(1).get("measurements").get(0);
        assertTrue(vdd.get("reading").asDouble() < 1.0, vdd.toString());
        assertTrue(r.err().contains("FAIL  SN-J-1 at step VDD"), r.err());
    }

    @Test
    void demoPrintsEveryRunAndTheYield() throws Exception {
        Result r = CliRun.benchline(
                "demo",
                "--plan",
                RunCommandTest.PLAN,
                "--fixture",
                "../fixtures/sim-f411.yaml",
                "--boards",
                "3",
                "--batch",
                "JSON",
                "--json",
                "--db",
                dir.resolve("d").toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode demo = JSON.readTree(r.out());
        assertEquals("JSON", demo.get("batch").asText());
        assertEquals(3, demo.get("boards").asInt());
        assertEquals(demo.get("runs").asInt(), demo.get("results").size());
        assertTrue(demo.has("passed_first"), r.out());
        assertEquals("SN-JSON-0001", demo.get("results").get(0).get("serial").asText());
    }

    @Test
    void planCheckPrintsOkOrTheError() throws Exception {
        Result ok = CliRun.benchline("plan", "check", "--json", RunCommandTest.PLAN);
        assertEquals(0, ok.exit(), ok.err());
        JsonNode plan = JSON.readTree(ok.out());
        assertTrue(plan.get("ok").asBoolean());
        assertEquals("stm32f411-board", plan.get("plan").asText());
        assertEquals(11, plan.get("steps").size());

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "plan: x\nversion: \"1\"\nstepz: []\n");
        Result no = CliRun.benchline("plan", "check", "--json", bad.toString());
        assertEquals(2, no.exit(), no.err());
        JsonNode error = JSON.readTree(no.out());
        assertFalse(error.get("ok").asBoolean());
        assertTrue(error.get("error").asText().startsWith(bad + ":"), error.toString());
    }

    @Test
    void doctorPrintsARowPerRole() throws Exception {
        Result r = CliRun.benchline("doctor", "--json", "--fixture", "../fixtures/sim-f411.yaml");
        assertEquals(0, r.exit(), r.err());
        JsonNode doctor = JSON.readTree(r.out());
        assertTrue(doctor.get("ok").asBoolean());
        assertEquals("sim-f411", doctor.get("fixture").asText());
        assertEquals("supply", doctor.get("roles").get(0).get("role").asText());
    }

    @Test
    void sizesAreShownInKib() {
        assertEquals("256.0 KiB", ConsolePrinter.shown(262144.0, "B"));
        assertEquals("388 B", ConsolePrinter.shown(388.0, "B"));
    }
}
