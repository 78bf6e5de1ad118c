package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.PlanFit;
import io.benchline.station.Station;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.FixtureOpener;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.golden.GoldenCheck;
import io.benchline.station.golden.GoldenRequest;
import io.benchline.station.golden.GoldenResult;
import io.benchline.station.golden.GoldenSettings;
import io.benchline.station.golden.GoldenTable;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "golden",
        mixinStandardHelpOptions = true,
        description = {
            "Golden-board check: run a known-good board N times and report each measurement's repeatability.",
            "Exit 0 the check passed, 1 it failed (a run failed, or a measurement's spread uses over 30 % of",
            "its tolerance), 3 a run ended ERROR (the station could not tell), 2 bad input."
        })
final class GoldenCommand implements Callable<Integer> {
    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "The test plan (YAML).")
    Path plan;

    @Option(
            names = "--fixture",
            required = true,
            paramLabel = "FILE|sim:PROFILE",
            description = "The fixture file, or sim:PROFILE for the simulated fixture with a board of that profile.")
    String fixture;

    @Option(
            names = "--serial",
            required = true,
            description = "The golden board's serial (one of the fixture file's golden: serials when it lists any).")
    String serial;

    @Option(names = "--repeat", defaultValue = "10", description = "How many runs (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(
            names = "--guard-k",
            defaultValue = "2",
            paramLabel = "K",
            description = "Sigmas each limit is pulled in by in the guard-band suggestion (default ${DEFAULT-VALUE}).")
    double guardK;

    @Option(names = "--operator", description = "Who runs the check (default: the login name).")
    String operator;

    @Option(names = "--json", description = "Print the check as one JSON object on stdout.")
    boolean json;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        String operator = Cli.named("--operator", this.operator);
        var loadedPlan = PlanLoader.load(Path.of(Home.resolve(plan.toString())));
        var fixtureFile = FixtureLoader.load(Home.resolve(fixture));
        PlanFit.check(loadedPlan, fixtureFile);
        GoldenSettings settings = GoldenSettings.of(fixtureFile);
        GoldenRequest request = new GoldenRequest(serial, repeat, Operators.orLogin(operator), guardK);
        GoldenCheck.validate(request, settings);
        Optional<SimFixture> sim = SimBoards.simulatedFixture(fixtureFile);
        // one physical board, placed once and tested N times
        sim.ifPresent(s -> s.insert(SimBoards.board(fixtureFile.sim().orElseThrow(), serial)));
        PrintStream human = json ? System.err : System.out;
        try (Database database = db.openOrCreate();
                Station station = Station.open(loadedPlan, fixtureFile, database, f -> FixtureOpener.open(f, sim))) {
            GoldenCheck check = new GoldenCheck(station, database.golden(), settings, Clock.systemUTC());
            human.printf(
                    "golden check — plan %s v%s — fixture %s — board %s × %d%n",
                    loadedPlan.name(), loadedPlan.version(), fixtureFile.name(), serial, repeat);
            GoldenResult result = check.run(request, new Progress(human, repeat));
            GoldenTable.lines(result).forEach(human::println);
            if (json) {
                JsonOut.print(System.out, GoldenJson.of(result));
            }
            if (result.passed()) {
                return ExitCodes.OK;
            }
            return result.stationProblem() ? ExitCodes.ERROR : ExitCodes.FAIL;
        }
    }

    /** One line per run as it is stored. */
    private static final class Progress implements RunListener {
        private final PrintStream out;
        private final int of;
        private int n;

        Progress(PrintStream out, int of) {
            this.out = out;
            this.of = of;
        }

        @Override
        public void runFinished(RunOutcome o) {
            n++;
            out.printf(
                    "  run %d/%d  %-5s (run %d stored)%s%n",
                    n,
                    of,
                    o.verdict(),
                    o.runId(),
                    o.failedStep() == null ? "" : " at " + o.failedStep() + ": " + o.message());
        }
    }
}
