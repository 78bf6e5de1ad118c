package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.db.Verdict;
import io.benchline.fixtures.sim.BoardProfile;
import io.benchline.fixtures.sim.SimBench;
import io.benchline.fixtures.sim.SimBoard;
import io.benchline.reports.BatchQueries;
import io.benchline.reports.FailureCount;
import io.benchline.reports.YieldReport;
import io.benchline.station.TestPosition;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Test a batch of simulated boards on the simulated bench (no hardware), then print the batch summary.",
                "The mix of fault profiles is deterministic for a seed; boards that did not pass are retested once."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--boards", defaultValue = "20", description = "How many boards (default: ${DEFAULT-VALUE}).")
    int boards;

    @Option(names = "--batch", description = "Batch name (default: DEMO-<date>-<time>).")
    String batch;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the fault mix (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bench", defaultValue = "sim", description = {"sim: simulated boards with a mix of faults;",
            "qemu: good boards, each an emulated STM32F405 in QEMU (default: ${DEFAULT-VALUE})."})
    String benchKind;

    @Option(names = "--plan", description = "Plan (default: plans/stm32f411-board.yaml; with --bench qemu, plans/qemu-f405.yaml).")
    String plan;

    @Option(names = "--fixture", description = "Simulated fixture (default: fixtures/sim-f411.yaml; with --bench qemu, fixtures/qemu.yaml).")
    String fixture;

    @Option(names = "--quiet", description = "Print only the summary.")
    boolean quiet;

    @Option(names = "--transport", paramLabel = "in-process|pty|tcp", defaultValue = "in-process",
            description = {"How the station reaches the simulated instruments (default: ${DEFAULT-VALUE}).",
                    "pty: SCPI over pseudo-terminals (socat) opened with jSerialComm; tcp: over loopback;",
                    "both with the ST-LINK served over stlink-tcp."})
    String transport;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        if (boards < 1) {
            throw new InputError("--boards must be at least 1");
        }
        if (!benchKind.equals("sim") && !benchKind.equals("qemu")) {
            throw new InputError("--bench " + benchKind + ": expected sim or qemu");
        }
        boolean qemu = benchKind.equals("qemu");
        if (qemu && !transport.equals("in-process")) {
            throw new InputError("--bench qemu serves its probe from QEMU; use it without --transport (in-process instruments)");
        }
        String plan = this.plan != null ? this.plan : qemu ? "plans/qemu-f405.yaml" : "plans/stm32f411-board.yaml";
        String fixture = this.fixture != null ? this.fixture : qemu ? "fixtures/qemu.yaml" : "fixtures/sim-f411.yaml";
        Plan loadedPlan = PlanLoader.load(Path.of(Home.resolve(plan)));
        FixtureFile fixtureFile = FixtureLoader.load(Home.resolve(fixture));
        if (fixtureFile.sim().isEmpty()) {
            throw new InputError("demo needs a simulated fixture (one with a 'sim:' block); " + fixture + " has none");
        }
        String batchName = batch != null ? batch
                : "DEMO-" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        // QEMU emulates a good chip only: its boards are all good (faults live in the simulated bench).
        List<BoardProfile> mix = qemu ? java.util.Collections.nCopies(boards, BoardProfile.GOOD) : DemoMix.profiles(boards, seed);
        try (ServedBench served = ServedBench.start(transport, fixtureFile);
             Database database = db.open();
             TestPosition position = TestPosition.open(loadedPlan, served.fixture(), database)) {
            if (position.recoveredRuns() > 0) {
                System.out.println(position.recoveredRuns() + " run(s) cut off by an earlier crash closed as ABORTED");
            }
            SimBench bench = served.bench().or(() -> position.bench().sim()).orElseThrow();
            System.out.printf("demo: %d simulated boards, batch %s, plan %s v%s, fixture %s%n", boards, batchName,
                    loadedPlan.name(), loadedPlan.version(), served.fixture().name());
            long t0 = System.nanoTime();
            List<Retest> retests = new ArrayList<>();
            for (int i = 0; i < boards; i++) {
                String serial = String.format(Locale.ROOT, "SN-%s-%04d", batchName.toUpperCase(Locale.ROOT), i + 1);
                BoardProfile profile = mix.get(i);
                bench.insert(new SimBoard(profile, seed * 1_000_003L + i));
                RunOutcome o = position.run(new RunRequest(serial, batchName, "demo"), RunListener.NONE);
                report(i + 1, serial, profile, o, false);
                if (o.verdict() != Verdict.PASS) {
                    retests.add(new Retest(i, serial, profile, o.verdict()));
                }
            }
            for (Retest r : retests) {
                // A station problem is fixed before the retest (the probe is plugged back in); a bad board stays bad.
                BoardProfile again = r.verdict() == Verdict.ERROR ? BoardProfile.GOOD : r.profile();
                bench.insert(new SimBoard(again, seed * 1_000_003L + r.index() + 7_777L));
                RunOutcome o = position.run(new RunRequest(r.serial(), batchName, "demo"), RunListener.NONE);
                report(r.index() + 1, r.serial(), again, o, true);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            int runs = boards + retests.size();
            System.out.printf("%n%d runs in %.2f s (%.0f runs/s)%n", runs, seconds, runs / seconds);
            summary(new BatchQueries(database.jdbi()).yield(batchName), database.url());
            return ExitCodes.OK;
        }
    }

    private void report(int n, String serial, BoardProfile profile, RunOutcome o, boolean retest) {
        if (quiet) {
            return;
        }
        String where = o.verdict() == Verdict.PASS ? "" : " at " + o.failedStep();
        System.out.printf("[%4d/%d] %s %-27s %-7s%-16s (board: %s)%n", n, boards, retest ? "retest" : "      ", serial,
                o.verdict(), where, profile.id());
    }

    static void summary(YieldReport y, String where) {
        System.out.printf("%nbatch %s%n", y.batch());
        System.out.printf("  boards tested      %d%n", y.boards());
        System.out.printf("  first-pass yield   %.1f %% (%d/%d)%n", 100 * y.firstPassYield(), y.passedFirst(), y.boards());
        System.out.printf("  final yield        %.1f %% (%d/%d)%n", 100 * y.finalYield(), y.passedFinal(), y.boards());
        System.out.printf("  runs               %d (%d retests, %d station errors, %d aborted)%n", y.runs(), y.retests(),
                y.errorRuns(), y.abortedRuns());
        if (!y.failures().isEmpty()) {
            System.out.println("  failures by step (failed runs, hint):");
            for (FailureCount f : y.failures()) {
                System.out.printf("    %-12s %4d  %s%n", f.step(), f.runs(), f.hint() == null ? "" : f.hint());
            }
        }
        System.out.println("  results in " + where);
    }

    private record Retest(int index, String serial, BoardProfile profile, Verdict verdict) {
    }
}
