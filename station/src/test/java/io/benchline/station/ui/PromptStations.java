package io.benchline.station.ui;

import io.benchline.db.Database;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.Station;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.FixtureOpener;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.plan.PlanLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A station on the simulated fixture (good board) running a small plan with an operator prompt,
 * its simulated hardware kept at hand so a test can see whether DUT power is on.
 */
final class PromptStations implements AutoCloseable {
    /** Powers the board, measures VDD, asks the operator to close the lid, measures VDDA. */
    static final String LID_PLAN = """
            plan: lid-check
            version: "1"
            product: {name: test board}
            serial-pattern: "SN-[A-Z0-9-]{1,32}"
            steps:
              - {kind: power, name: power-on, output: true, volts: 3.3, current-limit: 0.25}
              - {kind: measure, name: VDD, test-point: VDD, unit: V, low: 3.135, high: 3.465, settle-ms: SETTLE, timeout-ms: 10000}
              - kind: prompt
                name: lid
                text: Close the lid, then press OK
                picture: lid.svg
                answers: [OK, NOT CLOSED]
                timeout-ms: 20000
              - {kind: measure, name: VDDA, test-point: VDDA, unit: V, low: 3.135, high: 3.465}
            """;

    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\">"
            + "<rect width=\"40\" height=\"20\" fill=\"#0a0\"/></svg>";

    final Database db;
    final SimFixture sim;
    final Station station;
    final StationServer server;

    /** settleMs is VDD's settle-ms, waited for real (time scale 1) when above 0. */
    PromptStations(Path dir, int settleMs) throws IOException {
        Path plan = dir.resolve("lid-check.yaml");
        Files.writeString(plan, LID_PLAN.replace("SETTLE", String.valueOf(settleMs)));
        Files.writeString(dir.resolve("lid.svg"), SVG);
        FixtureFile sim = FixtureLoader.load("sim:good");
        FixtureFile file = new FixtureFile(
                sim.source(),
                sim.name(),
                sim.station(),
                sim.sim(),
                sim.supply(),
                sim.dmm(),
                sim.switchSpec(),
                sim.probe(),
                sim.uart(),
                sim.testPoints(),
                settleMs > 0 ? 1.0 : 0.0);
        Optional<SimFixture> fixture = SimBoards.simulatedFixture(file);
        this.sim = fixture.orElseThrow();
        this.db = Database.open(dir.resolve("results").toString());
        this.station = Station.open(PlanLoader.load(plan), file, db, f -> FixtureOpener.open(f, fixture));
        this.server = StationServer.start(station, db, "LID-LOT", "127.0.0.1", 0, () -> {}, Optional.empty());
    }

    boolean dutPowered() {
        return sim.board().supplyOn();
    }

    @Override
    public void close() {
        server.close();
        station.close();
        db.close();
    }
}
