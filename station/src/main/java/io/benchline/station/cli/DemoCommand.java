package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.db.MeasurementRecord;
import io.benchline.db.Verdict;
import io.benchline.fixtures.sim.BoardProfile;
import io.benchline.fixtures.sim.SimBoard;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.reports.BatchReports;
import io.benchline.reports.YieldReport;
import io.benchline.reports.YieldText;
import io.benchline.station.InputError;
import io.benchline.station.PlanFit;
import io.benchline.station.Station;
import io.benchline.station.cfx.CfxLink;
import io.benchline.station.demo.DemoDrift;
import io.benchline.station.demo.DemoFixture;
import io.benchline.station.demo.DemoMix;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.plan.Step;
import io.benchline.station.sequence.AutoAnswers;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Test a batch of simulated boards on the simulated fixture (no hardware), then print the batch summary.",
            "The mix of fault profiles is deterministic for a seed; boards that did not pass are retested once."
        })
final class DemoCommand implements Callable<Integer> {
    /** The demo has no operator at the terminal: its prompts answer themselves (the --ui station asks on the screen). */
    private static final AutoAnswers ANSWERS = new AutoAnswers();

    @Option(names = "--boards", defaultValue = "20", description = "How many boards (default: ${DEFAULT-VALUE}).")
    int boards;

    @Option(names = "--batch", description = "Batch name (default: DEMO-<date>-<time>).")
    String batch;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the fault mix (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--qemu",
            description = {
                "Good boards, each an emulated STM32F405 in QEMU, instead of simulated boards",
                "with a mix of faults."
            })
    boolean qemu;

    @Option(
            names = "--plan",
            description = "Plan (default: plans/stm32f411-board.yaml; with --qemu, plans/qemu-f405.yaml).")
    String plan;

    @Option(
            names = "--fixture",
            description = "Simulated fixture (default: fixtures/sim-f411.yaml; with --qemu, fixtures/qemu.yaml).")
    String fixture;

    @Option(names = "--quiet", description = "Print only the summary.")
    boolean quiet;

    @Option(
            names = "--ui",
            description = {
                "Serve the simulated station's operator screen instead: each START tests the next",
                "board of the demo mix (so FAIL and ERROR show up too). Ctrl-C stops it."
            })
    boolean ui;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "With --ui: TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            description = "With --ui: address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(
            names = "--time-scale",
            description = {
                "Simulated settling and flash times: 0 instant, 1 as on a real fixture",
                "(default: 1 with --ui, so the steps come in one by one; else the fixture's)."
            })
    Double timeScale;

    @Option(
            names = "--transport",
            paramLabel = "in-process|pty|tcp",
            defaultValue = "in-process",
            description = {
                "How the station reaches the simulated instruments (default: ${DEFAULT-VALUE}).",
                "pty: SCPI over pseudo-terminals (socat) opened with jSerialComm; tcp: over loopback;",
                "both with the ST-LINK served over stlink-tcp."
            })
    String transport;

    @Option(
            names = "--json",
            description = "Print one JSON object on stdout (each run and the batch's yield); the text goes to stderr.")
    boolean json;

    @Option(
            names = "--positions",
            defaultValue = "1",
            description = "Boards tested at once on a simulated multi-up fixture, each with its own probe and supply,"
                    + " all measured by one DMM through one switch (default: ${DEFAULT-VALUE}).")
    int positions;

    @Option(
            names = "--drift",
            paramLabel = "TEST-POINT",
            description = {
                "Make the simulated reading at a test point (vdd, vdda, vcap1, nrst) drift: from board",
                "--drift-from on it rises 6 mV a board, so the control charts raise an alarm before a board fails."
            })
    String drift;

    @Option(
            names = "--drift-from",
            defaultValue = "" + DemoDrift.DEFAULT_FROM,
            description = "With --drift: the first board that drifts (default: ${DEFAULT-VALUE}).")
    int driftFrom;

    @Option(
            names = "--power",
            paramLabel = "supply|relay",
            defaultValue = "supply",
            description = {
                "With --positions: supply, a supply per position; relay, one supply feeding a power bus and",
                "each position's power through its own relay on the switch (default: ${DEFAULT-VALUE})."
            })
    String power;

    @Mixin
    DbOption db;

    @Mixin
    LineOptions line;

    @Mixin
    CfxOption cfx;

    /** `demo --json`. */
    record DemoJson(
            String batch,
            int boards,
            int runs,
            double seconds,
            long passedFirst,
            long passedFinal,
            List<BoardJson> results,
            String database) {}

    record BoardJson(String serial, String profile, boolean retest, long runId, String verdict, String failedStep) {}

