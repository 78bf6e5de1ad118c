package io.benchline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.Database;
import io.benchline.db.MeasurementRecord;
import io.benchline.db.RunDetail;
import io.benchline.db.RunEnd;
import io.benchline.db.RunStart;
import io.benchline.db.StepRecord;
import io.benchline.db.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV export: one tidy table per file, RFC 4180, read back row for row against the database. */
class ReportCsvTest {
    private static final Instant T0 = Instant.parse("2026-12-02T14:00:00Z");
    private static final String HINT = "check \"U3\", the 3.3 V regulator,\nthen VDD";

    @TempDir
    Path dir;

    private static List<Map<String, String>> table(Path file) throws Exception {
        List<List<String>> rows = Rfc4180.parse(Files.readString(file, StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            assertEquals(header.size(), r.size(), file + ": every row as wide as the header");
            Map<String, String> m = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), r.get(i));
            }
            out.add(m);
        }
        return out;
    }

    @Test
    void runsAndReadingsReadBackAsManyRowsAsTheDatabaseHolds() throws Exception {
        try (Database db = Database.open(dir.resolve("db").toString())) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Instant at = T0.plusSeconds(60L * i);
                long id = db.store()
                        .begin(
                                new RunStart(
                                        "SN," + i,
                                        "LOT-CSV",
                                        "F411",
                                        "bench-1",
                                        "O'Neil, Pat",
                                        "sim",
                                        "plan",
                                        "1",
                                        "a".repeat(64),
                                        null,
                                        "1.4.0"),
                                at);
                ids.add(id);
                boolean bad = i % 4 == 0;
                Verdict v = bad ? Verdict.FAIL : Verdict.PASS;
                StepRecord rails = new StepRecord(
                        1,
                        "VDD",
                        "measure",
                        at,
                        at,
                        v,
                        null,
                        List.of(
                                new MeasurementRecord("VDD", bad ? 0.52 : 3.3, "V", 3.135, 3.465, v),
                                new MeasurementRecord("VDD spread", 0.002, "V", null, 0.05, Verdict.PASS)));
                db.store()
                        .finish(
                                id,
                                rails,
                                new RunEnd(v, bad ? "VDD" : null, bad ? HINT : null, null),
                                at.plusSeconds(20));
            }
            BatchReports reports = new BatchReports(db.batches());
            BatchReport r = reports.report("LOT-CSV").orElseThrow();
            List<Path> files = reports.writeCsv(r, dir.resolve("out"), "");
            assertEquals(
                    ReportCsv.FILES,
                    files.stream().map(f -> f.getFileName().toString()).toList());

            List<Map<String, String>> runs = table(dir.resolve("out/runs.csv"));
            long storedRuns = db.batches().batches().get(0).runs();
            assertEquals(storedRuns, runs.size(), "one row per run");
            long storedReadings = 0;
            for (long id : ids) {
                RunDetail d = db.trace().run(id).orElseThrow();
                storedReadings += d.steps().stream()
                        .mapToLong(s -> s.measurements().size())
                        .sum();
            }
            List<Map<String, String>> readings = table(dir.resolve("out/measurements.csv"));
            assertEquals(storedReadings, readings.size(), "one row per reading");
            assertEquals(24, readings.size());

            Map<String, String> first = runs.get(0);
            assertEquals(String.valueOf(ids.get(0)), first.get("run_id"));
            assertEquals("SN,0", first.get("serial"), "a comma inside a field survives");
            assertEquals("O'Neil, Pat", first.get("operator"));
            assertEquals(HINT, first.get("hint"), "quotes and a line break survive");
            assertEquals("2026-12-02T14:00:00Z", first.get("started_at"));
            assertEquals("2026-12-02T14:00:20Z", first.get("ended_at"));
            assertEquals("FAIL", first.get("verdict"));
            assertEquals("VDD", first.get("failed_step"));
            assertEquals("1.4.0", first.get("software_version"));

            Map<String, String> reading = readings.get(0);
            assertEquals(
                    List.of("run_id", "serial", "step", "measurement", "reading", "unit", "low", "high", "verdict"),
                    List.copyOf(reading.keySet()));
            assertEquals(String.valueOf(ids.get(0)), reading.get("run_id"));
            assertEquals("0.52", reading.get("reading"));
            assertEquals("", readings.get(1).get("low"), "no limit: an empty cell");

            assertEquals(1, table(dir.resolve("out/summary.csv")).size());
            assertEquals("12", table(dir.resolve("out/summary.csv")).get(0).get("boards"));
            assertEquals(
                    r.measurements().size(),
                    table(dir.resolve("out/measurement_stats.csv")).size());
            assertEquals(
                    r.yield().failures().size(),
                    table(dir.resolve("out/failures.csv")).size());
            assertEquals(
                    r.yield().hours().size(),
                    table(dir.resolve("out/hours.csv")).size());

            reports.writeCsv(r, dir.resolve("out"), "lot-");
            assertTrue(Files.exists(dir.resolve("out/lot-measurements.csv")), "a prefix names every file");
        }
    }
}
