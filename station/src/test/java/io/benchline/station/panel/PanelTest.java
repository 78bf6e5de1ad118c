package io.benchline.station.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.Database;
import io.benchline.db.RunDetail;
import io.benchline.db.Verdict;
import io.benchline.fixtures.Deadline;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.Panel;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.InstrumentLocks;
import io.benchline.station.fixture.PanelFixture;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.fixture.SimPanelFile;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Positions of a simulated panel in parallel, one DMM and switch shared by all. */
class PanelTest {
    static final Plan PLAN = PlanLoader.load(Path.of("../plans/stm32f411-board.yaml"));

    @TempDir
    Path dir;

    Database db;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("results").toString());
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Runs one panel of the given profiles; checks the simulated switch saw no two positions at once. */
    List<Optional<RunOutcome>> runPanel(List<String> profiles, double timeScale, List<Boolean> occupied) {
        FixtureFile file = FixtureLoader.parse("(test panel)", SimPanelFile.text(profiles, timeScale));
        List<SimFixture> sim = SimBoards.simulatedPanel(file).orElseThrow();
        try (Panel panel = Panel.open(PLAN, file, db, f -> PanelFixture.open(f, Optional.of(sim)))) {
            List<Optional<RunRequest>> requests = new ArrayList<>();
            for (int i = 0; i < profiles.size(); i++) {
                requests.add(
                        occupied.get(i)
                                ? Optional.of(new RunRequest("SN-PANEL-" + (i + 1), "P", "tester"))
                                : Optional.empty());
            }
            List<Optional<RunOutcome>> out = panel.run(requests, n -> RunListener.NONE);
            assertEquals(List.of(), sim.get(0).routing().conflicts(), "two positions held the DMM at once");
            assertTrue(sim.get(0).routing().selects() > 0, "the panel measured through the shared switch");
            return out;
        }
    }

    @Test
    void fourPositionsInParallelAllPassOnOneSharedDmm() {
        List<Optional<RunOutcome>> out =
                runPanel(List.of("good", "good", "good", "good"), 0.05, List.of(true, true, true, true));
        for (int i = 0; i < 4; i++) {
            RunOutcome o = out.get(i).orElseThrow();
            assertEquals(Verdict.PASS, o.verdict(), "position " + (i + 1) + ": " + o.message());
            RunDetail stored = db.trace().run(o.runId()).orElseThrow();
            assertEquals(i + 1, stored.run().position(), "the position is stored with the run");
            assertEquals(Verdict.PASS, stored.run().verdict());
        }
    }

    @Test
    void aFaultAtOnePositionLeavesTheOthersPass() {
        List<Optional<RunOutcome>> out =
                runPanel(List.of("good", "probe-unplugged", "vdd-low", "good"), 0.05, List.of(true, true, true, true));
        assertEquals(Verdict.PASS, out.get(0).orElseThrow().verdict());
        assertEquals(
                Verdict.ERROR,
                out.get(1).orElseThrow().verdict(),
                out.get(1).orElseThrow().message());
        assertEquals("swd-connect", out.get(1).orElseThrow().failedStep());
        assertEquals(Verdict.FAIL, out.get(2).orElseThrow().verdict());
        assertEquals(Verdict.PASS, out.get(3).orElseThrow().verdict());
        for (int i = 0; i < 4; i++) {
            RunOutcome o = out.get(i).orElseThrow();
            List<String> steps = o.steps().stream().map(s -> s.name()).toList();
            assertEquals("teardown", steps.get(steps.size() - 1), "position " + (i + 1) + " powered off");
            assertEquals(Verdict.PASS, o.steps().get(o.steps().size() - 1).verdict());
        }
    }

    /**
     * The wait for the shared DMM counts against the measure step's timeout: with the DMM held
     * elsewhere past it, each waiting position's step ends ERROR (the station could not tell), its
     * teardown still powers it off, and once the DMM is free the next panel passes.
     */
    @Test
    void aWaitForTheSharedDmmPastTheStepsTimeoutIsAnError() throws Exception {
        Path planFile = dir.resolve("short-vdd.yaml");
        Path shipped = Path.of("../plans/stm32f411-board.yaml");
        String text = Files.readString(shipped)
                .replace("../firmware/", shipped.toAbsolutePath().getParent().resolve("../firmware/") + "/")
                .replace("    test-point: VDD\n", "    test-point: VDD\n    timeout-ms: 400\n");
        Files.writeString(planFile, text);
        Plan plan = PlanLoader.load(planFile);
        FixtureFile file = FixtureLoader.parse("(test panel)", SimPanelFile.text(List.of("good", "good"), 0));
        List<SimFixture> sim = SimBoards.simulatedPanel(file).orElseThrow();
        try (Panel panel = Panel.open(plan, file, db, f -> PanelFixture.open(f, Optional.of(sim)))) {
            List<Optional<RunRequest>> two = List.of(
                    Optional.of(new RunRequest("SN-WAIT-1", "W", "tester")),
                    Optional.of(new RunRequest("SN-WAIT-2", "W", "tester")));
            InstrumentLocks locks = panel.fixture().locks().orElseThrow();
            List<Optional<RunOutcome>> out;
            try (InstrumentLocks.Held elsewhere = locks.acquire(9, Deadline.NONE, InstrumentLocks.METER)) {
                out = panel.run(two, n -> RunListener.NONE);
            }
            for (Optional<RunOutcome> o : out) {
                RunOutcome r = o.orElseThrow();
                assertEquals(Verdict.ERROR, r.verdict(), r.message());
                assertEquals("VDD", r.failedStep());
                assertTrue(r.message().contains("shared DMM"), r.message());
                assertEquals(Verdict.PASS, r.steps().get(r.steps().size() - 1).verdict(), "teardown powered off");
            }
            List<Optional<RunRequest>> again = List.of(
                    Optional.of(new RunRequest("SN-WAIT-3", "W", "tester")),
                    Optional.of(new RunRequest("SN-WAIT-4", "W", "tester")));
            for (Optional<RunOutcome> o : panel.run(again, n -> RunListener.NONE)) {
                assertEquals(
                        Verdict.PASS, o.orElseThrow().verdict(), o.orElseThrow().message());
            }
        }
    }

    @Test
    void anEmptyPositionIsSkipped() {
        List<Optional<RunOutcome>> out =
                runPanel(List.of("good", "good", "good", "good"), 0, List.of(true, false, true, true));
        assertTrue(out.get(1).isEmpty());
        assertEquals(Verdict.PASS, out.get(0).orElseThrow().verdict());
        assertEquals(Verdict.PASS, out.get(3).orElseThrow().verdict());
    }
}
