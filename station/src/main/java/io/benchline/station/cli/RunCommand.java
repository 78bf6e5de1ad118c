package io.benchline.station.cli;

import io.benchline.station.InputError;
import io.benchline.db.Database;
import io.benchline.db.Verdict;
import io.benchline.station.Station;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Test one board, headless.", "Exit 0 PASS, 1 FAIL, 3 ERROR (station problem), 2 bad input."})
final class RunCommand implements Callable<Integer> {
    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "The test plan (YAML).")
    Path plan;

    @Option(names = "--fixture", required = true, paramLabel = "FILE|sim:PROFILE",
            description = "The fixture file, or sim:PROFILE for the simulated bench with one board of that profile.")
    String fixture;

    @Option(names = "--serial", required = true, description = "The board's serial, as printed on it.")
    String serial;

    @Option(names = "--batch", defaultValue = "default", description = "The batch (lot) the board belongs to (default: ${DEFAULT-VALUE}).")
    String batch;

    @Option(names = "--operator", description = "Who runs the test (default: the login name).")
    String operator;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        var loadedPlan = PlanLoader.load(Path.of(Home.resolve(plan.toString())));
        var fixtureFile = FixtureLoader.load(Home.resolve(fixture));
        loadedPlan.serialProblem(serial).ifPresent(problem -> {
            throw new InputError(problem);
        });
        try (Database database = db.open(); Station station = Station.open(loadedPlan, fixtureFile, database)) {
            if (station.recoveredRuns() > 0) {
                System.out.println(station.recoveredRuns() + " run(s) cut off by an earlier crash closed as ABORTED");
            }
            System.out.printf("%s — plan %s v%s — fixture %s — board %s%n", loadedPlan.productLabel(), loadedPlan.name(),
                    loadedPlan.version(), fixtureFile.name(), serial);
            RunOutcome o = station.run(new RunRequest(serial, batch, Operators.orLogin(operator)), new ConsolePrinter(System.out));
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
