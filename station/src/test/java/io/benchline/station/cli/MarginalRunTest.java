package io.benchline.station.cli;

import static io.benchline.station.cli.CliRun.benchline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.db.Database;
import io.benchline.db.MeasurementRow;
import io.benchline.db.RunDetail;
import io.benchline.db.Verdict;
import io.benchline.fixtures.sim.BoardProfile;
import io.benchline.fixtures.sim.SimBoard;
import io.benchline.reports.TraceHtml;
import io.benchline.station.Station;
import io.benchline.station.cli.CliRun.Result;
import io.benchline.station.demo.DemoFixture;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A board whose VCAP1 sits in the shipped plan's marginal band, on the demo's simulated fixture served
 * as real instruments on loopback TCP (SCPI, and the ST-LINK over stlink-tcp): it passes, flagged
 * marginal in the run's output, stored, counted in the report and shown by trace; a good board is
 * not flagged. `run --json` (the command, on the in-process bench) carries the flag too.
 */
class MarginalRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Plan PLAN = PlanLoader.load(Path.of(RunCommandTest.PLAN));

    @TempDir
    Path dir;

    @Test
    void aMarginalVcap1PassesFlaggedStoredCountedAndTraced() throws Exception {
        String db = dir.resolve("results").toString();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (DemoFixture served = DemoFixture.start("tcp", FixtureLoader.load("../fixtures/sim-f411.yaml"));
                Database database = Database.open(db);
                Station station = served.openStation(PLAN, database)) {
            int seed = 3;
            for (String serial : List.of("SN-MARG-1", "SN-MARG-2", "SN-GOOD-1")) {
                BoardProfile profile = serial.startsWith("SN-GOOD") ? BoardProfile.GOOD : BoardProfile.VCAP_MARGINAL;
                served.simulated().insert(new SimBoard(profile, seed++));
                PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
                RunOutcome o = station.run(new RunRequest(serial, "MARG", "tester"), new ConsolePrinter(out, false));
                assertEquals(Verdict.PASS, o.verdict(), serial + ": " + o.message());
            }
            assertTrue(vcap(database, "SN-MARG-1").marginal(), "stored with the measurement");
            assertFalse(vcap(database, "SN-GOOD-1").marginal());
            String page = TraceHtml.render("SN-MARG-1", database.trace().board("SN-MARG-1"));
            assertTrue(page.contains("PASS <span class=\"MARGINAL\">MARGINAL</span></td><td>VCAP1</td>"), page);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        List<String> vcapLines = text.lines()
                .filter(l -> l.trim().startsWith("VCAP1 ") && l.contains("[1.080 V .. 1.380 V]"))
                .toList();
        assertEquals(3, vcapLines.size(), text);
        assertTrue(vcapLines.get(0).matches(".*VCAP1\\s+1\\.1[6-8]\\d+ V .*PASS  MARGINAL \\(near a limit\\).*"), text);
        assertTrue(vcapLines.get(2).matches(".*VCAP1\\s+1\\.2[5-7]\\d+ V .*PASS"), text);
        assertFalse(vcapLines.get(2).contains("MARGINAL"), text);
        assertTrue(text.contains("PASS  SN-MARG-1"), text);
        assertEquals(2, text.split("marginal \\(passed, near a limit\\): VCAP1 1\\.1", -1).length - 1, text);

        Result json = benchline(
                "run",
                "--plan",
                RunCommandTest.PLAN,
                "--fixture",
                "sim:vcap-marginal",
                "--serial",
                "SN-MARG-3",
                "--batch",
                "MARG",
                "--json",
                "--db",
                db);
        assertEquals(0, json.exit(), json.out() + json.err());
        JsonNode run = JSON.readTree(json.out());
        assertEquals("PASS", run.get("verdict").asText());
        assertTrue(measurementOf(run.get("steps"), "VCAP1").get("marginal").asBoolean(), json.out());
        assertFalse(measurementOf(run.get("steps"), "VDD").get("marginal").asBoolean(), "VDD sits mid-window");

        Result trace = benchline("trace", "SN-MARG-1", "--db", db);
        assertEquals(0, trace.exit(), trace.err());
        assertTrue(
                trace.out().lines().anyMatch(l -> l.contains(" VCAP1 ") && l.contains("PASS  MARGINAL (near a limit)")),
                trace.out());
        assertEquals(1, trace.out().split("MARGINAL", -1).length - 1, "only VCAP1: " + trace.out());
        Result traceJson = benchline("trace", "SN-MARG-1", "--json", "--db", db);
        JsonNode steps = JSON.readTree(traceJson.out()).at("/boards/0/runs/0/steps");
        assertTrue(measurementOf(steps, "VCAP1").get("marginal").asBoolean(), traceJson.out());
        assertFalse(measurementOf(steps, "VDDA").get("marginal").asBoolean());

        Result report = benchline(
                "report",
                "--batch",
                "MARG",
                "--db",
                db,
                "--csv",
                dir.resolve("csv").toString(),
                "--html",
                dir.resolve("report.html").toString());
        assertEquals(0, report.exit(), report.err());
        String vcapRow = report.out()
                .lines()
                .filter(l -> l.trim().startsWith("VCAP1 "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(report.out()));
        assertTrue(vcapRow.matches(".*\\s3$"), "three marginal passes of four: " + vcapRow);
        assertTrue(
                report.out().lines().anyMatch(l -> l.trim().startsWith("VDD ") && l.matches(".*\\s0$")), report.out());
        JsonNode stats = JSON.readTree(benchline("report", "--batch", "MARG", "--json", "--db", db)
                        .out())
                .get("measurements");
        for (JsonNode s : stats) {
            assertEquals(
                    s.get("name").asText().equals("VCAP1") ? 3 : 0,
                    s.get("marginal").asLong(),
                    s.toString());
        }
        List<String> csv = Files.readAllLines(dir.resolve("csv").resolve("measurement_stats.csv"));
        assertTrue(csv.get(0).endsWith(",cpk,marginal"), csv.get(0));
        assertTrue(
                csv.stream().anyMatch(l -> l.startsWith("VCAP1,V,1.08,1.38,4,") && l.endsWith(",3")), csv.toString());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("<td class=\"num marginal\">3</td></tr>"), html);
    }

    /** The default demo (20 boards) over TCP shows one marginal pass, and the report counts it. */
    @Test
    void theDefaultDemoShowsOneMarginalPass() throws Exception {
        String db = dir.resolve("demo").toString();
        Result demo = benchline(
                "demo",
                "--transport",
                "tcp",
                "--batch",
                "DEMO-M",
                "--db",
                db,
                "--plan",
                RunCommandTest.PLAN,
                "--fixture",
                "../fixtures/sim-f411.yaml");
        assertEquals(0, demo.exit(), demo.out() + demo.err());
        List<String> marginal =
                demo.out().lines().filter(l -> l.contains("marginal")).toList();
        assertEquals(1, marginal.size(), demo.out());
        assertTrue(
                marginal.get(0)
                        .matches(
                                "\\[\\s*\\d+/20]\\s+SN-DEMO-M-\\d{4}\\s+PASS\\s+marginal VCAP1\\s+\\(board: vcap-marginal\\)"),
                marginal.get(0));
        JsonNode stats = JSON.readTree(benchline("report", "--batch", "DEMO-M", "--json", "--db", db)
                        .out())
                .get("measurements");
        long counted = 0;
        for (JsonNode s : stats) {
            counted += s.get("marginal").asLong();
            assertEquals(
                    s.get("name").asText().equals("VCAP1") ? 1 : 0,
                    s.get("marginal").asLong(),
                    s.toString());
        }
        assertEquals(1, counted);
    }

    private static MeasurementRow vcap(Database database, String serial) {
        RunDetail run = database.trace().board(serial).get(0);
        return run.steps().stream()
                .flatMap(s -> s.measurements().stream())
                .filter(m -> m.name().equals("VCAP1"))
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode measurementOf(JsonNode steps, String name) {
        for (JsonNode s : steps) {
            for (JsonNode m : s.get("measurements")) {
                if (m.get("name").asText().equals(name)) {
                    return m;
                }
            }
        }
        throw new AssertionError("no measurement " + name + " in " + steps);
    }
}
