package io.benchline.station.cli;

import io.benchline.fixtures.sim.BoardProfile;
import io.benchline.fixtures.sim.SimBoard;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.fixtures.sim.stlink.StlinkSimulator;
import io.benchline.fixtures.sim.stlink.StlinkTcpServer;
import io.benchline.fixtures.sim.wire.MeterModel;
import io.benchline.fixtures.sim.wire.PtyServed;
import io.benchline.fixtures.sim.wire.Served;
import io.benchline.fixtures.sim.wire.SimInstrumentServers;
import io.benchline.fixtures.sim.wire.SimInstrumentServers.SupplyModel;
import io.benchline.fixtures.sim.wire.SimInstrumentServers.Transport;
import io.benchline.fixtures.sim.wire.WireFaults;
import io.benchline.station.InputError;
import io.benchline.station.demo.ServedFixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve a simulated supply, DMM and jig on pseudo-terminals (socat) or loopback TCP, write a fixture file",
            "pointing at them, and serve until killed. Lines typed on standard input act on the simulated fixture:",
            "  start | lid open | lid closed | board PROFILE | fault ROLE mute|garbage|overload|error|vanish|restore | quit"
        })
final class SimServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Option(
            names = "--fixture-out",
            required = true,
            paramLabel = "FILE",
            description = "Where to write the fixture file.")
    Path fixtureOut;

    @Option(
            names = "--board",
            defaultValue = "good",
            paramLabel = "PROFILE",
            description = "Board profile in the jig (default: ${DEFAULT-VALUE}).")
    String board;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Seed of the board's noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--transport",
            defaultValue = "pty",
            paramLabel = "T",
            description = "pty or tcp (default: ${DEFAULT-VALUE}).")
    String transport;

    @Option(
            names = "--meter",
            paramLabel = "M",
            description =
                    "Simulated meter: hp34401a (pty default), keysight-34461a (tcp default), keysight-34465a, rigol-dm3058, siglent-sdm3045x, owon-xdm1041, owon-xdm2041, gw-gdm8341.")
    String meter;

    @Option(
            names = "--supply",
            defaultValue = "rigol-dp800",
            paramLabel = "S",
            description = "rigol-dp800, keysight-e3632a or korad-ka3005p (default: ${DEFAULT-VALUE}).")
    String supply;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Folder for the pty links (default: a new temporary folder).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Transport t = switch (transport.toLowerCase(Locale.ROOT)) {
            case "pty" -> Transport.PTY;
            case "tcp" -> Transport.TCP;
            default -> throw new InputError("--transport '" + transport + "': use pty or tcp");
        };
        BoardProfile profile = Cli.inputs(() -> BoardProfile.byId(board));
        MeterModel meterModel = meter == null
                ? (t == Transport.PTY ? MeterModel.HP_34401A : MeterModel.KEYSIGHT_34461A)
                : Cli.inputs(() -> MeterModel.byId(meter));
        SupplyModel supplyModel = switch (supply.toLowerCase(Locale.ROOT)) {
            case "rigol-dp800" -> SupplyModel.RIGOL_DP800;
            case "keysight-e36xx", "keysight-e3632a" -> SupplyModel.KEYSIGHT_E3632A;
            case "korad-ka3005p" -> SupplyModel.KORAD_KA3005P;
            default ->
                throw new InputError("--supply '" + supply + "': use rigol-dp800, keysight-e3632a or korad-ka3005p");
        };
        Path linkDir = dir != null ? dir : Files.createTempDirectory("benchline-sim");
        Files.createDirectories(linkDir);
        Map<String, String> channelToPoint = new HashMap<>();
        FixtureLoader.SIM_WIRING.forEach((point, channel) -> channelToPoint.put(channel, point));
        SimFixture sim = new SimFixture(new SimBoard(profile, seed), channelToPoint, 0);
        SimInstrumentServers sims = SimInstrumentServers.start(sim, t, meterModel, supplyModel, linkDir);
        StlinkTcpServer probe =
                StlinkTcpServer.start(new StlinkSimulator(sim::board, StlinkSimulator.Hardware.V2_1), "127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sims.close();
            probe.close();
        }));
        Files.writeString(fixtureOut, ServedFixtureFile.text(sims, t, probe.address()), StandardCharsets.UTF_8);
        out().println("serving a simulated " + profile + " board (" + t.name().toLowerCase(Locale.ROOT) + "):");
        out().print(sims.fixtureYaml().indent(2));
        out().println("  probe: " + probe.address() + "    # simulated ST-LINK/V2-1 on the same board");
        out().println("fixture written to " + fixtureOut.toAbsolutePath());
        out().println("try: benchline dmm read --port " + sims.dmm().port() + " --dialect auto"
                + (t == Transport.PTY && meterModel == MeterModel.HP_34401A ? " --stop-bits 2" : ""));
        out().println(
                        "serving until killed (Ctrl-C); type 'start', 'lid open', 'board PROFILE', 'fault dmm mute', ...");
        out().flush();
        console(sims, sim);
        new CountDownLatch(1).await();
        return ExitCodes.OK;
    }

    /** Operator actions typed on standard input; at its end the instruments just keep serving. */
    private void console(SimInstrumentServers sims, SimFixture sim) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] w = line.trim().toLowerCase(Locale.ROOT).split("\\s+");
                try {
                    if (w[0].equals("quit")) {
                        System.exit(0);
                    }
                    out().println(act(sims, sim, w));
                } catch (RuntimeException e) {
                    out().println("? " + e.getMessage());
                }
            }
        } catch (IOException e) {
            // no console: keep serving
        }
    }

    private String act(SimInstrumentServers sims, SimFixture sim, String[] w) {
        switch (w[0]) {
            case "start":
                sims.jigDevice().pressStart();
                return "START pressed";
            case "lid":
                sims.jigDevice().lid(w.length > 1 && w[1].startsWith("close"));
                return "lid " + (w.length > 1 && w[1].startsWith("close") ? "closed" : "open");
            case "board":
                sim.insert(new SimBoard(BoardProfile.byId(w[1]), seed));
                return "board " + w[1] + " in the jig";
            case "fault":
                return fault(sims, w[1], w[2]);
            case "":
                return "";
            default:
                return "? start | lid open | lid closed | board PROFILE | fault ROLE mute|garbage|overload|error|vanish|restore | quit";
        }
    }

    private static String fault(SimInstrumentServers sims, String role, String what) {
        WireFaults f = switch (role) {
            case "supply" -> sims.supplyFaults();
            case "dmm" -> sims.dmmFaults();
            case "jig", "switch" -> sims.jigFaults();
            default -> throw new IllegalArgumentException("no role '" + role + "' (supply, dmm, jig)");
        };
        Served served = sims.served(role);
        switch (what) {
            case "mute" -> f.mute(1);
            case "garbage" -> f.garbleNext();
            case "overload" -> f.overloadNext();
            case "error" -> f.queueError("-222,\"Data out of range\"");
            case "vanish", "restore" -> {
                if (!(served instanceof PtyServed pty)) {
                    throw new IllegalArgumentException("vanish and restore need --transport pty");
                }
                if (what.equals("vanish")) {
                    pty.vanish();
                } else {
                    pty.restore();
                }
            }
            default -> throw new IllegalArgumentException("no fault '" + what + "'");
        }
        return role + ": " + what;
    }
}
