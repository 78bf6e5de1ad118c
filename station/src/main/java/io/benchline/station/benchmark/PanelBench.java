package io.benchline.station.benchmark;

import io.benchline.db.Database;
import io.benchline.db.Verdict;
import io.benchline.fixtures.sim.BoardProfile;
import io.benchline.fixtures.sim.SimBoard;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.Panel;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.InstrumentLocks;
import io.benchline.station.fixture.PanelFixture;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.fixture.SimPanelFile;
import io.benchline.station.plan.Plan;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Times panels of good boards on the simulated n-up fixture: the cycle time of a panel (all its
 * boards, START to the last stored verdict), and how long the positions held the shared DMM.
 */
public final class PanelBench {
    /** One panel size's figures, in seconds per panel; meter is the shared DMM's busy time per panel. */
    public record Figures(int positions, int panels, double cycle, double meter, int conflicts) {}

    private PanelBench() {}

    public static Figures time(Plan plan, Database db, int positions, int panels, double timeScale, String batch) {
        return time(plan, db, positions, false, panels, timeScale, batch);
    }

    /** relayPowered: the panel's boards powered from one supply through a relay each, instead of a supply each. */
    public static Figures time(
            Plan plan, Database db, int positions, boolean relayPowered, int panels, double timeScale, String batch) {
        FixtureFile file = FixtureLoader.parse(
                "(bench panel)", SimPanelFile.text(Collections.nCopies(positions, "good"), timeScale, relayPowered));
        List<SimFixture> sim = SimBoards.simulatedPanel(file).orElseThrow();
        try (Panel panel = Panel.open(plan, file, db, f -> PanelFixture.open(f, Optional.of(sim)))) {
            InstrumentLocks locks = panel.fixture().locks().orElseThrow();
            runPanel(panel, sim, batch + "-W", 0); // warm-up, not timed
            long meter0 = locks.meterHeldNanos();
            long t0 = System.nanoTime();
            for (int p = 1; p <= panels; p++) {
                runPanel(panel, sim, batch, p);
            }
            double cycle = (System.nanoTime() - t0) / 1e9 / panels;
            double meter = (locks.meterHeldNanos() - meter0) / 1e9 / panels;
            return new Figures(
                    positions,
                    panels,
                    cycle,
                    meter,
                    sim.get(0).routing().conflicts().size());
        }
    }

    private static void runPanel(Panel panel, List<SimFixture> sim, String batch, int p) {
        List<Optional<RunRequest>> requests = new ArrayList<>();
        for (int i = 0; i < sim.size(); i++) {
            sim.get(i).insert(new SimBoard(BoardProfile.GOOD, 1000L * p + i));
            requests.add(Optional.of(
                    new RunRequest(String.format(Locale.ROOT, "SN-%s-%04d-%02d", batch, p, i + 1), batch, "bench")));
        }
        for (Optional<RunOutcome> o : panel.run(requests, n -> RunListener.NONE)) {
            RunOutcome out = o.orElseThrow();
            if (out.verdict() != Verdict.PASS) {
                throw new IllegalStateException("bench board " + out.serial() + " did not pass: " + out.message());
            }
        }
    }
}
