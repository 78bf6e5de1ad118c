package io.benchline.station.demo;

import io.benchline.db.Database;
import io.benchline.fixtures.FixtureFault;
import io.benchline.fixtures.sim.BoardProfile;
import io.benchline.fixtures.sim.SimBoard;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.fixtures.sim.stlink.StlinkSimulator;
import io.benchline.fixtures.sim.stlink.StlinkTcpServer;
import io.benchline.fixtures.sim.wire.SimInstrumentServers;
import io.benchline.fixtures.sim.wire.SimInstrumentServers.Transport;
import io.benchline.fixtures.sim.wire.SimJig;
import io.benchline.station.InputError;
import io.benchline.station.Station;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.fixture.FixtureOpener;
import io.benchline.station.fixture.SimBoards;
import io.benchline.station.plan.Plan;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's simulated fixture, either in-process (as the fixture file says) or served as real
 * instruments: SCPI supply, DMM and jig on ptys or loopback TCP and the ST-LINK over stlink-tcp,
 * all in front of one board model that the demo swaps between runs. Served, the station reaches
 * it through exactly the drivers a real fixture uses.
 */
public final class DemoFixture implements AutoCloseable {
    private final FixtureFile fixture;
    private final SimFixture simulated;
    private final SimInstrumentServers instruments;
    private final StlinkTcpServer probe;

    private DemoFixture(
            FixtureFile fixture, SimFixture simulated, SimInstrumentServers instruments, StlinkTcpServer probe) {
        this.fixture = fixture;
        this.simulated = simulated;
        this.instruments = instruments;
        this.probe = probe;
    }

    /**
     * @param transport in-process, pty or tcp
     * @param file      a simulated fixture file (with a {@code sim:} block)
     */
    public static DemoFixture start(String transport, FixtureFile file) {
        Transport t = switch (transport.toLowerCase(Locale.ROOT)) {
            case "in-process" -> null;
            case "pty" -> Transport.PTY;
            case "tcp" -> Transport.TCP;
            default -> throw new InputError("--transport '" + transport + "': use in-process, pty or tcp");
        };
        if (t == null) {
            SimFixture sim = SimBoards.simulatedFixture(file)
                    .orElseThrow(() ->
                            new InputError("fixture " + file.source() + " is not simulated (it has no 'sim:' block)"));
            return new DemoFixture(file, sim, null, null);
        }
        Map<String, String> pointByChannel = new HashMap<>();
        FixtureLoader.SIM_WIRING.forEach((point, channel) -> pointByChannel.put(channel, point));
        SimFixture sim = new SimFixture(new SimBoard(BoardProfile.GOOD, 1), pointByChannel, 0);
        SimInstrumentServers instruments = SimInstrumentServers.start(sim, t);
        StlinkTcpServer probe;
        try {
            probe = StlinkTcpServer.start(
                    new StlinkSimulator(sim::board, StlinkSimulator.Hardware.V2_1), "127.0.0.1", 0);
        } catch (IOException e) {
            instruments.close();
            throw new FixtureFault("cannot serve the simulated ST-LINK on loopback: " + e.getMessage());
        }
        String text = ServedFixtureFile.text(instruments, t, probe.address());
        return new DemoFixture(
                FixtureLoader.parse("(served " + transport + " fixture)", text), sim, instruments, probe);
    }

    /** The fixture file the station opens: the given one in-process, else one naming the served instruments. */
    public FixtureFile fixture() {
        return fixture;
    }

    /** The simulated hardware, to place the next board in its jig. */
    public SimFixture simulated() {
        return simulated;
    }

    /** A station on this fixture. */
    public Station openStation(Plan plan, Database db) {
        return Station.open(plan, fixture, db, f -> FixtureOpener.open(f, Optional.of(simulated)));
    }

    /** The served jig, to press its START button as an operator would; empty in-process. */
    public Optional<SimJig> jig() {
        return Optional.ofNullable(instruments).map(SimInstrumentServers::jigDevice);
    }

    @Override
    public void close() {
        if (probe != null) {
            probe.close();
        }
        if (instruments != null) {
            instruments.close();
        }
    }
}
