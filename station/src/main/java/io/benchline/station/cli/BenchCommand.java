package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.db.RunDetail;
import io.benchline.fixtures.sim.BoardProfile;
import io.benchline.fixtures.sim.SimBoard;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.Station;
import io.benchline.station.benchmark.RunReplay;
import io.benchline.station.demo.DemoMix;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.FixtureOpener;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        subcommands = {
            BenchReportCommand.class,
            BenchTraceCommand.class,
            BenchForwardCommand.class,
            BenchLineLagCommand.class,
            BenchCentralReportCommand.class,
            BenchCentralTraceCommand.class,
            BenchPanelCommand.class,
            BenchCfxCommand.class,
            BenchStoreCommand.class
        },
        description = {
            "Benchmarks (see docs/benchmarks.md).",
            "Without a subcommand: boards per second of the demo on the simulated fixture with zero simulated",
            "latency, every run durably committed to a fresh H2 file, and the database time per board alone."
        })
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--boards", defaultValue = "2000", description = "Boards to time (default: ${DEFAULT-VALUE}).")
    int boards;

    @Option(
            names = "--warmup",
            defaultValue = "300",
            description = "Boards run first and not timed (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--print-size-every",
            defaultValue = "0",
            description = "Print the H2 file's size every so many timed boards (0: never); the replay is then skipped.")
    int printSizeEvery;

    @Option(
            names = "--h2-settings",
            defaultValue = "",
            description = "H2 settings appended to the benchmark file's URL, e.g. ';RETENTION_TIME=1000'.")
    String h2Settings;

    @Override
    public Integer call() throws IOException {
        Plan plan = PlanLoader.load(Path.of(Home.resolve("plans/stm32f411-board.yaml")));
        Path dir = Files.createTempDirectory("benchline-bench");
        FixtureFile fixture = FixtureLoader.load(Home.resolve("fixtures/sim-f411.yaml"));
        SimFixture sim = SimBoards.simulatedFixture(fixture).orElseThrow();
        Path file = dir.resolve("bench.mv.db");
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("bench") + h2Settings);
                Station station = Station.open(plan, fixture, db, f -> FixtureOpener.open(f, Optional.of(sim)))) {
            runBoards(station, sim, "WARMUP", warmup, 0, file);
            long t0 = System.nanoTime();
            runBoards(station, sim, "BENCH", boards, printSizeEvery, file);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "demo: %d boards in %.2f s = %.0f boards/s (simulated fixture, zero latency, %s)%n",
                    boards,
                    seconds,
                    boards / seconds,
                    db.url());
            if (printSizeEvery > 0) {
                return ExitCodes.OK;
            }

            List<RunDetail> runs = new ArrayList<>();
            for (int i = 0; i < boards; i++) {
                runs.addAll(db.trace().board(serial("BENCH", i)));
            }
            try (Database replay = Database.open(dir.resolve("replay").toString())) {
                long commits = 0;
                long r0 = System.nanoTime();
                for (RunDetail d : runs) {
                    commits += RunReplay.store(replay.store(), d);
                }
                double dbSeconds = (System.nanoTime() - r0) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "database: %.3f ms per board (%d runs, %d commits, %.0f commits/s, same records replayed into a fresh file)%n",
                        1000 * dbSeconds / runs.size(),
                        runs.size(),
                        commits,
                        commits / dbSeconds);
            }
        }
        return ExitCodes.OK;
    }

    private static void runBoards(Station station, SimFixture sim, String batch, int n, int sizeEvery, Path file)
            throws IOException {
        List<BoardProfile> mix = DemoMix.profiles(n, 7);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sim.insert(new SimBoard(mix.get(i), i));
            station.run(new RunRequest(serial(batch, i), batch, "bench"), RunListener.NONE);
            if (sizeEvery > 0 && (i + 1) % sizeEvery == 0) {
                System.out.printf(
                        Locale.ROOT,
                        "%d boards: file %.1f MB, %.0f s%n",
                        i + 1,
                        Files.size(file) / 1e6,
                        (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    private static String serial(String batch, int i) {
        return String.format(Locale.ROOT, "SN-%s-%06d", batch, i);
    }
}
