package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.db.RunDetail;
import io.benchline.db.RunEnd;
import io.benchline.db.RunRow;
import io.benchline.db.RunStart;
import io.benchline.db.StepRecord;
import io.benchline.db.MeasurementRecord;
import io.benchline.fixtures.sim.BoardProfile;
import io.benchline.fixtures.sim.SimBench;
import io.benchline.fixtures.sim.SimBoard;
import io.benchline.station.TestPosition;
import io.benchline.station.fixture.FixtureLoader;
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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        subcommands = {BenchReportCommand.class, BenchTraceCommand.class},
        description = {"Benchmarks (see docs/benchmarks.md).",
                "Without a subcommand: boards per second of the demo on the simulated bench with zero simulated",
                "latency, every run durably committed to a fresh H2 file, and the database time per board alone."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--boards", defaultValue = "2000", description = "Boards to time (default: ${DEFAULT-VALUE}).")
    int boards;

    @Option(names = "--warmup", defaultValue = "300", description = "Boards run first and not timed (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--print-size-every", defaultValue = "0",
            description = "Print the H2 file's size every so many timed boards (0: never); the replay is then skipped.")
    int printSizeEvery;

    @Option(names = "--h2-settings", defaultValue = "",
            description = "H2 settings appended to the benchmark file's URL, e.g. ';RETENTION_TIME=1000'.")
    String h2Settings;

    @Override
    public Integer call() throws IOException {
        Plan plan = PlanLoader.load(Path.of(Home.resolve("plans/stm32f411-board.yaml")));
        Path dir = Files.createTempDirectory("benchline-bench");
        Path file = dir.resolve("bench.mv.db");
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("bench") + h2Settings);
             TestPosition position = TestPosition.open(plan, FixtureLoader.load(Home.resolve("fixtures/sim-f411.yaml")), db)) {
            SimBench bench = position.bench().sim().orElseThrow();
            runBoards(position, bench, "WARMUP", warmup, 0, file);
            long t0 = System.nanoTime();
            runBoards(position, bench, "BENCH", boards, printSizeEvery, file);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "demo: %d boards in %.2f s = %.0f boards/s (simulated bench, zero latency, %s)%n",
                    boards, seconds, boards / seconds, db.url());
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
                    commits += store(replay, d);
                }
                double dbSeconds = (System.nanoTime() - r0) / 1e9;
                System.out.printf(Locale.ROOT, "database: %.3f ms per board (%d runs, %d commits, %.0f commits/s, same records replayed into a fresh file)%n",
                        1000 * dbSeconds / runs.size(), runs.size(), commits, commits / dbSeconds);
            }
        }
        return ExitCodes.OK;
    }

    private static void runBoards(TestPosition position, SimBench bench, String batch, int n, int sizeEvery, Path file)
            throws IOException {
        List<BoardProfile> mix = DemoMix.profiles(n, 7);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            bench.insert(new SimBoard(mix.get(i), i));
            position.run(new RunRequest(serial(batch, i), batch, "bench"), RunListener.NONE);
            if (sizeEvery > 0 && (i + 1) % sizeEvery == 0) {
                System.out.printf(Locale.ROOT, "%d boards: file %.1f MB, %.0f s%n", i + 1, Files.size(file) / 1e6,
                        (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    private static String serial(String batch, int i) {
        return String.format(Locale.ROOT, "SN-%s-%06d", batch, i);
    }

    /** Writes a stored run again, commit by commit as the sequencer does; returns the commits made. */
    private static int store(Database db, RunDetail d) {
        RunRow r = d.run();
        long id = db.store().begin(new RunStart(r.serial(), r.batch(), "bench", r.station(), r.operator(), r.fixture(),
                r.planName(), r.planVersion(), r.planSha256(), r.firmwareSha256(), r.softwareVersion()), r.startedAt());
        int commits = 1;
        List<RunDetail.StepDetail> steps = d.steps();
        for (int i = 0; i < steps.size(); i++) {
            RunDetail.StepDetail s = steps.get(i);
            List<MeasurementRecord> ms = s.measurements().stream()
                    .map(m -> new MeasurementRecord(m.name(), m.value(), m.unit(), m.low(), m.high(), m.verdict())).toList();
            StepRecord step = new StepRecord(s.step().seq(), s.step().name(), s.step().kind(), s.step().startedAt(),
                    s.step().endedAt(), s.step().verdict(), s.step().message(), ms);
            if (i == steps.size() - 1) {
                db.store().finish(id, step, new RunEnd(r.verdict(), r.failedStep(), r.hint(), r.message()), r.endedAt());
            } else if (s.step().kind().equals("read-uid") && r.uid() != null) {
                db.store().stepBindingUid(id, step, r.uid());
            } else {
                db.store().step(id, step);
            }
            commits++;
        }
        return commits;
    }
}
