package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.db.Verdict;
import io.benchline.fixtures.sim.BoardProfile;
import io.benchline.fixtures.sim.SimBoard;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.reports.BatchReports;
import io.benchline.reports.YieldReport;
import io.benchline.reports.YieldText;
import io.benchline.station.Panel;
import io.benchline.station.demo.DemoMix;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.PanelFixture;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.fixture.SimPanelFile;
import io.benchline.station.plan.Plan;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * `demo --positions N`: the demo's boards in panels of N on the simulated multi-up fixture (a
 * board, supply and probe per position, one DMM behind one switch for all). Each line is printed
 * once its run is stored; boards that did not pass are retested once, in panels of their own.
 */
final class DemoPanels {
    private record Board(int index, String serial, BoardProfile profile, boolean retest) {}

    private DemoPanels() {}

    /** relayPowered: one supply feeds a power bus, each position's power through its relay on the switch. */
    static int run(
            Plan plan,
            int positions,
            boolean relayPowered,
            int boards,
            long seed,
            double timeScale,
            String batch,
            Database db,
            PrintStream out,
            boolean quiet) {
        FixtureFile file = panelFile(positions, relayPowered, timeScale);
        List<SimFixture> sim = SimBoards.simulatedPanel(file).orElseThrow();
        List<BoardProfile> mix = DemoMix.profiles(boards, seed);
        try (Panel panel = Panel.open(plan, file, db, f -> PanelFixture.open(f, Optional.of(sim)))) {
            if (panel.recoveredRuns() > 0) {
                out.println(panel.recoveredRuns() + " run(s) cut off by an earlier crash closed as ABORTED");
            }
            out.printf(
                    "demo: %d simulated boards in %d-up panels, batch %s, plan %s v%s, fixture %s%n",
                    boards, positions, batch, plan.name(), plan.version(), file.name());
            long t0 = System.nanoTime();
            List<Board> first = new ArrayList<>();
            for (int i = 0; i < boards; i++) {
                String serial = String.format(Locale.ROOT, "SN-%s-%04d", batch.toUpperCase(Locale.ROOT), i + 1);
                first.add(new Board(i, serial, mix.get(i), false));
            }
            List<Board> retests = new ArrayList<>();
            int runs = 0;
            for (List<Board> group : panels(first, positions)) {
                List<Optional<RunOutcome>> outcomes = test(panel, sim, group, seed, batch, boards, out, quiet);
                runs += group.size();
                for (int p = 0; p < group.size(); p++) {
                    Board b = group.get(p);
                    Verdict v = outcomes.get(p).orElseThrow().verdict();
                    if (v != Verdict.PASS) {
                        // a station problem is fixed before the retest; a bad board stays bad
                        retests.add(new Board(
                                b.index(), b.serial(), v == Verdict.ERROR ? BoardProfile.GOOD : b.profile(), true));
                    }
                }
            }
            for (List<Board> group : panels(retests, positions)) {
                test(panel, sim, group, seed, batch, boards, out, quiet);
                runs += group.size();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.printf("%n%d runs in %.2f s (%.0f runs/s)%n", runs, seconds, runs / seconds);
            List<String> conflicts = sim.get(0).routing().conflicts();
            out.println(
                    conflicts.isEmpty()
                            ? "shared DMM: never used by two positions at once ("
                                    + sim.get(0).routing().selects() + " selects)"
                            : "shared DMM: used by two positions at once: " + conflicts);
            YieldReport yield = new BatchReports(db.batches()).yield(batch);
            YieldText.print(yield, out);
            out.println("  results in " + db.url());
            return conflicts.isEmpty() ? ExitCodes.OK : ExitCodes.ERROR;
        }
    }

    /** `demo --ui --positions N`: the panel screen; each panel's boards follow the demo mix. */
    static int serve(
            Plan plan,
            int positions,
            boolean relayPowered,
            long seed,
            double timeScale,
            String batch,
            DbOption dbOption,
            String bind,
            int port) {
        FixtureFile file = panelFile(positions, relayPowered, timeScale);
        List<SimFixture> sim = SimBoards.simulatedPanel(file).orElseThrow();
        int cycle = 5 * BoardProfile.values().length;
        List<BoardProfile> mix = DemoMix.profiles(cycle, seed);
        AtomicInteger next = new AtomicInteger();
        try (Database db = dbOption.openOrCreate();
                Panel panel = Panel.open(plan, file, db, f -> PanelFixture.open(f, Optional.of(sim)))) {
            System.out.println("demo: the simulated " + positions + "-up panel; each board placed follows the demo mix"
                    + " (mostly good, every fault profile once in " + cycle + "); serials match "
                    + plan.serialPattern().pattern() + ", e.g. SN-DEMO-0001");
            return PanelLauncher.serve(
                    db,
                    panel,
                    batch,
                    bind,
                    port,
                    position -> {
                        int i = next.getAndIncrement();
                        sim.get(position - 1).insert(new SimBoard(mix.get(i % cycle), seed * 1_000_003L + i));
                    },
                    System.out);
        }
    }

    private static FixtureFile panelFile(int positions, boolean relayPowered, double timeScale) {
        return FixtureLoader.parse(
                "(demo " + positions + "-up panel" + (relayPowered ? ", relay-powered" : "") + ")",
                SimPanelFile.text(Collections.nCopies(positions, "good"), timeScale, relayPowered));
    }

    private static List<List<Board>> panels(List<Board> boards, int positions) {
        List<List<Board>> panels = new ArrayList<>();
        for (int i = 0; i < boards.size(); i += positions) {
            panels.add(boards.subList(i, Math.min(boards.size(), i + positions)));
        }
        return panels;
    }

    private static List<Optional<RunOutcome>> test(
            Panel panel,
            List<SimFixture> sim,
            List<Board> group,
            long seed,
            String batch,
            int boards,
            PrintStream out,
            boolean quiet) {
        List<Optional<RunRequest>> requests = new ArrayList<>();
        for (int p = 0; p < panel.size(); p++) {
            if (p < group.size()) {
                Board b = group.get(p);
                long id = seed * 1_000_003L + b.index();
                sim.get(p).insert(new SimBoard(b.profile(), b.retest() ? id + 7_777L : id, id));
                requests.add(Optional.of(new RunRequest(b.serial(), batch, "demo")));
            } else {
                requests.add(Optional.empty()); // the last panel may be short: its positions stay empty
            }
        }
        return panel.run(requests, position -> new RunListener() {
            @Override
            public void runFinished(RunOutcome o) {
                if (quiet) {
                    return;
                }
                Board b = group.get(position - 1);
                String where = o.verdict() == Verdict.PASS ? "" : " at " + o.failedStep();
                synchronized (out) {
                    out.printf(
                            "[%4d/%d] %s %-27s %-7s%-16s (board: %s, position %d)%n",
                            b.index() + 1,
                            boards,
                            b.retest() ? "retest" : "      ",
                            o.serial(),
                            o.verdict(),
                            where,
                            b.profile().id(),
                            position);
                    out.flush();
                }
            }
        });
    }
}
