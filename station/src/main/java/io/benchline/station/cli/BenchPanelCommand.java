package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.station.InputError;
import io.benchline.station.benchmark.BenchPlan;
import io.benchline.station.benchmark.PanelBench;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "panel",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark: the cycle time of multi-up panels of good boards on the simulated fixture, at",
            "datasheet timings unless --time-scale says otherwise, against its bound: the larger of one",
            "board's time alone and the time all the panel's boards need the shared DMM."
        })
final class BenchPanelCommand implements Callable<Integer> {
    @Option(
            names = "--positions",
            split = ",",
            defaultValue = "1,2,4,8",
            description = "Panel sizes to time, e.g. 4 or 1,2,4,8 (default: ${DEFAULT-VALUE}).")
    List<Integer> positions;

    @Option(names = "--panels", defaultValue = "5", description = "Timed panels per size (default: ${DEFAULT-VALUE}).")
    int panels;

    @Option(
            names = "--time-scale",
            defaultValue = "1",
            description = "Simulated timings: 1 the datasheet's, 0 none (default: ${DEFAULT-VALUE}).")
    double timeScale;

    @Option(
            names = "--image-kib",
            defaultValue = "64",
            description = "Size of the image programmed, in KiB: the banner build padded (default: ${DEFAULT-VALUE});"
                    + " 0: the plan's own image.")
    int imageKib;

    @Option(
            names = "--power",
            paramLabel = "supply|relay",
            defaultValue = "supply",
            description = "supply: a supply per position; relay: one supply feeding a power bus, a relay per position"
                    + " on the switch (default: ${DEFAULT-VALUE}).")
    String power;

    @Option(
            names = "--in-memory",
            description = "Store the runs in an in-memory H2 database (no disk), to see what the file store costs.")
    boolean inMemory;

    @Override
    public Integer call() throws Exception {
        if (panels < 1 || positions.stream().anyMatch(p -> p < 1 || p > 32)) {
            throw new InputError("--panels must be at least 1 and --positions from 1 to 32");
        }
        if (!power.equals("supply") && !power.equals("relay")) {
            throw new InputError("--power '" + power + "': use supply or relay");
        }
        boolean relay = power.equals("relay");
        Path planFile = Path.of(Home.resolve("plans/stm32f411-board.yaml"));
        Path dir = Files.createTempDirectory("benchline-bench-panel");
        Plan plan = imageKib == 0
                ? PlanLoader.load(planFile)
                : BenchPlan.withImageKib(
                        planFile, Path.of(Home.resolve("firmware/banner/build/f411/banner.bin")), imageKib, dir);
        try (Database db = Database.open(
                inMemory
                        ? "jdbc:h2:mem:bench-panel;DB_CLOSE_DELAY=-1"
                        : dir.resolve("bench").toString())) {
            PanelBench.Figures alone = PanelBench.time(plan, db, 1, relay, panels, timeScale, "ALONE");
            System.out.printf(
                    Locale.ROOT,
                    "one board alone: %.3f s (of which the DMM %.3f s); image %s, time scale %s, %d panels per size,"
                            + " power %s, %s%n",
                    alone.cycle(),
                    alone.meter(),
                    imageKib == 0 ? "the plan's" : imageKib + " KiB",
                    timeScale,
                    panels,
                    relay ? "through a relay per position from one bus supply" : "a supply per position",
                    db.url());
            System.out.println("positions  cycle s  bound s  cycle/bound  boards/hour  DMM busy s  conflicts");
            List<PanelBench.Figures> all = new ArrayList<>();
            for (int n : positions) {
                PanelBench.Figures f =
                        n == 1 ? alone : PanelBench.time(plan, db, n, relay, panels, timeScale, "UP" + n);
                all.add(f);
                double bound = Math.max(alone.cycle(), f.meter());
                System.out.printf(
                        Locale.ROOT,
                        "%9d  %7.3f  %7.3f  %11.3f  %11.0f  %10.3f  %9d%n",
                        n,
                        f.cycle(),
                        bound,
                        f.cycle() / bound,
                        n * 3600 / f.cycle(),
                        f.meter(),
                        f.conflicts());
            }
            return all.stream().allMatch(f -> f.conflicts() == 0) ? ExitCodes.OK : ExitCodes.ERROR;
        }
    }
}
