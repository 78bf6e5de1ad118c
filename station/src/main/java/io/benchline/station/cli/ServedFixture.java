package io.benchline.station.cli;

import io.benchline.station.InputError;
import io.benchline.fixtures.sim.BoardProfile;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.fixtures.sim.SimBoard;
import io.benchline.fixtures.sim.stlink.StlinkSimulator;
import io.benchline.fixtures.sim.stlink.StlinkTcpServer;
import io.benchline.fixtures.sim.wire.SimInstrumentServers;
import io.benchline.fixtures.sim.wire.SimJig;
import io.benchline.fixtures.sim.wire.SimInstrumentServers.Transport;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's simulated bench, either in-process (as the fixture file says) or served as real
 * instruments: SCPI supply, DMM and jig on ptys or loopback TCP and the ST-LINK over stlink-tcp,
 * all in front of one board model that the demo swaps between runs. The station then reaches it
 * through exactly the drivers a real fixture uses.
 */
final class ServedFixture implements AutoCloseable {
    private final FixtureFile fixture;
    private final SimFixture simulated;
    private final SimInstrumentServers instruments;
    private final StlinkTcpServer probe;

    private ServedFixture(FixtureFile fixture, SimFixture simulated, SimInstrumentServers instruments, StlinkTcpServer probe) {
        this.fixture = fixture;
        this.simulated = simulated;
        this.instruments = instruments;
        this.probe = probe;
    }

    static ServedFixture start(String transport, FixtureFile simulated) {
        Transport t = switch (transport.toLowerCase(Locale.ROOT)) {
            case "in-process" -> null;
            case "pty" -> Transport.PTY;
            case "tcp" -> Transport.TCP;
            default -> throw new InputError("--transport '" + transport + "': use in-process, pty or tcp");
        };
        if (t == null) {
            return new ServedFixture(simulated, null, null, null);
        }
        Map<String, String> pointByChannel = new HashMap<>();
        FixtureLoader.SIM_WIRING.forEach((point, channel) -> pointByChannel.put(channel, point));
        SimFixture bench = new SimFixture(new SimBoard(BoardProfile.GOOD, 1), pointByChannel, 0);
        SimInstrumentServers instruments = SimInstrumentServers.start(bench, t);
        StlinkTcpServer probe;
        try {
            probe = StlinkTcpServer.start(new StlinkSimulator(bench::board, StlinkSimulator.Hardware.V2_1), "127.0.0.1", 0);
        } catch (IOException e) {
            instruments.close();
            throw new io.benchline.fixtures.FixtureFault("cannot serve the simulated ST-LINK on loopback: " + e.getMessage());
        }
        String text = SimServeCommand.fixtureFile(instruments, t, probe.address());
        return new ServedFixture(FixtureLoader.parse("(served " + transport + " bench)", text), bench, instruments, probe);
    }

    FixtureFile fixture() {
        return fixture;
    }

    /** The served bench's board holder, empty when the bench is in-process (the station's own). */
    Optional<SimFixture> simulated() {
        return Optional.ofNullable(simulated);
    }

    /** The served jig, to press its START button as an operator would. */
    Optional<SimJig> jig() {
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
