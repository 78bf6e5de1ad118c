package io.benchline.station.ui;

import io.benchline.db.Database;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.Panel;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.PanelFixture;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.flow.Users;
import io.benchline.station.plan.PlanLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A multi-up station on the simulated panel (in-process) serving the panel screen, with the
 * station's users; its simulated positions kept at hand so a test can see whether DUT power is on.
 */
final class PanelStations implements AutoCloseable {
    /** Powers each board, measures VDD, asks the operator to close the lid, measures VDDA. */
    static final String LID_PLAN = """
            plan: panel-lid-check
            version: "1"
            product: {name: test board}
            serial-pattern: "SN-[A-Z0-9-]{1,32}"
            EXTRA
            steps:
              - {kind: power, name: power-on, output: true, volts: 3.3, current-limit: 0.25}
              - {kind: measure, name: VDD, test-point: VDD, unit: V, low: 3.135, high: 3.465}
              - kind: prompt
                name: lid
                text: Close the lid, then press OK
                answers: [OK, NOT CLOSED]
                timeout-ms: 30000
              - {kind: measure, name: VDDA, test-point: VDDA, unit: V, low: 3.135, high: 3.465}
            """;

    /** As LID_PLAN without the prompt: every board runs to its verdict alone. */
    static final String PLAIN_PLAN = """
            plan: panel-check
            version: "1"
            product: {name: test board}
            serial-pattern: "SN-[A-Z0-9-]{1,32}"
            EXTRA
            steps:
              - {kind: power, name: power-on, output: true, volts: 3.3, current-limit: 0.25}
              - {kind: measure, name: VDD, test-point: VDD, unit: V, low: 3.135, high: 3.465}
              - {kind: measure, name: VDDA, test-point: VDDA, unit: V, low: 3.135, high: 3.465}
            """;

    final Database db;
    final List<SimFixture> sim;
    final Panel panel;
    final PanelServer server;

    /**
     * @param profiles the simulated panel, e.g. "good,good" (a board profile per position)
     * @param extra    plan keys put before the steps ("" for none)
     */
    PanelStations(Path dir, String profiles, String planText, String extra, Users users) throws IOException {
        Path plan = dir.resolve("panel-plan.yaml");
        Files.writeString(plan, planText.replace("EXTRA", extra));
        FixtureFile file = FixtureLoader.load("sim:" + profiles);
        Optional<List<SimFixture>> panelSim = SimBoards.simulatedPanel(file);
        this.sim = panelSim.orElseThrow();
        this.db = Database.open(dir.resolve("results").toString());
        this.panel = Panel.open(PlanLoader.load(plan), file, db, f -> PanelFixture.open(f, panelSim));
        this.server = PanelServer.start(
                panel,
                db,
                "PANEL-LOT",
                "127.0.0.1",
                0,
                SimBoards.freshAtPosition(panelSim, file),
                Optional.empty(),
                users);
    }

    /** Whether DUT power is on at the position (from 1). */
    boolean dutPowered(int position) {
        return sim.get(position - 1).board().supplyOn();
    }

    @Override
    public void close() {
        server.close();
        panel.close();
        db.close();
    }
}
