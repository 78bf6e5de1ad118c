package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceQueriesTest {
    @TempDir
    Path dir;

    /** Where a test's database named so lives: an H2 file here; a PostgreSQL database in the subclass. */
    String location(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void aBoardHasPassedOnceAnyOfItsRunsPassed() {
        try (Database db = Database.open(location("results"))) {
            ResultStore store = db.store();
            Instant t = Instant.parse("2026-11-27T08:00:00Z");
            assertFalse(db.trace().hasPassed("SN-1"), "a board never tested");

            long failed = store.begin(Samples.start("SN-1", "B"), t);
            store.end(failed, new RunEnd(Verdict.FAIL, "VDD", "check the regulator", null), t.plusSeconds(1));
            long running = store.begin(Samples.start("SN-1", "B"), t.plusSeconds(2));
            assertFalse(db.trace().hasPassed("SN-1"), "a FAIL and a run without verdict yet");

            store.end(running, new RunEnd(Verdict.PASS, null, null, null), t.plusSeconds(3));
            long again = store.begin(Samples.start("SN-1", "B"), t.plusSeconds(4));
            store.end(again, new RunEnd(Verdict.FAIL, "VDD", "check the regulator", null), t.plusSeconds(5));
            assertTrue(db.trace().hasPassed("SN-1"), "a PASS stays a PASS after a failed retest");

            long other = store.begin(Samples.start("SN-2", "B"), t.plusSeconds(6));
            store.end(other, new RunEnd(Verdict.ERROR, "swd-connect", "probe", null), t.plusSeconds(7));
            assertFalse(db.trace().hasPassed("SN-2"), "only that board's runs count");
            assertFalse(db.trace().hasPassed("SN-"), "the serial is matched whole");
        }
    }
}
