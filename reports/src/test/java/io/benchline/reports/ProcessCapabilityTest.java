package io.benchline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cpk only for continuous readings of boards that came up (docs/yield.md). */
class ProcessCapabilityTest {
    private static final Instant T0 = Instant.parse("2026-12-02T14:00:00Z");

    @TempDir
    Path dir;

    @Test
    void continuousIsAPhysicalUnitWithALimit() {
        assertTrue(ContinuousMeasurement.test("V"));
        assertTrue(ContinuousMeasurement.test("A"));
        assertTrue(ContinuousMeasurement.test("mV"));
        assertTrue(ContinuousMeasurement.test("kHz"));
        assertTrue(ContinuousMeasurement.test("ms"));
        assertTrue(ContinuousMeasurement.test("Ω"));
        assertFalse(ContinuousMeasurement.test(""), "RDP level");
        assertFalse(ContinuousMeasurement.test("B"), "verify mismatches");
        assertFalse(ContinuousMeasurement.test("KiB"), "flash size");
        assertNull(MeasurementStats.cpk(3.3, 0.01, null, null), "no limit: nothing to be capable against");
        assertFalse(ContinuousMeasurement.test("mm"), "not a unit the station measures");
    }

    private static void board(Database db, int i, boolean powered) {
        Instant at = T0.plusSeconds(30L * i);
        long id = db.store()
                .begin(
                        new RunStart(
                                "SN-" + i,
                                "CPK",
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
        double current = 0.020 + 0.001 * (i % 5);
        db.store()
                .step(
                        id,
                        new StepRecord(
                                1,
                                "power-on",
                                "power",
                                at,
                                at,
                                Verdict.PASS,
                                null,
                                List.of(new MeasurementRecord(
                                        "power-on current", current, "A", 0.005, 0.080, Verdict.PASS))));
        double vdd = powered ? 3.28 + 0.01 * (i % 5) : 0.52;
        Verdict v = powered ? Verdict.PASS : Verdict.FAIL;
        StepRecord rails = new StepRecord(
                2, "VDD", "measure", at, at, v, null, List.of(new MeasurementRecord("VDD", vdd, "V", 3.135, 3.465, v)));
        if (!powered) {
            db.store().finish(id, rails, new RunEnd(Verdict.FAIL, "VDD", "regulator", null), at.plusSeconds(10));
            return;
        }
        db.store().step(id, rails);
        db.store()
                .finish(
                        id,
                        new StepRecord(
                                3,
                                "swd-connect",
                                "swd-connect",
                                at,
                                at,
                                Verdict.PASS,
                                null,
                                List.of(
                                        new MeasurementRecord(
                                                "flash size", 512.0 + (i % 2) * 512, "KiB", 512.0, null, Verdict.PASS),
                                        new MeasurementRecord("RDP level", 0.0, "", null, 0.0, Verdict.PASS),
                                        new MeasurementRecord(
                                                "verify mismatches", (double) (i % 2), "B", null, 1.0, Verdict.PASS))),
                        new RunEnd(Verdict.PASS, null, null, null),
                        at.plusSeconds(20));
    }

    @Test
    void cpkLeavesOutDiscreteMeasurementsAndBoardsThatFailedPowerOn() {
        try (Database db = Database.open(dir.resolve("c").toString())) {
            for (int i = 0; i < 20; i++) {
                board(db, i, i % 10 != 3);
            }
            BatchReport r = new BatchReports(db.batches()).report("CPK").orElseThrow();
            Map<String, MeasurementStats> by =
                    r.measurements().stream().collect(Collectors.toMap(MeasurementStats::name, Function.identity()));

            MeasurementStats vdd = by.get("VDD");
            assertEquals(20, vdd.n(), "the statistics keep every judged reading");
            assertEquals(0.52, vdd.min(), 0);
            assertEquals(18, vdd.cpkN(), "the two boards at 0.52 V are not the process");
            assertEquals(Cpk.of(readings(i -> 3.28 + 0.01 * (i % 5), true), 3.135, 3.465), vdd.cpk(), 1e-9);

            MeasurementStats current = by.get("power-on current");
            assertEquals(18, current.cpkN(), "every reading of a board that failed a rail check is left out");
            assertEquals(Cpk.of(readings(i -> 0.020 + 0.001 * (i % 5), true), 0.005, 0.080), current.cpk(), 1e-9);

            for (String discrete : List.of("flash size", "RDP level", "verify mismatches")) {
                MeasurementStats s = by.get(discrete);
                assertFalse(s.continuous(), discrete);
                assertNull(s.cpk(), discrete);
                assertEquals(18, s.n(), discrete + ": still counted in the statistics");
            }
            assertNotNull(vdd.cpk());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> json =
                    (List<Map<String, Object>>) ReportJson.tree(r).get("measurements");
            Map<String, Object> rdp = json.stream()
                    .filter(m -> m.get("name").equals("RDP level"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(false, rdp.get("continuous"));
            assertNull(rdp.get("cpk"));
            assertTrue(ReportHtml.render(r).contains(">discrete<"));
        }
    }

    private static double[] readings(java.util.function.IntToDoubleFunction f, boolean poweredOnly) {
        return java.util.stream.IntStream.range(0, 20)
                .filter(i -> !poweredOnly || i % 10 != 3)
                .mapToDouble(f)
                .toArray();
    }

    /** Cpk from raw readings, the textbook way, to check the pooled tallies against. */
    private static final class Cpk {
        static double of(double[] x, double low, double high) {
            double mean = java.util.Arrays.stream(x).average().orElseThrow();
            double sigma = Math.sqrt(
                    java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1));
            return Math.min(high - mean, mean - low) / (3 * sigma);
        }
    }
}
