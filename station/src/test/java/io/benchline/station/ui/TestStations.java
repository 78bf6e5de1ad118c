package io.benchline.station.ui;

import io.benchline.db.Database;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.Station;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.FixtureOpener;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.flow.Users;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Station servers on the simulated fixture for tests, all writing one results database. */
final class TestStations implements AutoCloseable {
    static final Path PLAN = Path.of("../plans/stm32f411-board.yaml");

    final Database db;
    /** The users of the stations started from now on (none: nobody can take an engineer's action). */
    Users users = Users.none();
    /** The plan of the stations started from now on. */
    Path plan = PLAN;

    private final List<AutoCloseable> open = new ArrayList<>();

    TestStations(Path dir) {
        this.db = Database.open(dir.resolve("results").toString());
    }

    /** A station whose jig gets a fresh board of this profile at every START. */
    StationServer start(
            String profile, String batch, String bind, Runnable beforeEachRun, Optional<StartButton> button) {
        Plan plan = PlanLoader.load(this.plan);
        FixtureFile fixture = FixtureLoader.load("sim:" + profile);
        Optional<SimFixture> sim = SimBoards.simulatedFixture(fixture);
        Station station = Station.open(plan, fixture, db, f -> FixtureOpener.open(f, sim));
        open.add(station);
        Runnable fresh = SimBoards.freshEachRun(sim, fixture);
        StationServer server = StationServer.start(
                station,
                db,
                batch,
                bind,
                0,
                () -> {
                    beforeEachRun.run();
                    fresh.run();
                },
                button,
                users);
        open.add(0, server);
        return server;
    }

    StationServer start(String profile, String batch) {
        return start(profile, batch, "127.0.0.1", () -> {}, Optional.empty());
    }

    @Override
    public void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort in tests
            }
        }
        db.close();
    }
}
