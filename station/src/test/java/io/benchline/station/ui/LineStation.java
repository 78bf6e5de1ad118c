package io.benchline.station.ui;

import io.benchline.db.Database;
import io.benchline.db.StationState;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.Station;
import io.benchline.station.Version;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.FixtureOpener;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.line.StationClient;
import io.benchline.station.line.StationLine;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A web station on the simulated fixture with its own local H2 file, on a line whose central
 * database is at a URL: what {@code benchline station --db LOCAL --central URL --station NAME} builds.
 */
final class LineStation implements AutoCloseable {
    final String name;
    final Database local;
    final Station station;
    final StationLine line;
    final StationServer server;
    final StationClient client;

    private LineStation(String name, Database local, Station station, StationLine line, StationServer server) {
        this.name = name;
        this.local = local;
        this.station = station;
        this.line = line;
        this.server = server;
        this.client = new StationClient(server.address());
    }

    static LineStation start(
            Path dir, String name, String profile, String batch, String centralUrl, Duration patience) {
        Plan plan = PlanLoader.load(TestStations.PLAN);
        FixtureFile fixture = FixtureLoader.load("sim:" + profile).withStation(name);
        Optional<SimFixture> sim = SimBoards.simulatedFixture(fixture);
        Database local = Database.open(dir.resolve(name).toString());
        Station station = Station.open(plan, fixture, local, f -> FixtureOpener.open(f, sim));
        StationLine line = StationLine.join(
                local,
                centralUrl,
                new StationState(name, "idle", batch, plan.name(), Version.current()),
                patience,
                Duration.ofSeconds(2),
                System.out::println);
        station.joinLine(line);
        StationServer server = StationServer.start(
                station, local, batch, "127.0.0.1", 0, SimBoards.freshEachRun(sim, fixture), Optional.empty());
        return new LineStation(name, local, station, line, server);
    }

    @Override
    public void close() {
        server.close();
        line.close();
        station.close();
        local.close();
    }
}
