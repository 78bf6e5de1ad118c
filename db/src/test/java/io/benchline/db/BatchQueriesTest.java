package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchQueriesTest {
    private static final Instant T = Instant.parse("2026-11-27T08:00:00Z");

    @TempDir
    Path dir;

    private static StepRecord step(int seq, String name, String kind, Verdict v, MeasurementRecord... ms) {
        return new StepRecord(seq, name, kind, T, T, v, null, List.of(ms));
    }

    private static MeasurementRecord volts(String name, double x, Verdict v) {
        return new MeasurementRecord(name, x, "V", 3.135, 3.465, v);
    }

    @Test
    void powerFailedReadingsAreThoseOfRunsThatFailedPowerOnOrARailCheck() {
        try (Database db = Database.open(dir.resolve("r").toString())) {
            ResultStore store = db.store();
            long vddFail = store.begin(Samples.start("SN-1", "B"), T);
            store.step(
                    vddFail,
                    step(
                            1,
                            "power-on",
                            "power",
                            Verdict.PASS,
                            new MeasurementRecord("power-on current", 0.02, "A", 0.005, 0.08, Verdict.PASS)));
            store.finish(
                    vddFail,
                    step(2, "VDD", "measure", Verdict.FAIL, volts("VDD", 0.52, Verdict.FAIL)),
                    new RunEnd(Verdict.FAIL, "VDD", "regulator", null),
                    T.plusSeconds(1));
            long swdFail = store.begin(Samples.start("SN-2", "B"), T.plusSeconds(2));
            store.step(swdFail, step(1, "VDD", "measure", Verdict.PASS, volts("VDD", 3.3, Verdict.PASS)));
            store.finish(
                    swdFail,
                    step(
                            2,
                            "swd-connect",
                            "swd-connect",
                            Verdict.FAIL,
                            new MeasurementRecord("RDP level", 1.0, "", null, 0.0, Verdict.FAIL)),
                    new RunEnd(Verdict.FAIL, "swd-connect", "rdp", null),
                    T.plusSeconds(3));
            long batch = db.batches().batch("B").orElseThrow().id();

            List<ExcludedReading> excluded = db.batches().read(batch).powerFailedReadings();
            assertEquals(
                    List.of("power-on current", "VDD"),
                    excluded.stream()
                            .map(ExcludedReading::name)
                            .sorted((a, b) -> b.compareTo(a))
                            .toList(),
                    "every judged reading of the run that failed at VDD, none of SN-2's");
            assertEquals(
                    List.of("VDD", "RDP level"),
                    db.batches().runs(batch).stream()
                            .map(BatchRun::firstFailingMeasurement)
                            .toList(),
                    "the Pareto's first failing measurement");

            List<BatchReading> readings = new ArrayList<>();
            db.batches().exportReadings(batch, readings::add);
            assertEquals(4, readings.size());
            assertEquals(
                    new BatchReading(vddFail, "SN-1", "VDD", "VDD", 0.52, "V", 3.135, 3.465, Verdict.FAIL),
                    readings.get(1));
            List<RunRow> runs = new ArrayList<>();
            db.batches().exportRuns(batch, runs::add);
            assertEquals(
                    List.of(vddFail, swdFail), runs.stream().map(RunRow::id).toList());
            assertEquals(T.plusSeconds(3), runs.get(1).endedAt());
        }
    }
}
