package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.InputError;
import io.benchline.station.Panel;
import io.benchline.station.PlanFit;
import io.benchline.station.Station;
import io.benchline.station.cfx.CfxLink;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.FixtureOpener;
import io.benchline.station.fixture.PanelFixture;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "station",
        mixinStandardHelpOptions = true,
        description = {
            "Run one station with its operator screen in the browser.",
            "Prints 'Station ready at http://HOST:PORT/' when it listens; Ctrl-C stops it.",
            "On an address other than loopback every request needs the access token it prints."
        })
final class StationCommand implements Callable<Integer> {
    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "The test plan (YAML).")
    Path plan;

    @Option(
            names = "--fixture",
            required = true,
            paramLabel = "FILE|sim:PROFILE",
            description = "The fixture file, or sim:PROFILE for the simulated fixture with boards of that profile.")
    String fixture;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            description =
                    "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for the line's network, with a token).")
    String bind;

    @Option(
            names = "--batch",
            defaultValue = "default",
            description = "The batch (lot) being tested (default: ${DEFAULT-VALUE}).")
    String batch;

    @Mixin
    DbOption db;

    @Mixin
    LineOptions line;

    @Mixin
    MesOption mes;

    @Mixin
    UsersOption users;

    @Mixin
    CfxOption cfx;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new InputError("--port " + port + " is not a TCP port (0 to 65535)");
        }
        String batch = Cli.named("--batch", this.batch);
        Plan loadedPlan = PlanLoader.load(Path.of(Home.resolve(plan.toString())));
        FixtureFile fixtureFile = line.named(FixtureLoader.load(Home.resolve(fixture)));
        line.check();
        PlanFit.check(loadedPlan, fixtureFile);
        if (!fixtureFile.positions().isEmpty()) {
            Optional<List<SimFixture>> panel = SimBoards.simulatedPanel(fixtureFile);
            try (Database database = db.openOrCreate();
                    Panel station = Panel.open(loadedPlan, fixtureFile, database, f -> PanelFixture.open(f, panel))) {
                return PanelLauncher.serve(
                        database,
                        station,
                        batch,
                        bind,
                        port,
                        SimBoards.freshAtPosition(panel, fixtureFile),
                        System.out,
                        users.load(Optional.of(fixtureFile)));
            }
        }
        Optional<SimFixture> sim = SimBoards.simulatedFixture(fixtureFile);
        try (Database database = db.openOrCreate();
                CfxLink cfxLink = cfx.attach(database);
                Station station = Station.open(loadedPlan, fixtureFile, database, f -> FixtureOpener.open(f, sim));
                LineOptions.Session onLine =
                        line.join(station, database, batch, LineOptions.DRAIN_ON_EXIT, System.out)) {
            mes.attach(station, fixtureFile, database, System.err);
            cfxLink.start();
            return StationLauncher.serve(
                    database,
                    station,
                    batch,
                    bind,
                    port,
                    SimBoards.freshEachRun(sim, fixtureFile),
                    System.out,
                    users.load(Optional.of(fixtureFile)));
        }
    }
}
