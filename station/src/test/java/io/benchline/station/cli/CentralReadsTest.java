package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.db.Database;
import io.benchline.db.MeasurementRecord;
import io.benchline.db.ResultStore;
import io.benchline.db.RunEnd;
import io.benchline.db.RunStart;
import io.benchline.db.StepRecord;
import io.benchline.db.Verdict;
import io.benchline.db.postgres.PostgresExtension;
import io.benchline.reports.TraceHtml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Report and trace read a central PostgreSQL across the line's stations: boards programmed at one
 * station and tested at another show both runs, each with its station.
 */
class CentralReadsTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.shared();

    static final Instant T = Instant.parse("2026-11-30T08:00:00Z");

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {}

    private static synchronized Result cli(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            CommandLine cl = Main.commandLine();
            cl.setErr(new PrintWriter(err, true));
            return new Result(cl.execute(args), out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    private static void run(
            ResultStore store, String station, String serial, long at, String step, String kind, Verdict v) {
        Instant start = T.plusSeconds(at);
        long id = store.begin(
                new RunStart(
                        serial,
                        "LINE-7",
                        "F411 board rev B",
                        station,
                        "alice",
                        station + "-jig",
                        "stm32f411-" + kind,
                        "3",
                        "a".repeat(64),
                        null,
                        "test"),
                start);
        List<MeasurementRecord> ms =
                List.of(new MeasurementRecord(step + " time", v == Verdict.PASS ? 120.0 : 900.0, "ms", null, 500.0, v));
        store.finish(
                id,
                new StepRecord(1, step, kind, start, start.plusSeconds(5), v, null, ms),
                new RunEnd(v, v == Verdict.PASS ? null : step, v == Verdict.PASS ? null : "check the " + step, null),
                start.plusSeconds(6));
    }

    @Test
    void aBoardProgrammedAtOneStationAndTestedAtAnotherShowsBothRunsWithTheirStations() throws Exception {
        String url = PG.migratedDatabase();
        try (Database db = Database.open(url)) {
            ResultStore s = db.store();
            run(s, "prog-1", "SN-L7-1", 0, "program", "program", Verdict.PASS);
            run(s, "prog-1", "SN-L7-2", 60, "program", "program", Verdict.PASS);
            run(s, "func-1", "SN-L7-1", 600, "boot-check", "boot-check", Verdict.FAIL);
            run(s, "func-1", "SN-L7-2", 660, "boot-check", "boot-check", Verdict.PASS);
        }

        Result text = cli("trace", "--db", url, "SN-L7-1");
        assertEquals(ExitCodes.OK, text.exit(), text.err());
        int func = text.out().indexOf("station func-1");
        int prog = text.out().indexOf("station prog-1");
        assertTrue(func > 0 && prog > func, "both runs, newest first:\n" + text.out());
        assertTrue(text.out().contains("failed at boot-check"), text.out());

        Result json = cli("trace", "--json", "--db", url, "SN-L7-1");
        assertEquals(ExitCodes.OK, json.exit(), json.err());
        JsonNode runs =
                new ObjectMapper().readTree(json.out()).get("boards").get(0).get("runs");
        assertEquals(2, runs.size());
        assertEquals("func-1", runs.get(0).get("station").asText());
        assertEquals("FAIL", runs.get(0).get("verdict").asText());
        assertEquals("prog-1", runs.get(1).get("station").asText());
        assertEquals("PASS", runs.get(1).get("verdict").asText());

        try (Database db = Database.open(url)) {
            String html = TraceHtml.render("SN-L7-1", db.trace().board("SN-L7-1"));
            assertTrue(
                    html.indexOf("station func-1") > 0
                            && html.indexOf("station prog-1") > html.indexOf("station func-1"),
                    html);
        }

        Path page = dir.resolve("line-7.html");
        Result report = cli("report", "--batch", "LINE-7", "--db", url, "--html", page.toString());
        assertEquals(ExitCodes.OK, report.exit(), report.err());
        assertTrue(
                report.out().matches("(?s).*\\n  func-1 +2 +2 +50\\.0 % +0\\n.*"),
                "func-1: 2 runs, 2 boards, one first pass\n" + report.out());
        assertTrue(report.out().matches("(?s).*\\n  prog-1 +2 +2 +100\\.0 % +0\\n.*"), report.out());
        String html = Files.readString(page);
        assertTrue(html.contains("<table id=\"stations\">") && html.contains("<td>func-1</td>"), html);

        Result reportJson = cli("report", "--batch", "LINE-7", "--json", "--db", url);
        assertEquals(ExitCodes.OK, reportJson.exit(), reportJson.err());
        JsonNode stations = new ObjectMapper().readTree(reportJson.out()).get("stations");
        assertEquals(2, stations.size());
        assertEquals("func-1", stations.get(0).get("station").asText());
        assertEquals(2, stations.get(0).get("boards").asLong());
        assertEquals(1, stations.get(0).get("passed_first").asLong());
        assertEquals(0.5, stations.get(0).get("first_pass_yield").asDouble());
        assertEquals("prog-1", stations.get(1).get("station").asText());
        assertEquals(1.0, stations.get(1).get("first_pass_yield").asDouble());
    }
}
