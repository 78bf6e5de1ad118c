package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {
    @TempDir
    Path dir;

    /** Where a test's database named so lives: an H2 file here; a PostgreSQL database in the subclass. */
    String location(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void runRoundTripsWithStepsMeasurementsAndUid() {
        try (Database db = Database.open(location("results"))) {
            ResultStore store = db.store();
            long run = store.begin(Samples.start("SN-LOT7-0042", "LOT7"), Instant.parse("2026-11-27T08:00:00Z"));
            store.step(run, Samples.vddStep(1, 3.288, Verdict.PASS));
            store.stepBindingUid(run, Samples.vddStep(2, 3.29, Verdict.PASS), "0033002D3133510637363930");
            assertTrue(store.finish(
                    run,
                    Samples.vddStep(3, 3.3, Verdict.PASS),
                    new RunEnd(Verdict.PASS, null, null, null),
                    Instant.parse("2026-11-27T08:00:05Z")));

            List<RunDetail> trace = db.trace().board("SN-LOT7-0042");
            assertEquals(1, trace.size());
            RunRow row = trace.get(0).run();
            assertEquals(Verdict.PASS, row.verdict());
            assertEquals("LOT7", row.batch());
            assertEquals("a".repeat(64), row.planSha256());
            assertEquals("0033002D3133510637363930", row.uid());
            assertEquals(3, trace.get(0).steps().size());
            MeasurementRow m = trace.get(0).steps().get(0).measurements().get(0);
            assertEquals(3.288, m.reading());
            assertEquals(3.135, m.low());
            assertEquals("V", m.unit());
            assertEquals(
                    "SN-LOT7-0042",
                    db.trace().serialOfUid("0033002d3133510637363930").orElseThrow());
        }
    }

    @Test
    void retestIsANewRunAndTraceIsNewestFirst() {
        try (Database db = Database.open(location("results"))) {
            ResultStore store = db.store();
            long first = store.begin(Samples.start("SN-1", "B"), Instant.parse("2026-11-27T08:00:00Z"));
            store.end(
                    first,
                    new RunEnd(Verdict.FAIL, "VDD", "check the regulator", null),
                    Instant.parse("2026-11-27T08:00:01Z"));
            long second = store.begin(Samples.start("SN-1", "B"), Instant.parse("2026-11-27T09:00:00Z"));
            store.end(second, new RunEnd(Verdict.PASS, null, null, null), Instant.parse("2026-11-27T09:00:01Z"));

            List<RunDetail> trace = db.trace().board("SN-1");
            assertEquals(
                    List.of(second, first),
                    trace.stream().map(d -> d.run().id()).toList());
            assertEquals("check the regulator", trace.get(1).run().hint());
            assertFalse(
                    store.end(first, new RunEnd(Verdict.PASS, null, null, null), Instant.now()),
                    "a closed run is never rewritten");
            assertFalse(
                    store.finish(
                            first,
                            Samples.vddStep(9, 3.3, Verdict.PASS),
                            new RunEnd(Verdict.PASS, null, null, null),
                            Instant.now()),
                    "nor finished twice");
            assertEquals(0, db.trace().run(first).orElseThrow().steps().size(), "a refused finish stores no step");
            assertEquals(Verdict.FAIL, db.trace().run(first).orElseThrow().run().verdict());
        }
    }

    @Test
    void openRunsAreClosedAsAbortedAtTheNextStart() {
        long open;
        long done;
        try (Database db = Database.open(location("results"))) {
            done = db.store().begin(Samples.start("SN-A", "B"), Instant.now());
            db.store().end(done, new RunEnd(Verdict.PASS, null, null, null), Instant.now());
            open = db.store().begin(Samples.start("SN-B", "B"), Instant.now());
            db.store().step(open, Samples.vddStep(1, 3.3, Verdict.PASS));
            assertNull(db.trace().run(open).orElseThrow().run().verdict());
        }
        try (Database db = Database.open(location("results"))) {
            assertEquals(1, db.recoverInterruptedRuns("bench-1"));
            RunRow aborted = db.trace().run(open).orElseThrow().run();
            assertEquals(Verdict.ABORTED, aborted.verdict());
            assertTrue(aborted.message().contains("cut off"));
            assertEquals(1, db.trace().run(open).orElseThrow().steps().size(), "steps already stored are kept");
            assertEquals(Verdict.PASS, db.trace().run(done).orElseThrow().run().verdict());
            assertEquals(0, db.recoverInterruptedRuns("bench-1"));
        }
    }

    @Test
    void aLiveStationsOpenRunIsNotAbortedByAnotherProcessOpeningTheFile() throws Exception {
        String path = location("shared");
        try (Database station = Database.open(path)) {
            long live = station.store().begin(Samples.start("SN-LIVE", "B"), Instant.now());
            try (Database reader = Database.open(path)) {
                assertEquals(0, reader.recoverInterruptedRuns("bench-1"));
                assertNull(reader.trace().run(live).orElseThrow().run().verdict());
            }
        }
    }
}
