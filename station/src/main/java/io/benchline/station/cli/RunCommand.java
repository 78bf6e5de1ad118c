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
import io.benchline.station.flow.BoardGate;
import io.benchline.station.line.PassAnswer;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.plan.Step;
import io.benchline.station.sequence.PresetAnswers;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Test one board, headless.",
            "Exit 0 PASS, 1 FAIL, 3 ERROR (station problem), 2 bad input or a board refused (quarantined)."
        })
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

    @Option(
            names = "--answer",
            paramLabel = "STEP=VALUE",
            description = {
                "The answer to the plan's prompt step STEP (repeatable), e.g. --answer led=PASS.",
                "A prompt without one ends ERROR at once: a headless run never waits for an operator."
            })
    List<String> answers = new ArrayList<>();

    @Mixin
    DbOption db;

    @Mixin
    LineOptions line;

    @Option(
            names = "--retest",
            description = "With --central: test a board that already passed on the line (else it is refused).")
    boolean retest;

    @Mixin
    MesOption mes;

    @Mixin
    CfxOption cfx;

    @Override
    public Integer call() {
        String batch = Cli.named("--batch", this.batch);
        String operator = Cli.named("--operator", this.operator);
        var loadedPlan = PlanLoader.load(Path.of(Home.resolve(plan.toString())));
        var fixtureFile = line.named(FixtureLoader.load(Home.resolve(fixture)));
        line.check();
        loadedPlan.serialProblem(serial).ifPresent(problem -> {
            throw new InputError(problem);
        });
        PlanFit.check(loadedPlan, fixtureFile);
        PresetAnswers preset = PresetAnswers.parse(loadedPlan, answers);
        for (Step.Prompt p : preset.unanswered(loadedPlan)) {
            (json ? System.err : System.out)
                    .println(
                            "warning: step '" + p.name() + "' asks the operator \"" + p.text() + "\"; without --answer "
                                    + p.name() + "=" + String.join("|", p.answers()) + " it ends ERROR");
        }
        Optional<SimFixture> sim = SimBoards.simulatedFixture(fixtureFile);
        sim.ifPresent(s -> s.insert(SimBoards.board(fixtureFile.sim().orElseThrow(), serial)));
        PrintStream human = json ? System.err : System.out;
        String batchName = batch == null ? "default" : batch;
        try (Database database = db.openOrCreate();
                CfxLink cfxLink = cfx.attach(database);
                Station station = Station.open(loadedPlan, fixtureFile, database, f -> FixtureOpener.open(f, sim));
                LineOptions.Session onLine =
                        line.join(station, database, batchName, LineOptions.DRAIN_ON_EXIT, human)) {
            mes.attach(station, fixtureFile, database, System.err);
            new BoardGate(loadedPlan, database, fixtureFile.station(), Clock.systemUTC()).admit(serial);
            cfxLink.start();
            if (station.recoveredRuns() > 0) {
                human.println(station.recoveredRuns() + " run(s) cut off by an earlier crash closed as ABORTED");
            }
            if (onLine.line().joined() && !retest) {
                refuseIfPassed(onLine.line().hasPassed(serial), human);
            }
            human.printf(
                    "%s — plan %s v%s — fixture %s — board %s%n",
                    loadedPlan.productLabel(), loadedPlan.name(), loadedPlan.version(), fixtureFile.name(), serial);
            RunOutcome o = station.run(
                    new RunRequest(serial, batchName, Operators.orLogin(operator)),
                    new ConsolePrinter(human, !json && System.console() != null),
                    preset);
            if (json) {
                JsonOut.print(
                        System.out,
                        RunJson.of(o, batchName, loadedPlan.name(), loadedPlan.version(), fixtureFile.name()));
            }
            return exitCode(o.verdict());
        }
    }

    /** A line tests a board again only when asked to: a board that passed at another station is not tested twice by mistake. */
    private void refuseIfPassed(PassAnswer answer, PrintStream human) {
        if (answer.passed()) {
            throw new InputError("board " + serial + " already passed"
                    + (answer.askedLine() ? " on the line" : " at this station") + "; give --retest to test it again");
        }
        if (answer.notice() != null) {
            human.println("note: " + answer.notice());
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
