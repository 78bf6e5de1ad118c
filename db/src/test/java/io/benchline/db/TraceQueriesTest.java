package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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

    @Test
    void aUidReadOnSeveralBoardsGivesEverySerial() {
        String moved = "0033002D3133510637363930";
        String fresh = "0044002D3133510637363931";
        try (Database db = Database.open(dir.resolve("results").toString())) {
            ResultStore store = db.store();
            Instant t = Instant.parse("2026-11-27T08:00:00Z");
            long first = store.begin(Samples.start("SN-1", "B"), t);
            store.stepBindingUid(first, Samples.vddStep(1, 3.3, Verdict.PASS), moved);
            store.end(first, new RunEnd(Verdict.PASS, null, null, null), t.plusSeconds(1));
            // the chip is moved to SN-2; SN-1 is reworked with a new chip
            long second = store.begin(Samples.start("SN-2", "B"), t.plusSeconds(2));
            store.stepBindingUid(second, Samples.vddStep(1, 3.3, Verdict.PASS), moved);
            store.end(second, new RunEnd(Verdict.PASS, null, null, null), t.plusSeconds(3));
            long reworked = store.begin(Samples.start("SN-1", "B"), t.plusSeconds(4));
            store.stepBindingUid(reworked, Samples.vddStep(1, 3.3, Verdict.PASS), fresh);
            store.end(reworked, new RunEnd(Verdict.PASS, null, null, null), t.plusSeconds(5));

            assertEquals(
                    List.of("SN-1", "SN-2"),
                    db.trace().serialsOfUid(moved.toLowerCase()),
                    "SN-1 no longer carries it, but its first run read it");
            assertEquals(List.of("SN-1"), db.trace().serialsOfUid(fresh));
            assertEquals(List.of(), db.trace().serialsOfUid("000000000000000000000000"));
        }
    }
}
