package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk-loaded runs read back as the same runs, steps, measurements and tallies as the store writes. */
class BulkLoadTest {
    @TempDir
    Path dir;

    private record FinishedRun(
            RunStart start, Instant startedAt, List<StepRecord> steps, RunEnd end, Instant endedAt) {}

    @Test
    void bulkRowsAndTalliesAreTheStores() {
        List<FinishedRun> runs = runs();
        try (Database stored = Database.open(dir.resolve("stored").toString());
                Database bulk = Database.open(dir.resolve("bulk").toString())) {
            for (FinishedRun r : runs) {
                long id = stored.store().begin(r.start(), r.startedAt());
                for (StepRecord s : r.steps().subList(0, r.steps().size() - 1)) {
                    stored.store().step(id, s);
                }
                stored.store().finish(id, r.steps().get(r.steps().size() - 1), r.end(), r.endedAt());
            }
            try (BulkLoad load = bulk.bulkLoad()) {
                runs.forEach(r -> load.run(r.start(), r.startedAt(), r.steps(), r.end(), r.endedAt()));
            }

            for (String serial : List.of("SN-B-0", "SN-B-1", "SN-B-7")) {
                assertEquals(stored.trace().board(serial), bulk.trace().board(serial), serial);
            }
            long storedBatch = stored.batches().batch("LOT-B").orElseThrow().id();
            long bulkBatch = bulk.batches().batch("LOT-B").orElseThrow().id();
            assertEquals(stored.batches().runs(storedBatch), bulk.batches().runs(bulkBatch));
            assertEquals(stored.batches().tallies(storedBatch), bulk.batches().tallies(bulkBatch));
            assertEquals(stored.batches().batches(), bulk.batches().batches());
        }
    }

    @Test
    void theStoreCarriesOnAfterABulkLoad() {
        try (Database db = Database.open(dir.resolve("after").toString())) {
            try (BulkLoad load = db.bulkLoad()) {
                runs().forEach(r -> load.run(r.start(), r.startedAt(), r.steps(), r.end(), r.endedAt()));
            }
            Instant t = Instant.parse("2026-11-28T08:00:00Z");
            long id = db.store().begin(Samples.start("SN-B-0", "LOT-C"), t);
            db.store().finish(id, Samples.vddStep(1, 3.3, Verdict.PASS), new RunEnd(Verdict.PASS, null, null, null), t);
            assertEquals(id, db.trace().board("SN-B-0").get(0).run().id());
            // foreign keys are checked again once the load is closed
            assertThrows(
                    RuntimeException.class, () -> db.store().step(id + 1000, Samples.vddStep(2, 3.3, Verdict.PASS)));
        }
    }

    /** Twelve boards, a retest, a FAIL, an ERROR reading and a missing one. */
    private static List<FinishedRun> runs() {
        Random random = new Random(5);
        Instant t = Instant.parse("2026-11-27T08:00:00Z");
        List<FinishedRun> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            for (int attempt = 0; attempt < (i == 1 ? 2 : 1); attempt++) {
                boolean fail = i == 1 && attempt == 0;
                double vdd = fail ? 0.52 : 3.3 + random.nextGaussian() * 0.02;
                Instant start = t;
                t = t.plusSeconds(20);
                List<StepRecord> steps = List.of(
                        new StepRecord(
                                1,
                                "VDD",
                                "measure",
                                start,
                                start.plusMillis(40),
                                fail ? Verdict.FAIL : Verdict.PASS,
                                null,
                                List.of(
                                        new MeasurementRecord(
                                                "VDD", vdd, "V", 3.135, 3.465, fail ? Verdict.FAIL : Verdict.PASS),
                                        new MeasurementRecord(
                                                "VDD spread",
                                                Math.abs(random.nextGaussian() * 0.01),
                                                "V",
                                                null,
                                                0.05,
                                                Verdict.PASS),
                                        new MeasurementRecord("garbage", 7.0, "V", 0.0, 1.0, Verdict.ERROR),
                                        new MeasurementRecord("not read", null, "V", null, null, Verdict.ERROR))),
                        new StepRecord(
                                2,
                                "teardown",
                                "teardown",
                                start.plusMillis(50),
                                start.plusMillis(60),
                                Verdict.PASS,
                                null,
                                List.of()));
                out.add(new FinishedRun(
                        Samples.start("SN-B-" + i, "LOT-B"),
                        start,
                        steps,
                        new RunEnd(
                                fail ? Verdict.FAIL : Verdict.PASS,
                                fail ? "VDD" : null,
                                fail ? "check 3V3" : null,
                                null),
                        t));
            }
        }
        return out;
    }
}
