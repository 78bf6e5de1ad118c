package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the line page reads, with runs of two stations around the window's start. */
class LineQueriesTest {
    static final Instant T = Instant.parse("2026-11-27T08:10:00Z");

    @TempDir
    Path dir;

    /** Where the test's database lives: an H2 file here; a PostgreSQL database in the subclass. */
    String location() {
        return dir.resolve("line").toString();
    }

    static RunStart at(String station, String serial) {
        return new RunStart(
                serial,
                "LOT-1",
                "F411 board rev B",
                station,
                "alice",
                "sim-f411",
                "stm32f411-board",
                "3",
                "a".repeat(64),
                null,
                "test");
    }

    static void run(ResultStore store, String station, String serial, Instant at, Verdict v, String step) {
        long id = store.begin(at(station, serial), at);
        store.end(id, new RunEnd(v, step, step == null ? null : "check " + step, null), at.plusSeconds(20));
    }

    @Test
    void countsFirstPassesByStationAndHourAndTheParetoSinceATime() {
        try (Database db = Database.open(location())) {
            ResultStore s = db.store();
            // before the window: not counted, and does not make a later run a retest
            run(s, "prog-1", "SN-0", T.minusSeconds(3600), Verdict.FAIL, "VDD");
            run(s, "prog-1", "SN-0", T.plusSeconds(10), Verdict.PASS, null);
            // an ERROR before the PASS leaves the PASS first; the retest after a FAIL is no first pass
            run(s, "prog-1", "SN-1", T.plusSeconds(20), Verdict.ERROR, "swd-connect");
            run(s, "prog-1", "SN-1", T.plusSeconds(30), Verdict.PASS, null);
            run(s, "prog-1", "SN-2", T.plusSeconds(40), Verdict.FAIL, "VDD");
            run(s, "prog-1", "SN-2", T.plusSeconds(3600), Verdict.PASS, null);
            // the same board at the functional station counts there too, in the next hour
            run(s, "func-1", "SN-1", T.plusSeconds(3000), Verdict.FAIL, "boot-check");
            run(s, "func-1", "SN-2", T.plusSeconds(3700), Verdict.FAIL, "VDD");
            s.begin(at("func-1", "SN-3"), T.plusSeconds(3800)); // going now: a run, not a board yet

            Instant since = T.minusSeconds(60);
            assertEquals(
                    List.of(
                            new LineCount("prog-1", hour(8), 4, 1, 3, 2),
                            new LineCount("func-1", hour(9), 3, 0, 2, 0),
                            new LineCount("prog-1", hour(9), 1, 0, 0, 0)),
                    db.line().counts(since));
            assertEquals(
                    List.of(
                            new LineFailure("VDD", "check VDD", 2),
                            new LineFailure("boot-check", "check boot-check", 1)),
                    db.line().failures(since));
            assertEquals(List.of(), db.line().counts(T.plusSeconds(7200)));
        }
    }

    @Test
    void stationsAreTheirLastHeartbeats() {
        try (Database db = Database.open(location())) {
            db.heartbeats().beat(new StationState("prog-1", "testing", "LOT-1", "plan", "1.0"), 3, T, T);
            db.heartbeats().beat(new StationState("func-1", "idle", null, null, "1.0"), 0, null, T);
            db.heartbeats().beat(new StationState("prog-1", "idle", "LOT-1", "plan", "1.0"), 0, null, T.plusSeconds(2));
            assertEquals(
                    List.of(
                            new StationStatusRow("func-1", "idle", null, null, "1.0", 0, null, T),
                            new StationStatusRow("prog-1", "idle", "LOT-1", "plan", "1.0", 0, null, T.plusSeconds(2))),
                    db.line().stations());
        }
    }

    private static Instant hour(int h) {
        return Instant.parse(String.format("2026-11-27T%02d:00:00Z", h));
    }
}
