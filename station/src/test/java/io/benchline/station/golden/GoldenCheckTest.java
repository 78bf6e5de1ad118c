package io.benchline.station.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.Database;
import io.benchline.db.GoldenCheckRow;
import io.benchline.db.GoldenChecks;
import io.benchline.db.GoldenFigure;
import io.benchline.db.LineCount;
import io.benchline.db.Verdict;
import io.benchline.reports.BatchReport;
import io.benchline.reports.BatchReports;
import io.benchline.reports.MeasurementStats;
import io.benchline.station.Station;
import io.benchline.station.demo.DemoFixture;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.FixtureOpener;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.plan.Limits;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.plan.Step;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden-board check on the simulated bench: the shipped plan, the board run N times through
 * the normal sequencer, its spread judged against the plan's limits and stored apart from production.
 */
@Timeout(120)
class GoldenCheckTest {
    static final Path PLAN = Path.of("../plans/stm32f411-board.yaml");
    static final List<String> RAILS = List.of("VDD", "VDDA", "VCAP1", "NRST");

    @TempDir
    Path dir;

    @Test
    void aGoodBoardOnTheServedPtyBenchPassesWithItsSpreadAgainstThePlansLimits() {
        Plan plan = PlanLoader.load(PLAN);
        FixtureFile file = FixtureLoader.load("../fixtures/sim-f411.yaml");
        try (DemoFixture bench = DemoFixture.start("pty", file);
                Database db = Database.open(dir.resolve("results").toString());
                Station station = bench.openStation(plan, db)) {
            bench.simulated().insert(SimBoards.board(file.sim().orElseThrow(), "GOLDEN-1"));
            GoldenResult r = new GoldenCheck(station, db.golden(), GoldenSettings.NONE, Clock.systemUTC())
                    .run(new GoldenRequest("GOLDEN-1", 10, "eng", 2.0), RunListener.NONE);

            assertTrue(r.passed(), r.check().reason());
            assertNull(r.check().reason());
            assertEquals(10, r.runs().size());
            assertTrue(r.runs().stream().allMatch(o -> o.verdict() == Verdict.PASS));
            Map<String, GoldenFigure> figures =
                    r.check().figures().stream().collect(Collectors.toMap(GoldenFigure::name, f -> f));
            for (String rail : RAILS) {
                GoldenFigure f = figures.get(rail);
                Limits limits = limits(plan, rail);
                assertEquals(10, f.n(), rail);
                assertEquals(limits.low(), f.low(), rail);
                assertEquals(limits.high(), f.high(), rail);
                assertTrue(f.sigma() > 0, rail + ": repeated readings of one board must differ, sigma " + f.sigma());
                assertTrue(f.sigma() < 0.01, rail + ": sigma " + f.sigma());
                assertEquals(6 * f.sigma() / (limits.high() - limits.low()) * 100, f.tolerancePct(), 1e-9, rail);
                assertEquals("good", f.rating(), rail + " " + f.tolerancePct() + " %");
                assertEquals(limits.low() + 2 * f.sigma(), f.guardLow(), 1e-12, rail);
                assertEquals(limits.high() - 2 * f.sigma(), f.guardHigh(), 1e-12, rail);
                assertTrue(f.mean() > limits.low() && f.mean() < limits.high(), rail);
            }
            assertNull(figures.get("VDD spread").tolerancePct(), "a one-sided limit has no share of a tolerance");
            assertFalse(figures.containsKey("flash size"), "discrete measurements have no spread to judge");

            List<GoldenCheckRow> stored = db.golden().checks("sim-station-1");
            assertEquals(1, stored.size());
            GoldenCheckRow row = stored.get(0);
            assertEquals(Verdict.PASS, row.verdict());
            assertEquals("GOLDEN-1", row.serial());
            assertEquals("stm32f411-board", row.planName());
            assertEquals(10, row.repeat());
            assertEquals(
                    r.runs().stream().map(o -> o.runId()).toList(), db.golden().runIds(row.id()));
            GoldenFigure storedVdd = db.golden().figures(row.id()).stream()
                    .filter(f -> f.name().equals("VDD"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(figures.get("VDD"), storedVdd);
            assertTrue(db.trace().board("GOLDEN-1").stream()
                    .allMatch(d -> d.run().batch().equals(GoldenChecks.batchFor("stm32f411-board"))));
        }
    }

    @Test
    void aGoldenBoardWithAFaultFailsTheCheckAtItsFirstRun() {
        try (Database db = Database.open(dir.resolve("results").toString());
                Station station = simStation("vcap-missing", db)) {
            GoldenResult r = new GoldenCheck(station, db.golden(), GoldenSettings.NONE, Clock.systemUTC())
                    .run(new GoldenRequest("GOLDEN-1", 5, "eng", 2.0), RunListener.NONE);
            assertFalse(r.passed());
            assertFalse(r.stationProblem());
            assertEquals(1, r.check().runsDone(), "a golden board that fails stops the check");
            assertTrue(
                    r.check()
                            .reason()
                            .startsWith("run 1 of 5 (run " + r.runs().get(0).runId() + ") ended FAIL at step VCAP1"),
                    r.check().reason());
            assertTrue(
                    r.check().reason().endsWith("the fixture cannot be trusted"),
                    r.check().reason());
            GoldenCheckRow row =
                    db.golden().checks(station.fixture().file().station()).get(0);
            assertEquals(Verdict.FAIL, row.verdict());
            assertEquals(1, row.runsDone());
            assertEquals(r.check().reason(), row.reason());
        }
    }

    @Test
    void goldenRunsAreLeftOutOfTheBatchYieldAndTheLineCounts() {
        try (Database db = Database.open(dir.resolve("results").toString());
                Station station = simStation("good", db)) {
            Instant before = Instant.now().minusSeconds(3600);
            for (String serial : List.of("SN-LOT-1", "SN-LOT-2", "SN-LOT-3")) {
                assertEquals(
                        Verdict.PASS,
                        station.run(new RunRequest(serial, "LOT-1", "ann"), RunListener.NONE)
                                .verdict());
            }
            GoldenResult golden = new GoldenCheck(station, db.golden(), GoldenSettings.NONE, Clock.systemUTC())
                    .run(new GoldenRequest("GOLDEN-1", 4, "eng", 2.0), RunListener.NONE);
            assertTrue(golden.passed(), golden.check().reason());

            BatchReport lot = new BatchReports(db.batches()).report("LOT-1").orElseThrow();
            assertEquals(3, lot.yield().boards());
            assertEquals(3, lot.yield().runs());
            assertEquals(3, lot.yield().passedFirst());
            MeasurementStats vdd = lot.measurements().stream()
                    .filter(m -> m.name().equals("VDD"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(3, vdd.n(), "the golden board's readings are not in the batch's statistics");
            assertEquals(
                    4,
                    new BatchReports(db.batches())
                            .report(GoldenChecks.batchFor("stm32f411-board"))
                            .orElseThrow()
                            .yield()
                            .runs(),
                    "the golden runs are stored, in their own batch");

            List<LineCount> line = db.line().counts(before);
            assertEquals(3, line.stream().mapToLong(LineCount::runs).sum(), "the line page counts production only");
            assertEquals(3, line.stream().mapToLong(LineCount::boardsTested).sum());
        }
    }

    @Test
    void aProductionBatchCannotBorrowTheGoldenBatchName() {
        try (Database db = Database.open(dir.resolve("results").toString());
                Station station = simStation("good", db)) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(
                    io.benchline.station.InputError.class,
                    () -> station.run(new RunRequest("SN-X-1", "golden:mine", "ann"), RunListener.NONE));
            assertEquals(
                    "batch 'golden:mine': names starting with golden: are kept for golden-board checks",
                    e.getMessage());
        }
    }

    static Station simStation(String profile, Database db) {
        FixtureFile file = FixtureLoader.load("sim:" + profile);
        var sim = SimBoards.simulatedFixture(file);
        sim.ifPresent(s -> s.insert(SimBoards.board(file.sim().orElseThrow(), "GOLDEN-1")));
        return Station.open(PlanLoader.load(PLAN), file, db, f -> FixtureOpener.open(f, sim));
    }

    private static Limits limits(Plan plan, String name) {
        return plan.steps().stream()
                .filter(s -> s.name().equals(name))
                .map(s -> ((Step.Measure) s).limits())
                .findFirst()
                .orElseThrow();
    }
}
