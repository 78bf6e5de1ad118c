package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.db.Verdict;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.InputError;
import io.benchline.station.PlanFit;
import io.benchline.station.Station;
import io.benchline.station.cfx.CfxLink;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.FixtureOpener;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {"Test one board, headless.", "Exit 0 PASS, 1 FAIL, 3 ERROR (station problem), 2 bad input."})
final class RunCommand implements Callable<Integer> {
    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "The test plan (YAML).")
    Path plan;

    @Option(
            names = "--fixture",
            required = true,
            paramLabel = "FILE|sim:PROFILE",
            description = "The fixture file, or sim:PROFILE for the simulated fixture with one board of that profile.")
    String fixture;

    @Option(names = "--serial", required = true, description = "The board's serial, as printed on it.")
    String serial;

    @Option(names = "--batch", description = "The batch (lot) the board belongs to (default: default).")
    String batch;

    @Option(names = "--operator", description = "Who runs the test (default: the login name).")
    String operator;

    @Option(
            names = "--json",
            description = "Print the run as one JSON object on stdout; the steps go to stderr as they run.")
    boolean json;

    @Mixin
    DbOption db;

    @Mixin
    CfxOption cfx;

    @Override
    public Integer call() {
        String batch = Cli.named("--batch", this.batch);
        String operator = Cli.named("--operator", this.operator);
        var loadedPlan = PlanLoader.load(Path.of(Home.resolve(plan.toString())));
        var fixtureFile = FixtureLoader.load(Home.resolve(fixture));
        loadedPlan.serialProblem(serial).ifPresent(problem -> {
            throw new InputError(problem);
        });
        PlanFit.check(loadedPlan, fixtureFile);
        Optional<SimFixture> sim = SimBoards.simulatedFixture(fixtureFile);
        sim.ifPresent(s -> s.insert(SimBoards.board(fixtureFile.sim().orElseThrow(), serial)));
        try (Database database = db.openOrCreate();
                CfxLink cfxLink = cfx.attach(database);
                Station station = Station.open(loadedPlan, fixtureFile, database, f -> FixtureOpener.open(f, sim))) {
            cfxLink.start();
            PrintStream human = json ? System.err : System.out;
            if (station.recoveredRuns() > 0) {
                human.println(station.recoveredRuns() + " run(s) cut off by an earlier crash closed as ABORTED");
            }
            human.printf(
                    "%s — plan %s v%s — fixture %s — board %s%n",
                    loadedPlan.productLabel(), loadedPlan.name(), loadedPlan.version(), fixtureFile.name(), serial);
            String batchName = batch == null ? "default" : batch;
            RunOutcome o = station.run(
                    new RunRequest(serial, batchName, Operators.orLogin(operator)),
                    new ConsolePrinter(human, !json && System.console() != null));
            if (json) {
                JsonOut.print(
                        System.out,
                        RunJson.of(o, batchName, loadedPlan.name(), loadedPlan.version(), fixtureFile.name()));
            }
            return exitCode(o.verdict());
        }
    }

    static int exitCode(Verdict v) {
        return switch (v) {
            case PASS -> ExitCodes.OK;
            case FAIL -> ExitCodes.FAIL;
            default -> ExitCodes.ERROR;
        };
    }
}
