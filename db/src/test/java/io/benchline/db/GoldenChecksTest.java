package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden-board checks as stored (migration V13), the shift rule's question, and golden runs left off the line page. */
class GoldenChecksTest {
    @TempDir
    Path dir;

    String location(String name) {
        return dir.resolve(name).toString();
    }

    private static long pass(ResultStore store, String serial, String batch, Instant at) {
        long id = store.begin(Samples.start(serial, batch), at);
        store.end(id, new RunEnd(Verdict.PASS, null, null, null), at.plusSeconds(1));
        return id;
    }

    private static GoldenCheckRecord check(Verdict v, int runs, Instant end, List<Long> runIds) {
        return new GoldenCheckRecord(
                "st-g",
                "plan-a",
                "1",
                "fx",
                "GOLDEN-1",
                runs,
                runs,
                2.0,
                v,
                v == Verdict.PASS ? null : "run 1 of 3 ended FAIL",
                "eng",
                end.minusSeconds(30),
                end,
                runIds,
                List.of(
                        new GoldenFigure("VDD", "V", 3.135, 3.465, runs, 3.288, 0.001, 1.818, "good", 3.137, 3.463),
                        new GoldenFigure("VDD spread", "V", null, 0.05, runs, 0.004, 0.002, null, null, null, 0.046)));
    }

    @Test
    void aCheckIsStoredWithItsRunsAndFiguresAndTheLatestPassingOneIsFound() {
        try (Database db = Database.open(location("results"))) {
            Instant t = Instant.parse("2026-12-01T13:50:00Z");
            String golden = GoldenChecks.batchFor("plan-a");
            long r1 = pass(db.store(), "GOLDEN-1", golden, t.minusSeconds(20));
            long r2 = pass(db.store(), "GOLDEN-1", golden, t.minusSeconds(10));
            GoldenChecks checks = db.golden();
            long before = checks.store(check(Verdict.PASS, 2, t, List.of(r1, r2)));
            long failed = checks.store(check(Verdict.FAIL, 3, t.plusSeconds(1200), List.of()));
            long small = checks.store(check(Verdict.PASS, 2, t.plusSeconds(1500), List.of()));

            assertEquals(List.of(r1, r2), checks.runIds(before));
            assertEquals(check(Verdict.PASS, 2, t, List.of()).figures(), checks.figures(before));
            assertEquals(
                    List.of(small, failed, before),
                    checks.checks("st-g").stream().map(GoldenCheckRow::id).toList());
            Instant shift = Instant.parse("2026-12-01T14:00:00Z");
            assertTrue(checks.lastPassed("st-g", "plan-a", shift, 3).isEmpty(), "a FAIL, and too few runs");
            assertEquals(
                    small,
                    checks.lastPassed("st-g", "plan-a", shift, 2).orElseThrow().id());
            assertEquals(
                    Verdict.PASS,
                    checks.lastPassed("st-g", "plan-a", t, 2).orElseThrow().verdict());
            assertTrue(checks.lastPassed("st-other", "plan-a", t.minusSeconds(60), 2)
                    .isEmpty());
            assertTrue(
                    checks.lastPassed("st-g", "plan-b", t.minusSeconds(60), 2).isEmpty());
        }
    }

    @Test
    void theLinePageLeavesGoldenRunsOut() {
        try (Database db = Database.open(location("results"))) {
            Instant t = Instant.now().minusSeconds(60);
            pass(db.store(), "SN-1", "LOT-1", t);
            pass(db.store(), "GOLDEN-1", GoldenChecks.batchFor("plan-a"), t);
            pass(db.store(), "GOLDEN-1", GoldenChecks.batchFor("plan-a"), t.plusSeconds(5));
            long fail = db.store().begin(Samples.start("GOLDEN-1", GoldenChecks.batchFor("plan-a")), t);
            db.store().end(fail, new RunEnd(Verdict.FAIL, "VDD", "hint", null), t.plusSeconds(1));
            List<LineCount> counts = db.line().counts(t.minusSeconds(3600));
            assertEquals(1, counts.stream().mapToLong(LineCount::runs).sum());
            assertEquals(1, counts.stream().mapToLong(LineCount::passedFirst).sum());
            assertTrue(db.line().failures(t.minusSeconds(3600)).isEmpty());
        }
    }
}
