package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.db.Database;
import io.benchline.reports.BatchReport;
import io.benchline.reports.BatchReports;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Result(int exit, String out) {}

    private static synchronized Result cli(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return new Result(Main.run(args), buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
        }
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in\n" + text);
        return Long.parseLong(m.group(1));
    }

    @Test
    void reportJsonGivesTheDemoSummaryNumbers() throws Exception {
        String db = dir.resolve("demo").toString();
        Result demo = cli(
                "demo",
                "--boards",
                "200",
                "--batch",
                "D200",
                "--quiet",
                "--db",
                db,
                "--plan",
                "../plans/stm32f411-board.yaml",
                "--fixture",
                "../fixtures/sim-f411.yaml");
        assertEquals(0, demo.exit(), demo.out());
        Result report = cli(
                "report",
                "--batch",
                "D200",
                "--json",
                "--db",
                db,
                "--csv",
                dir.resolve("d200.csv").toString(),
                "--html",
                dir.resolve("d200.html").toString());
        assertEquals(0, report.exit(), report.out());
        JsonNode j = JSON.readTree(report.out());

        String s = demo.out();
        assertEquals(number(s, "boards tested\\s+(\\d+)"), j.get("boards").asLong());
        assertEquals(200, j.get("boards").asLong());
        assertEquals(
                number(s, "first-pass yield .*\\((\\d+)/"),
                j.get("passed_first").asLong());
        assertEquals(
                number(s, "final yield .*\\((\\d+)/"), j.get("passed_final").asLong());
        assertEquals(number(s, "\\((\\d+) retests in"), j.get("retests").asLong());
        assertEquals(number(s, "retests in (\\d+) runs"), j.get("runs").asLong());
        assertEquals(number(s, "\\((\\d+) ERROR"), j.get("error_runs").asLong());
        assertEquals(number(s, "ERROR, (\\d+) ABORTED"), j.get("aborted_runs").asLong());
        assertEquals(
                j.get("passed_first").asDouble() / 200,
                j.get("first_pass_yield").asDouble(),
                1e-12);
        assertEquals(
                j.get("retests").asDouble() / j.get("runs").asDouble(),
                j.get("retest_rate").asDouble(),
                1e-12);
        String fpy = String.format(
                java.util.Locale.ROOT,
                "%.1f %%",
                100 * j.get("first_pass_yield").asDouble());
        assertTrue(s.contains("first-pass yield   " + fpy), s);
        List<String> demoFailures = new ArrayList<>();
        Matcher f = Pattern.compile("(?m)^    (\\S.*?)\\s+(\\d+)  ").matcher(s);
        while (f.find()) {
            demoFailures.add(f.group(1) + "=" + f.group(2));
        }
        List<String> jsonFailures = new ArrayList<>();
        for (JsonNode x : j.get("failures")) {
            String label = x.get("measurement").isNull()
                            || x.get("measurement")
                                    .asText()
                                    .equals(x.get("step").asText())
                    ? x.get("step").asText()
                    : x.get("step").asText() + " / " + x.get("measurement").asText();
            jsonFailures.add(label + "=" + x.get("runs").asLong());
        }
        assertEquals(demoFailures, jsonFailures);
        assertTrue(jsonFailures.size() >= 5, "the demo mix has every fault profile at 200 boards: " + jsonFailures);
        assertTrue(j.get("measurements").size() >= 10);
        String runsCsv = Files.readString(dir.resolve("d200-runs.csv"));
        assertTrue(runsCsv.startsWith("run_id,serial,uid,"), "d200.csv is a prefix: one tidy table per file");
        assertEquals(j.get("runs").asLong() + 1, runsCsv.split("\r\n", -1).length - 1, "a header and one row per run");
        assertTrue(Files.readString(dir.resolve("d200-measurements.csv"))
                .startsWith("run_id,serial,step,measurement,reading"));
        assertTrue(Files.readString(dir.resolve("d200-summary.csv")).startsWith("batch,product,boards"));
        assertTrue(Files.readString(dir.resolve("d200.html")).contains("<svg"));

        Result list = cli("report", "--db", db);
        assertEquals(0, list.exit());
        assertTrue(list.out().contains("D200"), list.out());
        assertEquals(
                ExitCodes.USAGE, cli("report", "--batch", "NOPE", "--db", db).exit());
    }

    /**
     * A station process holds the H2 file; this process reads it (report, trace) while the station
     * keeps writing runs.
     */
    @Test
    void reportsAndTracesReadWhileAStationProcessHoldsTheDatabase() throws Exception {
        String db = dir.resolve("shared").toString();
        Process station = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "station",
                        "--plan",
                        "../plans/stm32f411-board.yaml",
                        "--fixture",
                        "sim:good",
                        "--port",
                        "0",
                        "--batch",
                        "SHARED",
                        "--db",
                        db)
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
            assertTrue(address != null && address.matches("http://127\\.0\\.0\\.1:\\d+/"), String.join("\n", lines));
            HttpClient http = HttpClient.newHttpClient();
            int refused = 0;
            for (int i = 1; i <= 3; i++) {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(address + "api/runs"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"serial\":\"SN-SH-" + i + "\",\"operator\":\"eve\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 409 && refused++ < 10_000) {
                    i--; // the previous board is still being tested: START again, as an operator would
                    continue;
                }
                assertEquals(202, r.statusCode(), r.body());
            }
            try (Database reader = Database.open(db)) {
                BatchReport rep = null;
                for (int i = 0; i < 500; i++) {
                    rep = new BatchReports(reader.batches()).report("SHARED").orElseThrow();
                    if (rep.yield().boards() == 3) {
                        break;
                    }
                    Thread.sleep(10);
                }
                assertEquals(3, rep.yield().boards());
                assertEquals(1.0, rep.yield().firstPassYield());
                assertEquals("eve", reader.trace().board("SN-SH-2").get(0).run().operator());
            }
            Result trace = cli("trace", "SN-SH-1", "--db", db);
            assertEquals(0, trace.exit(), trace.out());
            assertTrue(trace.out().contains("PASS"));
            Result report = cli("report", "--batch", "SHARED", "--json", "--db", db);
            assertEquals(3, JSON.readTree(report.out()).get("boards").asInt());
            assertTrue(station.isAlive(), "the station kept running");
        } finally {
            station.destroy();
            station.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void traceOfAUidOnTwoBoardsListsBothSerials() throws Exception {
        String db = dir.resolve("uid").toString();
        String uid = "0033002D3133510637363930";
        try (Database database = Database.open(db)) {
            java.time.Instant t = java.time.Instant.parse("2026-12-02T14:00:00Z");
            for (String serial : List.of("SN-OLD", "SN-NEW")) {
                long id = database.store()
                        .begin(
                                new io.benchline.db.RunStart(
                                        serial,
                                        "B",
                                        "F411",
                                        "bench-1",
                                        "alice",
                                        "sim",
                                        "plan",
                                        "1",
                                        "a".repeat(64),
                                        null,
                                        "test"),
                                t);
                database.store()
                        .stepBindingUid(
                                id,
                                new io.benchline.db.StepRecord(
                                        1, "read-uid", "read-uid", t, t, io.benchline.db.Verdict.PASS, null, List.of()),
                                uid);
                database.store()
                        .end(
                                id,
                                new io.benchline.db.RunEnd(io.benchline.db.Verdict.PASS, null, null, null),
                                t.plusSeconds(5));
                t = t.plusSeconds(60);
            }
        }
        Result text = cli("trace", uid, "--db", db);
        assertEquals(0, text.exit(), text.out());
        assertTrue(text.out().contains("uid " + uid + " was read on 2 board(s): SN-NEW, SN-OLD"), text.out());
        assertTrue(text.out().contains("several serials"), text.out());
        assertTrue(text.out().contains("board SN-NEW") && text.out().contains("board SN-OLD"), text.out());

        Result json = cli("trace", uid.toLowerCase(), "--json", "--db", db);
        assertEquals(0, json.exit(), json.out());
        JsonNode j = JSON.readTree(json.out());
        assertEquals("uid", j.get("matched_by").asText());
        assertEquals(2, j.get("serials").size());
        assertEquals(2, j.get("boards").size());
        JsonNode run = j.get("boards").get(0).get("runs").get(0);
        assertTrue(run.has("started_at") && run.has("plan_sha256") && !run.has("startedAt"), run.toString());
    }
}
