package io.benchline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.Database;
import io.benchline.db.MeasurementRecord;
import io.benchline.db.RunEnd;
import io.benchline.db.RunStart;
import io.benchline.db.StepRecord;
import io.benchline.db.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's control charts: limits from the first passing readings, violations listed and marked, power-on failures left out. */
class ControlChartReportTest {
    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");

    @TempDir
    Path dir;

    private static void board(Database db, int i, double vcap, boolean powered) {
        Instant at = T0.plusSeconds(30L * i);
        long id = db.store()
                .begin(
                        new RunStart(
                                "SN-" + i,
                                "SPC",
                                "F411",
                                "bench-1",
                                "alice",
                                "sim",
                                "plan",
                                "1",
                                "a".repeat(64),
                                null,
                                "test"),
                        at);
        Verdict v = powered ? Verdict.PASS : Verdict.FAIL;
        StepRecord step = new StepRecord(
                1,
                "VCAP1",
                "measure",
                at,
                at,
                v,
                null,
                List.of(new MeasurementRecord("VCAP1", vcap, "V", powered ? 1.08 : 1.3, 1.38, v)));
        db.store().finish(id, step, new RunEnd(v, powered ? null : "VCAP1", null, null), at.plusSeconds(5));
    }

    @Test
    void aRampIsMarkedAfterTheBaselineAndBoardsThatFailedPowerOnAreNoPoints() {
        try (Database db = Database.open(dir.resolve("r").toString())) {
            Random noise = new Random(7);
            int i = 0;
            for (; i < 20; i++) {
                board(db, i, 1.26 + 0.002 * noise.nextGaussian(), true);
            }
            board(db, i++, 0.31, false); // VCAP missing: failed at the rail, not the process
            for (int k = 1; k <= 10; k++, i++) {
                board(db, i, 1.26 + 0.002 * noise.nextGaussian() + 0.006 * k, true);
            }
            BatchReport r = new BatchReports(db.batches()).report("SPC").orElseThrow();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> charts =
                    (List<Map<String, Object>>) ReportJson.tree(r).get("control_charts");
            assertEquals(1, charts.size());
            Map<String, Object> vcap = charts.get(0);
            assertEquals("VCAP1", vcap.get("measurement"));
            assertEquals(30, vcap.get("points"), "the board that failed power-on is left out");
            assertEquals(1.26, (Double) vcap.get("centre"), 0.003);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> violations = (List<Map<String, Object>>) vcap.get("violations");
            assertFalse(violations.isEmpty());
            assertTrue(
                    violations.stream().allMatch(v -> (Integer) v.get("point") > 20),
                    "nothing fires in the baseline: " + violations);
            assertTrue(
                    violations.stream().anyMatch(v -> ((List<?>) v.get("rules")).contains("6-rising")),
                    violations.toString());
            assertEquals("SN-30", violations.get(violations.size() - 1).get("serial"));

            String html = ReportHtml.render(r);
            assertTrue(html.contains("<div class=\"hist spc\"><h3>VCAP1</h3>"), "drawn beside its histogram");
            assertTrue(html.contains("rule broken"), "the violations' marker in the legend");
            assertTrue(html.contains(violations.size() + " broke a rule"), html);
        }
    }
}
