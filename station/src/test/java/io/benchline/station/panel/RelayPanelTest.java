package io.benchline.station.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.Database;
import io.benchline.db.Verdict;
import io.benchline.fixtures.Deadline;
import io.benchline.fixtures.sim.BoardProfile;
import io.benchline.fixtures.sim.SimBoard;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.fixtures.sim.SimPowerBus;
import io.benchline.fixtures.sim.Stm32f411Model;
import io.benchline.fixtures.sim.wire.SimInstrumentServers.Transport;
import io.benchline.fixtures.sim.wire.SimRelayPanelServers;
import io.benchline.station.Panel;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.PanelFixture;
import io.benchline.station.fixture.RelayPower;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunOutcome;
import io.benchline.station.sequence.RunRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A 4-up panel powered from one supply through a relay per position, over the real transports: a
 * DP832 feeding the bus and a 34970A (multiplexer for the test points, actuator card for the
 * relays, its DMM) served on ptys or loopback TCP, reached through the real drivers.
 */
class RelayPanelTest {
    static final Plan PLAN = PlanLoader.load(Path.of("../plans/stm32f411-board.yaml"));
    static final int N = 4;
    static final int PORRSTF = 1 << 27;

    @TempDir
    Path dir;

    Database db;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("results").toString());
    }

    @AfterEach
    void close() {
        db.close();
    }

    static String relay(int position) {
        return String.valueOf(200 + position);
    }

    /** The fixture file of the served panel: position p's test points on 34901A channels 1(4p-3)..1(4p), its relay on 34903A channel 20p. */
    static String fixtureYaml(SimRelayPanelServers s) {
        StringBuilder b = new StringBuilder("name: relay-4up\nstation: relay-station\ntime-scale: 0\n")
                .append("dmm: ")
                .append(s.dmmYaml())
                .append("\nswitch: ")
                .append(s.dmmYaml())
                .append("\npower-bus: {supply: ")
                .append(s.supplyYaml())
                .append(", volts: 3.3, current-limit: 0.6}\npositions:\n");
        for (int p = 1; p <= N; p++) {
            int c = 100 + 4 * (p - 1);
            b.append("  - probe: sim\n    power: {relay: \"")
                    .append(relay(p))
                    .append("\"}\n    uart: {kind: sim}\n    test-points: {VDD: \"")
                    .append(c + 1)
                    .append("\", VDDA: \"")
                    .append(c + 2)
                    .append("\", VCAP1: \"")
                    .append(c + 3)
                    .append("\", NRST: \"")
                    .append(c + 4)
                    .append("\"}\n");
        }
        return b.toString();
    }

    static List<SimFixture> simulatedPanel(List<SimBoard> boards) {
        List<Map<String, String>> wiring = new ArrayList<>();
        List<String> relays = new ArrayList<>();
        for (int p = 1; p <= N; p++) {
            int c = 100 + 4 * (p - 1);
            Map<String, String> w = new HashMap<>();
            w.put(String.valueOf(c + 1), "VDD");
            w.put(String.valueOf(c + 2), "VDDA");
            w.put(String.valueOf(c + 3), "VCAP1");
            w.put(String.valueOf(c + 4), "NRST");
            wiring.add(w);
            relays.add(relay(p));
        }
        return SimFixture.panel(boards, wiring, relays, 0);
    }

    /** Runs one panel of these boards over the transport; faults placed by the caller before the run. */
    List<RunOutcome> runPanel(Transport transport, List<SimBoard> boards, Consumer<SimPowerBus> fault) {
        List<SimFixture> sim = simulatedPanel(boards);
        try (SimRelayPanelServers served = new SimRelayPanelServers(sim, transport, dir)) {
            SimPowerBus bus = served.bus();
            fault.accept(bus);
            FixtureFile file = FixtureLoader.parse("(relay panel)", fixtureYaml(served));
            List<Optional<RunOutcome>> out;
            try (Panel panel = Panel.open(PLAN, file, db, f -> PanelFixture.open(f, Optional.of(sim)))) {
                List<Optional<RunRequest>> requests = new ArrayList<>();
                for (int p = 1; p <= N; p++) {
                    requests.add(Optional.of(new RunRequest("SN-RELAY-" + transport + "-" + p, "R", "tester")));
                }
                out = panel.run(requests, n -> RunListener.NONE);
            }
            assertEquals(List.of(), sim.get(0).routing().conflicts(), "two positions held the DMM at once");
            for (int p = 1; p <= N; p++) {
                assertFalse(bus.relayCommanded(relay(p)), "teardown opened relay " + relay(p));
                assertFalse(sim.get(p - 1).board().supplyOn(), "position " + p + " unpowered after teardown");
            }
            assertEquals(List.of(), List.copyOf(bus.closedRelays()));
            assertFalse(bus.outputOn(), "the bus supply is off once every relay is open");
            return out.stream().map(Optional::orElseThrow).toList();
        }
    }

    static List<SimBoard> goodBoards() {
        List<SimBoard> boards = new ArrayList<>();
        for (int p = 1; p <= N; p++) {
            boards.add(new SimBoard(BoardProfile.GOOD, 40L + p));
        }
        return boards;
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void fourRelayPoweredPositionsAllPassOnOneSupply(Transport transport) {
        List<RunOutcome> out = runPanel(transport, goodBoards(), bus -> {});
        for (int p = 1; p <= N; p++) {
            RunOutcome o = out.get(p - 1);
            assertEquals(Verdict.PASS, o.verdict(), "position " + p + ": " + o.message());
            String powerOn = o.steps().get(0).message();
            assertTrue(powerOn.contains("through relay " + relay(p)), powerOn);
            double amps = o.steps().get(0).measurements().get(0).reading();
            assertEquals(0.018, amps, 0.002, "position " + p + "'s own current, not the bus total");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aBoardDrawingTooMuchFailsWhileTheOthersPass(Transport transport) {
        List<SimBoard> boards = goodBoards();
        boards.get(2).extraLoad(0.1); // position 3: about 118 mA, under a short, over the plan's 80 mA
        List<RunOutcome> out = runPanel(transport, boards, bus -> {});
        RunOutcome third = out.get(2);
        assertEquals(Verdict.FAIL, third.verdict(), third.message());
        assertEquals("power-on", third.failedStep());
        assertEquals(0.118, third.steps().get(0).measurements().get(0).reading(), 0.003);
        for (int p : List.of(1, 2, 4)) {
            assertEquals(
                    Verdict.PASS,
                    out.get(p - 1).verdict(),
                    "position " + p + ": " + out.get(p - 1).message());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aRelayThatNeverClosesIsAnErrorNamingThePosition(Transport transport) {
        List<RunOutcome> out = runPanel(transport, goodBoards(), bus -> bus.stickOpen(relay(2)));
        RunOutcome second = out.get(1);
        assertEquals(Verdict.ERROR, second.verdict(), second.message());
        assertEquals("power-on", second.failedStep());
        assertTrue(second.message().contains("position 2") && second.message().contains("relay 202"), second.message());
        for (int p : List.of(1, 3, 4)) {
            assertEquals(
                    Verdict.PASS,
                    out.get(p - 1).verdict(),
                    "position " + p + ": " + out.get(p - 1).message());
        }
    }

    /**
     * The collapse as a line sees it, step by step: positions 1 and 3 are on the bus when position
     * 2's shorted board closes onto it. The bus hits its limit, every board on it browns out (their
     * chips take a power-on reset), position 2's relay opens at once, and positions 1 and 3 are told
     * once that their boards lost power because of position 2; position 4, off the bus, is not.
     */
    @ParameterizedTest
    @EnumSource(Transport.class)
    void aShortIsAttributedToTheBoardWhoseRelayClosedAndTheOthersLearnTheyLostPower(Transport transport) {
        List<SimBoard> boards = goodBoards();
        boards.set(1, new SimBoard(BoardProfile.RAIL_SHORT, 42L));
        List<SimFixture> sim = simulatedPanel(boards);
        try (SimRelayPanelServers served = new SimRelayPanelServers(sim, transport, dir);
                PanelFixture panel = PanelFixture.open(
                        FixtureLoader.parse("(relay panel)", fixtureYaml(served)), Optional.of(sim))) {
            RelayPower one = (RelayPower) panel.positions().get(0).supply();
            RelayPower two = (RelayPower) panel.positions().get(1).supply();
            RelayPower three = (RelayPower) panel.positions().get(2).supply();
            Deadline d = Deadline.in(Duration.ofSeconds(10));
            assertEquals(0.018, one.switchOn(3.3, 0.25, () -> {}, d).amps(), 0.002);
            assertEquals(0.018, three.switchOn(3.3, 0.25, () -> {}, d).amps(), 0.002);
            Stm32f411Model chip1 = sim.get(0).board().mcu();
            chip1.write32(Stm32f411Model.RCC_CSR, 1 << 24); // RMVF: clear the reset flags of its first power-on
            assertEquals(0, chip1.read32(Stm32f411Model.RCC_CSR) & PORRSTF);
            RelayPower.Closing shorted = two.switchOn(3.3, 0.25, () -> {}, d);
            assertTrue(shorted.busLimited());
            assertEquals(0.6, shorted.afterAmps(), 0.001, "the bus holds its limit");
            assertFalse(served.bus().relayCommanded(relay(2)), "the shorted board's relay opened at once");
            assertTrue(served.bus().outputOn(), "the bus stays on for the boards still on it");
            assertEquals(
                    PORRSTF, chip1.read32(Stm32f411Model.RCC_CSR) & PORRSTF, "position 1's chip browned out and reset");
            assertTrue(sim.get(0).board().chipPowered(), "and is powered again");
            for (int p : List.of(1, 3)) {
                String lost = panel.positions().get(p - 1).takeLostPower().orElseThrow();
                assertTrue(lost.contains("position 2") && lost.contains("relay 202"), lost);
                assertTrue(panel.positions().get(p - 1).takeLostPower().isEmpty(), "told once");
            }
            assertTrue(panel.positions().get(3).takeLostPower().isEmpty(), "position 4 was off the bus");
            one.output(false);
            three.output(false);
            assertFalse(served.bus().outputOn(), "off with the last relay");
        }
    }

    /**
     * A shorted board pulls the whole bus into current limit: it FAILs as the short, and a board that
     * was on the bus then lost power and ends ERROR naming the culprit, never FAIL.
     */
    @ParameterizedTest
    @EnumSource(Transport.class)
    void aShortOnTheBusFailsItsBoardAndNeverBlamesTheOthers(Transport transport) {
        List<SimBoard> boards = goodBoards();
        boards.set(1, new SimBoard(BoardProfile.RAIL_SHORT, 42L));
        List<RunOutcome> out = runPanel(transport, boards, bus -> {});
        RunOutcome shorted = out.get(1);
        assertEquals(Verdict.FAIL, shorted.verdict(), shorted.message());
        assertEquals("power-on", shorted.failedStep());
        assertTrue(shorted.message().contains("current limit"), shorted.message());
        for (int p : List.of(1, 3, 4)) {
            RunOutcome o = out.get(p - 1);
            assertNotEquals(Verdict.FAIL, o.verdict(), "position " + p + " blamed for another's short: " + o.message());
            if (o.verdict() == Verdict.ERROR) {
                assertTrue(o.message().contains("position 2"), o.message());
            }
        }
    }
}
