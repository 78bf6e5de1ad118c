package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quarantines, releases and engineer actions as stored (migration V5). */
class FlowRecordsTest {
    @TempDir
    Path dir;

    String location(String name) {
        return dir.resolve(name).toString();
    }

    private static void fail(ResultStore store, String serial, Instant at) {
        long id = store.begin(Samples.start(serial, "B"), at);
        store.end(id, new RunEnd(Verdict.FAIL, "VDD", "check the regulator", null), at.plusSeconds(1));
    }

    @Test
    void failsAreCountedSinceTheLastReleaseAndAQuarantineIsClosedOnce() {
        try (Database db = Database.open(location("results"))) {
            Instant t = Instant.parse("2026-12-01T08:00:00Z");
            FlowRecords flow = db.flow();
            fail(db.store(), "SN-1", t);
            fail(db.store(), "SN-1", t.plusSeconds(10));
            long error = db.store().begin(Samples.start("SN-1", "B"), t.plusSeconds(20));
            db.store().end(error, new RunEnd(Verdict.ERROR, "swd-connect", "probe", null), t.plusSeconds(21));
            fail(db.store(), "SN-2", t);
            assertEquals(2, flow.failsSinceRelease("SN-1"), "an ERROR is the station's, not the board's");
            assertTrue(flow.openQuarantine("SN-1").isEmpty());

            Quarantine q = flow.quarantine("SN-1", "st-1", "2 FAILs, retest limit 1", t.plusSeconds(30));
            assertTrue(q.open());
            assertEquals(q, flow.quarantine("SN-1", "st-1", "again", t.plusSeconds(40)), "one open quarantine");
            assertTrue(flow.release("SN-2", "st-1", "eve", "never quarantined", t.plusSeconds(45))
                    .isEmpty());

            Quarantine released = flow.release("SN-1", "st-1", "eve", "reworked U3", t.plusSeconds(50))
                    .orElseThrow();
            assertEquals("eve", released.releasedBy());
            assertTrue(flow.openQuarantine("SN-1").isEmpty());
            assertTrue(flow.release("SN-1", "st-1", "eve", "twice", t.plusSeconds(55))
                    .isEmpty());
            assertEquals(0, flow.failsSinceRelease("SN-1"), "a release starts the count again");
            fail(db.store(), "SN-1", t.plusSeconds(60));
            assertEquals(1, flow.failsSinceRelease("SN-1"));

            List<Quarantine> all = flow.quarantines("SN-1");
            assertEquals(1, all.size());
            assertEquals("reworked U3", all.get(0).releaseReason());
            assertEquals(t.plusSeconds(50), all.get(0).releasedAt());
            List<EngineerAction> actions = flow.actions("SN-1");
            assertEquals(1, actions.size());
            assertEquals(EngineerAction.RELEASE, actions.get(0).action());
            assertEquals("eve", actions.get(0).author());
            assertEquals("reworked U3", actions.get(0).reason());
        }
    }

    @Test
    void refusedPinsCountUntilTheNameActsWithAGoodOne() {
        try (Database db = Database.open(location("results"))) {
            Instant t = Instant.parse("2026-12-01T08:00:00Z");
            FlowRecords flow = db.flow();
            for (int i = 0; i < 3; i++) {
                flow.record(new EngineerAction(
                        t.plusSeconds(i), "eve", EngineerAction.PIN_REFUSED, "SN-1", "st-1", null, null));
            }
            flow.record(new EngineerAction(t, "bob", EngineerAction.PIN_REFUSED, null, "st-1", null, null));
            assertEquals(3, flow.refusalsSince("eve", t).size());
            assertEquals(1, flow.refusalsSince("eve", t.plusSeconds(2)).size(), "older ones have expired");
            flow.record(new EngineerAction(
                    t.plusSeconds(5), "eve", EngineerAction.CONFIRM_RETEST, "SN-1", "st-1", null, null));
            assertEquals(0, flow.refusalsSince("eve", t).size());
            assertFalse(flow.refusalsSince("bob", t).isEmpty());
        }
    }
}
