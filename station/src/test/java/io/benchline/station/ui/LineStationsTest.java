package io.benchline.station.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.benchline.db.Database;
import io.benchline.db.RunDetail;
import io.benchline.db.Verdict;
import io.benchline.db.postgres.PostgresExtension;
import io.benchline.station.line.StationClient;
import io.benchline.station.line.StationClient.Tested;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two web stations, each with its own local H2 file, forwarding into one real PostgreSQL
 * (store-and-forward, issue 13), driven through their HTTP API: the server crashes and stays away
 * while both keep testing, comes back, and every run is then in the central database once with
 * the verdict the station gave. And the "already passed" check asks the line.
 */
class LineStationsTest {
    @RegisterExtension
    static final PostgresExtension PG = PostgresExtension.dedicated();

    /** How long the server stays away (the issue asks for a minute: -Dbenchline.outage.seconds=60). */
    static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("benchline.outage.seconds", 20));

    static final Duration CATCH_UP = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void twoStationsKeepTestingWhileTheServerIsAwayAndNothingIsLostOrDuplicated() throws Exception {
        String url = PG.migratedDatabase();
        List<Tested> acked = new ArrayList<>();
        boolean away = false;
        try (LineStation a = LineStation.start(dir, "A", "good", "LINE-A", url, Duration.ofMinutes(10));
                LineStation b = LineStation.start(dir, "B", "vdd-low", "LINE-B", url, Duration.ofMinutes(10))) {
            for (int i = 0; i < 5; i++) {
                acked.add(a.client.test("SN-UP-A-" + i));
                acked.add(b.client.test("SN-UP-B-" + i));
            }
            a.client.awaitForwarded(CATCH_UP);
            b.client.awaitForwarded(CATCH_UP);

            PG.server().stopImmediately();
            away = true;
            long downAt = System.nanoTime();
            int duringOutage = 0;
            long slowestStartMs = 0;
            while (System.nanoTime() - downAt < OUTAGE.toNanos()) {
                for (LineStation s : List.of(a, b)) {
                    long t0 = System.nanoTime();
                    long id = s.client.startRun("SN-DOWN-" + s.name + "-" + duringOutage, false);
                    slowestStartMs = Math.max(slowestStartMs, (System.nanoTime() - t0) / 1_000_000);
                    acked.add(new Tested("SN-DOWN-" + s.name + "-" + duringOutage, id, s.client.awaitVerdict(id)));
                }
                duringOutage++;
            }
            JsonNode syncA = a.client.sync();
            assertTrue(syncA.get("line").asBoolean());
            assertTrue(syncA.get("waiting_runs").asLong() > 0, syncA.toString());
            assertFalse(syncA.get("last_error").isNull(), "the forwarder says why: " + syncA);
            assertEquals(
                    syncA.get("waiting_runs").asLong() + " runs waiting for the line database",
                    syncA.get("message").asText());
            assertFalse(syncA.get("warn").asBoolean(), "not old yet: no alarm");
            assertTrue(
                    syncA.get("last_check").get("notice").asText().startsWith("the line database could not be asked"),
                    syncA.toString());
            assertTrue(
                    slowestStartMs < 1500 + 1000,
                    "a START waits at most the line check's bound: slowest " + slowestStartMs + " ms");

            PG.server().startAgain();
            away = false;
            long upAt = System.nanoTime();
            Duration caughtUpA = a.client.awaitForwarded(CATCH_UP);
            Duration caughtUpB = b.client.awaitForwarded(CATCH_UP);
            long caughtUpMs = (System.nanoTime() - upAt) / 1_000_000;
            assertTrue(a.client.sync().get("last_error").isNull(), "a later forward clears the error");

            try (Database central = Database.open(url)) {
                for (Tested t : acked) {
                    List<RunDetail> runs = central.trace().board(t.serial());
                    assertEquals(1, runs.size(), "exactly once centrally: " + t);
                    RunDetail c = runs.get(0);
                    assertEquals(Verdict.valueOf(t.verdict()), c.run().verdict(), t.toString());
                    LineStation at = t.serial().contains("-A-") ? a : b;
                    assertEquals(at.name, c.run().station());
                    RunDetail l = at.local.trace().run(t.id()).orElseThrow();
                    assertEquals(l.steps().size(), c.steps().size(), "every step forwarded: " + t);
                    assertEquals(l.run().failedStep(), c.run().failedStep());
                }
                long centralRuns = central.batches().batches().stream()
                        .mapToLong(s -> s.runs())
                        .sum();
                assertEquals(acked.size(), centralRuns, "no run stored twice");
            }
            System.out.printf(
                    "line outage: server away %d s; %d runs acknowledged while it was away (2 stations), slowest START"
                            + " %d ms; backlog forwarded %d ms after the restart (A %d ms, B %d ms); %d runs in the"
                            + " central database, each once with its verdict%n",
                    OUTAGE.toSeconds(),
                    duringOutage * 2,
                    slowestStartMs,
                    caughtUpMs,
                    caughtUpA.toMillis(),
                    caughtUpB.toMillis(),
                    acked.size());
        } finally {
            if (away) {
                PG.server().startAgain();
            }
        }
    }

    @Test
    void aBoardThatPassedAtOneStationIsRefusedAtTheOtherUnlessTheRetestIsConfirmed() throws Exception {
        String url = PG.migratedDatabase();
        try (LineStation a = LineStation.start(dir, "PA", "good", "LINE-R", url, Duration.ofMinutes(10));
                LineStation b = LineStation.start(dir, "PB", "good", "LINE-R", url, Duration.ofMinutes(10))) {
            assertEquals("PASS", a.client.test("SN-MOVED-1").verdict());
            assertEquals("PASS", a.client.test("SN-MOVED-2").verdict());
            a.client.awaitForwarded(CATCH_UP);

            HttpResponse<String> refused = b.client.start("SN-MOVED-1", false);
            assertEquals(409, refused.statusCode(), refused.body());
            assertEquals(
                    "already-passed",
                    StationClient.json(refused.body()).get("conflict").asText());
            assertTrue(b.local.trace().board("SN-MOVED-1").isEmpty(), "nothing stored at B");
            JsonNode check = b.client.sync().get("last_check");
            assertTrue(check.get("asked_line").asBoolean(), check.toString());

            long retest = b.client.startRun("SN-MOVED-1", true);
            assertEquals("PASS", b.client.awaitVerdict(retest));

            assertEquals("PASS", b.client.test("SN-NEW-1").verdict(), "a board new to the line is tested");
            assertTrue(b.client.sync().get("last_check").get("notice").isNull());

            PG.server().stopImmediately();
            try {
                long t0 = System.nanoTime();
                HttpResponse<String> unchecked = b.client.start("SN-MOVED-2", false);
                long tookMs = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(202, unchecked.statusCode(), "the line could not be asked: this station's records only");
                assertTrue(tookMs < 1500 + 1000, "answered within the bound: " + tookMs + " ms");
                b.client.awaitVerdict(
                        StationClient.json(unchecked.body()).get("id").asLong());
                JsonNode notice = b.client.sync().get("last_check");
                assertFalse(notice.get("asked_line").asBoolean());
                assertTrue(
                        notice.get("notice")
                                .asText()
                                .matches("the line database could not be asked whether this board passed elsewhere"
                                        + " \\(.+\\); checked this station's records only"),
                        notice.toString());
            } finally {
                PG.server().startAgain();
            }
        }
    }
}
