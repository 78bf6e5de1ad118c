package io.benchline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.Database;
import io.benchline.db.MeasurementRecord;
import io.benchline.db.RunEnd;
import io.benchline.db.RunStart;
import io.benchline.db.StepRecord;
import io.benchline.db.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The definitions of docs/yield.md on hand-built batches, through the real store and queries. */
class YieldDefinitionsTest {
    private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");

    @TempDir
    Path dir;

    /** Where a test's database named so lives: an H2 file here; a PostgreSQL database in the subclass. */
    String location(String name) {
        return dir.resolve(name).toString();
    }

    private int minute;

    /** One run of a board: an optional VDD reading, then its verdict (null leaves it open). */
    private void run(Database db, String batch, String serial, Double vdd, Verdict verdict) {
        Instant at = T0.plusSeconds(60L * minute++);
        long id = db.store()
                .begin(
                        new RunStart(
                                serial,
                                batch,
                                "F411 board rev B",
                                "bench-1",
                                "alice",
                                "sim",
                                "plan",
                                "1",
                                "a".repeat(64),
                                null,
                                "test"),
                        at);
        if (vdd != null) {
            Verdict mv = vdd >= 3.135 && vdd <= 3.465 ? Verdict.PASS : Verdict.FAIL;
            db.store()
                    .step(
                            id,
                            new StepRecord(
                                    1,
                                    "VDD",
                                    "measure",
                                    at,
                                    at,
                                    mv,
                                    null,
                                    List.of(new MeasurementRecord("VDD", vdd, "V", 3.135, 3.465, mv))));
        }
        if (verdict != null) {
            boolean fail = verdict == Verdict.FAIL;
            db.store()
                    .end(
                            id,
                            new RunEnd(
                                    verdict,
                                    fail ? "VDD" : verdict == Verdict.PASS ? null : "swd-connect",
                                    fail ? "check the 3.3 V regulator" : null,
                                    null),
                            at.plusSeconds(5));
        }
    }

    @Test
    void retestsErrorsAndAbortedRunsCountAsDocumented() {
        try (Database db = Database.open(location("y"))) {
            String b = "LOT1";
            run(db, b, "SN-A", 3.30, Verdict.PASS); // A: passes first time
            run(db, b, "SN-B", 0.52, Verdict.FAIL); // B: fails, then passes on retest
            run(db, b, "SN-B", 3.29, Verdict.PASS);
            run(db, b, "SN-C", null, Verdict.ERROR); // C: station error first: not its first judged run
            run(db, b, "SN-C", 3.31, Verdict.PASS);
            run(db, b, "SN-D", 3.30, Verdict.PASS); // D: passes, then fails a retest: final is the last
            run(db, b, "SN-D", 3.60, Verdict.FAIL);
            run(db, b, "SN-E", null, Verdict.ABORTED); // E: only a station problem: not tested
            run(db, b, "SN-F", 0.50, Verdict.FAIL); // F: fails, retest cut off
            run(db, b, "SN-F", null, Verdict.ABORTED);
            run(db, "OTHER", "SN-G", 3.3, Verdict.FAIL); // another batch: never counted here

            YieldReport y = new BatchReports(db.batches()).yield(b);
            assertEquals(5, y.boards(), "tested = boards with a PASS or FAIL run: A B C D F");
            assertEquals(10, y.runs());
            assertEquals(3, y.passedFirst(), "A, C (its ERROR run does not judge it), D");
            assertEquals(3, y.passedFinal(), "A, B, C; D's last judged run failed; F's last judged run failed");
            assertEquals(0.6, y.firstPassYield(), 1e-12);
            assertEquals(0.6, y.finalYield(), 1e-12);
            assertEquals(4, y.retests(), "runs after a board's first: B, C, D, F");
            assertEquals(0.4, y.retestRate(), 1e-12);
            assertEquals(1, y.errorRuns());
            assertEquals(2, y.abortedRuns());
            assertEquals(3, y.stationProblems());
            assertEquals(1, y.failures().size());
            FailureCount f = y.failures().get(0);
            assertEquals("VDD", f.step());
            assertEquals("VDD", f.measurement());
            assertEquals(3, f.runs(), "FAIL runs, retests included: B, D, F");
            assertEquals("check the 3.3 V regulator", f.hint());
            assertEquals(1, y.hours().size());
            assertEquals(5, y.hours().get(0).boardsTested());
            // runs start a minute apart and end 5 s after their start: first start 08:00:00, last end 08:09:05
            assertEquals(T0.plusSeconds(9 * 60 + 5), y.lastEndAt());
            assertEquals(5 * 3600.0 / 545, y.boardsPerHour(), 1e-9, "boards / (last end - first start)");

            Map<String, Object> json = ReportJson.yieldTree(y);
            assertEquals(5L, json.get("boards"));
            assertEquals(0.6, (Double) json.get("first_pass_yield"), 1e-12);
            assertTrue(json.get("failures") instanceof List<?> l && l.size() == 1);
        }
    }