    @Override
    public Integer call() {
        if (boards < 1) {
            throw new InputError("--boards must be at least 1");
        }
        if (qemu && !transport.equals("in-process")) {
            throw new InputError(
                    "--qemu serves its probe from QEMU; use it without --transport (in-process instruments)");
        }
        String plan = this.plan != null ? this.plan : qemu ? "plans/qemu-f405.yaml" : "plans/stm32f411-board.yaml";
        String fixture = this.fixture != null ? this.fixture : qemu ? "fixtures/qemu.yaml" : "fixtures/sim-f411.yaml";
        Plan loadedPlan = PlanLoader.load(Path.of(Home.resolve(plan)));
        FixtureFile fixtureFile = line.named(FixtureLoader.load(Home.resolve(fixture)));
        line.check();
        if (fixtureFile.sim().isEmpty()) {
            throw new InputError("demo needs a simulated fixture (one with a 'sim:' block); " + fixture + " has none");
        }
        String batch = Cli.named("--batch", this.batch);
        String batchName = batch != null
                ? batch
                : "DEMO-" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        double scale = timeScale != null ? timeScale : ui ? 1.0 : fixtureFile.timeScale();
        if (scale < 0) {
            throw new InputError("--time-scale must be 0 or more");
        }
        fixtureFile = new FixtureFile(
                fixtureFile.source(),
                fixtureFile.name(),
                fixtureFile.station(),
                fixtureFile.sim(),
                fixtureFile.supply(),
                fixtureFile.dmm(),
                fixtureFile.switchSpec(),
                fixtureFile.probe(),
                fixtureFile.uart(),
                fixtureFile.testPoints(),
                scale,
                fixtureFile.positions(),
                fixtureFile.users());
        PlanFit.check(loadedPlan, fixtureFile);
        DemoDrift drift = this.drift == null ? DemoDrift.NONE : DemoDrift.of(this.drift, driftFrom);
        if (this.drift != null && (qemu || positions != 1)) {
            throw new InputError("--drift shifts a simulated board's reading; leave out --qemu and --positions");
        }
        if (positions != 1 || relayPowered()) {
            return panels(loadedPlan, batchName, scale);
        }
        if (ui) {
            return serve(loadedPlan, fixtureFile, batchName, drift);
        }
        // QEMU emulates a good chip only: its boards are all good (faults live in the simulated fixture).
        List<BoardProfile> mix = qemu ? Collections.nCopies(boards, BoardProfile.GOOD) : DemoMix.profiles(boards, seed);
        try (DemoFixture demoFixture = DemoFixture.start(transport, fixtureFile);
                Database database = db.openOrCreate();
                CfxLink cfxLink = cfx.attach(database);
                Station station = demoFixture.openStation(loadedPlan, database);
                LineOptions.Session onLine = line.join(
                        station, database, batchName, LineOptions.DRAIN_ON_EXIT, json ? System.err : System.out)) {
            cfxLink.start();
            PrintStream human = json ? System.err : System.out;
            if (station.recoveredRuns() > 0) {
                human.println(station.recoveredRuns() + " run(s) cut off by an earlier crash closed as ABORTED");
            }
            SimFixture sim = demoFixture.simulated();
            human.printf(
                    "demo: %d simulated boards, batch %s, plan %s v%s, fixture %s%n",
                    boards,
                    batchName,
                    loadedPlan.name(),
                    loadedPlan.version(),
                    demoFixture.fixture().name());
            if (loadedPlan.steps().stream().anyMatch(s -> s instanceof Step.Prompt)) {
                human.println("demo: operator prompts are answered automatically (each with its first passing answer)");
            }
            long t0 = System.nanoTime();
            List<Retest> retests = new ArrayList<>();
            List<BoardJson> results = new ArrayList<>();
            DemoAlarms alarms = new DemoAlarms(quiet);
            for (int i = 0; i < boards; i++) {
                String serial = String.format(Locale.ROOT, "SN-%s-%04d", batchName.toUpperCase(Locale.ROOT), i + 1);
                BoardProfile profile = mix.get(i);
                sim.insert(drift.apply(new SimBoard(profile, seed * 1_000_003L + i, seed * 1_000_003L + i), i + 1));
                RunOutcome o = station.run(new RunRequest(serial, batchName, "demo"), RunListener.NONE, ANSWERS);
                report(i + 1, serial, profile, o, false);
                alarms.print(database, station, human);
                results.add(new BoardJson(
                        serial, profile.id(), false, o.runId(), o.verdict().name(), o.failedStep()));
                if (o.verdict() != Verdict.PASS) {
                    retests.add(new Retest(i, serial, profile, o.verdict()));
                }
            }
            for (Retest r : retests) {
                // A station problem is fixed before the retest (the probe is plugged back in); a bad board stays bad.
                BoardProfile again = r.verdict() == Verdict.ERROR ? BoardProfile.GOOD : r.profile();
                sim.insert(drift.apply(
                        new SimBoard(again, seed * 1_000_003L + r.index() + 7_777L, seed * 1_000_003L + r.index()),
                        r.index() + 1));
                RunOutcome o = station.run(new RunRequest(r.serial(), batchName, "demo"), RunListener.NONE, ANSWERS);
                report(r.index() + 1, r.serial(), again, o, true);
                results.add(new BoardJson(
                        r.serial(), again.id(), true, o.runId(), o.verdict().name(), o.failedStep()));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            int runs = boards + retests.size();
            human.printf("%n%d runs in %.2f s (%.0f runs/s)%n", runs, seconds, runs / seconds);
            YieldReport yield = new BatchReports(database.batches()).yield(batchName);
            YieldText.print(yield, human);
            alarms.summary(human);
            human.println("  results in " + database.url());
            if (json) {
                JsonOut.print(
                        System.out,
                        new DemoJson(
                                batchName,
                                boards,
                                runs,
                                seconds,
                                yield.passedFirst(),
                                yield.passedFinal(),
                                results,
                                database.url()));
            }
            return ExitCodes.OK;
        }
    }

    private boolean relayPowered() {
        return switch (power) {
            case "supply" -> false;
            case "relay" -> true;
            default -> throw new InputError("--power '" + power + "': use supply or relay");
        };
    }

    /** `demo --positions N`: see {@link DemoPanels}. */
    private int panels(Plan loadedPlan, String batchName, double scale) {
        if (positions < 1 || positions > 32) {
            throw new InputError("--positions must be from 1 to 32");
        }
        if (qemu || !transport.equals("in-process") || json) {
            throw new InputError(
                    "--positions runs the in-process simulated panel; leave out --qemu, --transport and --json");
        }
        boolean relay = relayPowered();
        if (ui) {
            return DemoPanels.serve(loadedPlan, positions, relay, seed, scale, batchName, db, bind, port, line, cfx);
        }
        try (Database database = db.openOrCreate();
                CfxLink cfxLink = cfx.attach(database)) {
            return DemoPanels.run(
                    loadedPlan,
                    positions,
                    relay,
                    boards,
                    seed,
                    scale,
                    batchName,
                    database,
                    System.out,
                    quiet,
                    line,
                    cfxLink);
        }
    }

    /** The web station on the simulated fixture; the boards placed in the jig follow the demo mix, START after START. */
    private int serve(Plan loadedPlan, FixtureFile fixtureFile, String batchName, DemoDrift drift) {
        int cycle = Math.max(boards, 5 * BoardProfile.values().length);
        List<BoardProfile> mix = DemoMix.profiles(cycle, seed);
        try (DemoFixture demoFixture = DemoFixture.start(transport, fixtureFile);
                Database database = db.openOrCreate();
                CfxLink cfxLink = cfx.attach(database);
                Station station = demoFixture.openStation(loadedPlan, database);
                LineOptions.Session onLine =
                        line.join(station, database, batchName, LineOptions.DRAIN_ON_EXIT, System.out)) {
            cfxLink.start();
            SimFixture sim = demoFixture.simulated();
            AtomicInteger next = new AtomicInteger();
            Runnable placeNextBoard = () -> {
                int i = next.getAndIncrement();
                sim.insert(drift.apply(new SimBoard(mix.get(i % cycle), seed * 1_000_003L + i), i + 1));
            };
            System.out.println("demo: the simulated fixture; each START tests the next board of the demo mix "
                    + "(mostly good, every fault profile once in " + cycle + "); serials match "
                    + loadedPlan.serialPattern().pattern()
                    + ", e.g. SN-DEMO-0001");
            return StationLauncher.serve(database, station, batchName, bind, port, placeNextBoard, System.out);
        }
    }

    private void report(int n, String serial, BoardProfile profile, RunOutcome o, boolean retest) {
        if (quiet) {
            return;
        }
        String where = o.verdict() == Verdict.PASS ? marginal(o) : " at " + o.failedStep();
        (json ? System.err : System.out)
                .printf(
                        "[%4d/%d] %s %-27s %-7s%-16s (board: %s)%n",
                        n, boards, retest ? "retest" : "      ", serial, o.verdict(), where, profile.id());
    }

    /** A pass with readings in their marginal band names them: " marginal VCAP1". */
    private static String marginal(RunOutcome o) {
        List<String> names = o.steps().stream()
                .flatMap(s -> s.measurements().stream())
                .filter(MeasurementRecord::marginal)
                .map(MeasurementRecord::name)
                .toList();
        return names.isEmpty() ? "" : " marginal " + String.join(",", names);
    }

    private record Retest(int index, String serial, BoardProfile profile, Verdict verdict) {}
}
