package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The route checks and result posts of migration V8 (docs/mes.md), as the station stores and reads them. */
class RouteChecksTest {
    @TempDir
    Path dir;

    /** Where a test's database lives: an H2 file here; a PostgreSQL database in the subclass. */
    String location(String name) {
        return dir.resolve(name).toString();
    }

    static RouteCheck check(String serial, RouteDecision d, String reason, Instant at) {
        return new RouteCheck(
                0, serial, "bench-1", "ana", "LOT-1", "p", "1.0", "http://mes/route", at, 12, d, reason, null);
    }

    @Test
    void checksAreStoredNewestFirstAndTiedToTheirRun() {
        try (Database db = Database.open(location("results"))) {
            RouteChecks checks = db.routeChecks();
            Instant t = Instant.parse("2026-12-02T08:00:00Z");
            checks.record(check("SN-1", RouteDecision.REFUSED, "no AOI pass", t));
            long allowed = checks.record(check("SN-1", RouteDecision.ALLOWED, null, t.plusSeconds(60)));
            checks.record(check("SN-2", RouteDecision.UNCHECKED_REFUSED, "the MES could not be asked", t));
            long run = db.store().begin(Samples.start("SN-1", "LOT-1"), t.plusSeconds(61));
            checks.linkRun(allowed, run);

            List<RouteCheck> sn1 = checks.ofSerial("SN-1");
            assertEquals(2, sn1.size());
            assertEquals(RouteDecision.ALLOWED, sn1.get(0).decision());
            assertEquals(run, sn1.get(0).runId());
            assertEquals(RouteDecision.REFUSED, sn1.get(1).decision());
            assertEquals("no AOI pass", sn1.get(1).reason());
            assertEquals("ana", sn1.get(1).operator());
            assertEquals(t, sn1.get(1).askedAt());
            assertNull(sn1.get(1).runId());
            assertEquals(1, checks.ofSerial("SN-2").size());
        }
    }

    @Test
    void aResultPostIsRetriedUpToItsTriesThenFailedOrSent() {
        try (Database db = Database.open(location("posts"))) {
            RouteChecks checks = db.routeChecks();
            Instant t = Instant.parse("2026-12-02T08:00:00Z");
            long run = db.store().begin(Samples.start("SN-3", "LOT-1"), t);
            assertTrue(checks.finishedRun(run).isEmpty(), "a run going is not posted");
            db.store().end(run, new RunEnd(Verdict.FAIL, "VDD", "check the regulator", "VDD low"), t.plusSeconds(5));
            PostedRun posted = checks.finishedRun(run).orElseThrow();
            assertEquals(Verdict.FAIL, posted.verdict());
            assertEquals("VDD", posted.failedStep());
            assertEquals("SN-3", posted.serial());

            checks.queueResultPost(run, "http://mes/results", t.plusSeconds(5));
            checks.queueResultPost(run, "http://mes/results", t.plusSeconds(6)); // a second queue changes nothing
            assertEquals(
                    List.of(run),
                    checks.pending("http://mes/results").stream()
                            .map(ResultPost::runId)
                            .toList());
            assertTrue(checks.pending("http://other/results").isEmpty());
            ResultPost p = checks.resultPostAttempt(run, false, "HTTP 503", 2, t.plusSeconds(7));
            assertEquals(ResultPost.State.PENDING, p.state());
            p = checks.resultPostAttempt(run, false, "connection refused", 2, t.plusSeconds(9));
            assertEquals(ResultPost.State.FAILED, p.state());
            assertEquals(2, p.attempts());
            assertEquals("connection refused", p.lastError());
            assertTrue(checks.pending("http://mes/results").isEmpty());

            long other = db.store().begin(Samples.start("SN-4", "LOT-1"), t);
            db.store().end(other, new RunEnd(Verdict.PASS, null, null, null), t.plusSeconds(1));
            checks.queueResultPost(other, "http://mes/results", t.plusSeconds(1));
            p = checks.resultPostAttempt(other, true, null, 2, t.plusSeconds(2));
            assertEquals(ResultPost.State.SENT, p.state());
            assertNull(p.lastError());
        }
    }
}