    @Test
    void openRunsAndAnEmptyBatchJudgeNothing() {
        try (Database db = Database.open(location("y"))) {
            run(db, "LOT2", "SN-A", 3.3, null);
            YieldReport y = new BatchReports(db.batches()).yield("LOT2");
            assertEquals(0, y.boards());
            assertEquals(1, y.openRuns());
            assertTrue(Double.isNaN(y.firstPassYield()));
            assertNull(ReportJson.yieldTree(y).get("first_pass_yield"));
            assertEquals(0, new BatchReports(db.batches()).yield("NO-SUCH").runs());
        }
    }

    @Test
    void measurementStatisticsComeFromTheTallies() {
        try (Database db = Database.open(location("y"))) {
            double[] vdd = {3.30, 3.31, 3.29, 3.32, 3.28, 0.52};
            for (int i = 0; i < vdd.length; i++) {
                run(db, "LOT3", "SN-" + i, vdd[i], vdd[i] > 3 ? Verdict.PASS : Verdict.FAIL);
            }
            BatchReport r = new BatchReports(db.batches()).report("LOT3").orElseThrow();
            MeasurementStats s = r.measurements().get(0);
            assertEquals("VDD", s.name());
            assertEquals(6, s.n());
            double mean = Arrays.stream(vdd).average().orElseThrow();
            double var = Arrays.stream(vdd).map(v -> (v - mean) * (v - mean)).sum() / (vdd.length - 1);
            assertEquals(mean, s.mean(), 1e-12);
            assertEquals(Math.sqrt(var), s.sigma(), 1e-12);
            assertEquals(0.52, s.min(), 0);
            assertEquals(3.32, s.max(), 0);
            // Cpk: the process readings only; the 0.52 V board failed its rail check (step kind measure)
            double[] process = Arrays.copyOf(vdd, 5);
            double pm = Arrays.stream(process).average().orElseThrow();
            double ps = Math.sqrt(
                    Arrays.stream(process).map(v -> (v - pm) * (v - pm)).sum() / (process.length - 1));
            assertTrue(s.continuous());
            assertEquals(5, s.cpkN());
            assertEquals(Math.min(3.465 - pm, pm - 3.135) / (3 * ps), s.cpk(), 1e-9);
            assertEquals(
                    6,
                    s.histogram().bins().stream()
                            .mapToLong(Histogram.Bin::count)
                            .sum());
            assertEquals(
                    1, s.histogram().bins().get(0).count(), "0.52 V falls in the lowest bin, beyond the low limit");
            assertTrue(s.histogram().bins().get(0).lower() < 3.135);

            String html = ReportHtml.render(r);
            assertTrue(html.contains("<svg"), "charts are inline SVG");
            assertTrue(
                    !html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import"),
                    "nothing fetched: the file can be mailed");
        }
    }
}
