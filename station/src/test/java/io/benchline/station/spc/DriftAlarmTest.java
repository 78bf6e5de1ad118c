package io.benchline.station.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.Database;
import io.benchline.db.SpcAlarm;
import io.benchline.db.Verdict;
import io.benchline.fixtures.sim.BoardProfile;
import io.benchline.fixtures.sim.SimBoard;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.Station;
import io.benchline.station.demo.DemoDrift;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.FixtureOpener;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VCAP1 drifting up over 30 boards on the simulated fixture: the station's control chart raises one
 * alarm, a "6 rising" or "8 on one side", before any board fails, and keeps it the one open alarm of
 * its chart across a restart until an operator acknowledges it.
 */
class DriftAlarmTest {
    static final Path PLAN = Path.of("../plans/stm32f411-board.yaml");
    static final String BATCH = "LOT-DRIFT";

    @TempDir
    Path dir;

    private int board;

    @Test
    void aDriftRaisesOneAlarmPerChartBeforeAnyBoardFailsAndItSurvivesARestartUntilAcknowledged() {
        Plan plan = PlanLoader.load(PLAN);
        FixtureFile fixture = FixtureLoader.load("sim:good");
        String station = fixture.station();
        // 20 boards make the baseline; from board 21 VCAP1 rises 6 mV a board, reaching its 1.38 V limit at board 41
        DemoDrift drift = DemoDrift.of("vcap1", 21);
        int firstAlarm = 0;
        int firstFail = 0;
        String alarmId;
        try (Database db = Database.open(dir.resolve("results").toString())) {
            SimFixture sim = SimBoards.simulatedFixture(fixture).orElseThrow();
            try (Station s = open(plan, fixture, db, sim)) {
                for (int i = 0; i < 50; i++) {
                    RunOutcome o = test(s, sim, drift);
                    if (o.verdict() == Verdict.FAIL && firstFail == 0) {
                        firstFail = board;
                        assertEquals("VCAP1", o.failedStep(), "the drift, not another fault");
                    }
                    Map<String, List<SpcAlarm>> open = byChart(db.spcAlarms().open(station));
                    open.forEach((chart, alarms) -> assertEquals(1, alarms.size(), "one open alarm on " + chart));
                    List<SpcAlarm> vcap = open.getOrDefault("VCAP1", List.of());
                    if (firstAlarm == 0 && !vcap.isEmpty() && drifting(vcap.get(0))) {
                        firstAlarm = board;
                    }
                }
            }
            assertTrue(firstFail > 0, "the drift makes boards fail in the end");
            assertTrue(firstAlarm > 20, "no alarm in the baseline");
            assertTrue(
                    firstAlarm < firstFail,
                    "the drift alarm (board " + firstAlarm + ") before the first FAIL (board " + firstFail + ")");
            List<SpcAlarm> all = db.spcAlarms().recent(station, 1000);
            assertTrue(all.size() <= 5, "a handful of alarms, one per chart at most: " + all);
            SpcAlarm vcap = single(db.spcAlarms().open(station), "VCAP1");
            alarmId = vcap.id();
            assertTrue(vcap.points() > 5, "later firings added to the one alarm: " + vcap);
            assertEquals(BATCH, vcap.batch());
            assertEquals(1.26, vcap.centre(), 0.01, "the centre from the baseline");
            int pointsBefore = vcap.points();

            // a restart rebuilds the charts from the stored readings: the drift goes on into the same alarm
            try (Station s = open(plan, fixture, db, sim)) {
                board = 30; // boards 31 to 33 again: still drifting, still passing
                for (int i = 0; i < 3; i++) {
                    test(s, sim, drift);
                }
                SpcAlarm after = single(db.spcAlarms().open(station), "VCAP1");
                assertEquals(alarmId, after.id(), "no second alarm after the restart");
                assertTrue(after.points() > pointsBefore, "the restored chart goes on judging");

                SpcAlarm acked = db.spcAlarms()
                        .acknowledge(alarmId, "olga", "VCAP1 capacitor lot checked", Instant.now())
                        .orElseThrow();
                assertFalse(acked.open());
                test(s, sim, drift);
                SpcAlarm next = single(db.spcAlarms().open(station), "VCAP1");
                assertNotEquals(alarmId, next.id(), "after the acknowledgement the drift opens a new alarm");
            }
        }
        try (Database db = Database.open(dir.resolve("results").toString())) {
            SpcAlarm old = db.spcAlarms().alarm(alarmId).orElseThrow();
            assertEquals("olga", old.ack().operator());
            assertEquals("VCAP1 capacitor lot checked", old.ack().comment());
        }
    }

    private static boolean drifting(SpcAlarm a) {
        return a.rules().contains("6-rising") || a.rules().contains("8-on-one-side");
    }

    private static Map<String, List<SpcAlarm>> byChart(List<SpcAlarm> open) {
        return open.stream().collect(Collectors.groupingBy(SpcAlarm::measurement));
    }

    private static SpcAlarm single(List<SpcAlarm> open, String measurement) {
        List<SpcAlarm> of =
                open.stream().filter(a -> a.measurement().equals(measurement)).toList();
        assertEquals(1, of.size(), "open alarms of " + measurement + ": " + open);
        return of.get(0);
    }

    private RunOutcome test(Station s, SimFixture sim, DemoDrift drift) {
        board++;
        sim.insert(drift.apply(new SimBoard(BoardProfile.GOOD, 41L * board), board));
        return s.run(new RunRequest("SN-DRIFT-" + board, BATCH, "olga"), RunListener.NONE);
    }

    private static Station open(Plan plan, FixtureFile fixture, Database db, SimFixture sim) {
        return Station.open(plan, fixture, db, f -> FixtureOpener.open(f, Optional.of(sim)));
    }
}
