package io.benchline.station.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.Database;
import io.benchline.db.StepRecord;
import io.benchline.db.Verdict;
import io.benchline.fixtures.sim.BoardProfile;
import io.benchline.fixtures.sim.SimBoard;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.fixtures.sim.wire.MeterModel;
import io.benchline.fixtures.sim.wire.SimInstrumentServers;
import io.benchline.fixtures.sim.wire.SimInstrumentServers.SupplyModel;
import io.benchline.fixtures.sim.wire.SimInstrumentServers.Transport;
import io.benchline.station.Station;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Supplies whose readbacks lag the output (DP832 at 2.5 Hz) served on ptys: the power step judges a
 * fresh reading, so a good board passes and a shorted one fails as a short, never on the 0.000 A
 * the supply showed before its output was on.
 */
@Timeout(60)
class FreshSupplyReadingTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SupplyModel.class)
    void aGoodBoardPassesThePowerStep(SupplyModel model) throws IOException {
        StepRecord power = powerStep(BoardProfile.GOOD, model);
        assertEquals(Verdict.PASS, power.verdict(), power.message());
        double amps = power.measurements().get(0).reading();
        assertTrue(amps > 0.015 && amps < 0.021, amps + " A");
    }

    @ParameterizedTest
    @EnumSource(SupplyModel.class)
    void aShortedBoardFailsAsAShortOnAFreshReading(SupplyModel model) throws IOException {
        StepRecord power = powerStep(BoardProfile.RAIL_SHORT, model);
        assertEquals(Verdict.FAIL, power.verdict());
        assertEquals(
                "supply in current limit (0.250 A at a 0.250 A limit): a short on the board; power switched off",
                power.message());
    }

    private StepRecord powerStep(BoardProfile profile, SupplyModel model) throws IOException {
        Map<String, String> pointByChannel = new HashMap<>();
        FixtureLoader.SIM_WIRING.forEach((point, channel) -> pointByChannel.put(channel, point));
        SimFixture bench = new SimFixture(new SimBoard(profile, 3), pointByChannel, 0);
        try (SimInstrumentServers servers =
                        SimInstrumentServers.start(bench, Transport.PTY, MeterModel.HP_34401A, model, dir);
                Database db =
                        Database.open(dir.resolve("results-" + profile + model).toString());
                Station station = Station.open(
                        plan(),
                        FixtureLoader.parse(
                                "(served pty bench)",
                                "name: pty-bench\ntime-scale: 1\n" + servers.fixtureYaml()
                                        + "probe: \"sim:good\"\ntest-points: {VDD: \"1\", VDDA: \"2\", VCAP1: \"3\", NRST: \"4\"}\n"),
                        db)) {
            RunOutcome o = station.run(new RunRequest("SN-FRESH-1", "T", "tester"), RunListener.NONE);
            return o.steps().get(0);
        }
    }

    private Plan plan() throws IOException {
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, """
                plan: fresh
                version: "1"
                product: {name: test board}
                serial-pattern: "SN-[A-Z0-9-]+"
                steps:
                  - kind: power
                    name: power-on
                    volts: 3.3
                    current-limit: 0.25
                    settle-ms: 100
                    current: {low: 0.005, high: 0.080}
                """);
        return PlanLoader.load(file);
    }
}
