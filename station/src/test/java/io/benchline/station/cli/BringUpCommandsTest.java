package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.fixtures.instrument.Instruments;
import io.benchline.fixtures.instrument.Jig;
import io.benchline.fixtures.instrument.Supply;
import io.benchline.fixtures.instrument.Switch;
import io.benchline.fixtures.sim.BoardProfile;
import io.benchline.fixtures.sim.SimBoard;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.fixtures.sim.stlink.StlinkSimulator;
import io.benchline.fixtures.sim.stlink.StlinkTcpServer;
import io.benchline.fixtures.sim.wire.MeterModel;
import io.benchline.fixtures.sim.wire.SimInstrumentServers;
import io.benchline.fixtures.sim.wire.SimInstrumentServers.SupplyModel;
import io.benchline.fixtures.sim.wire.SimInstrumentServers.Transport;
import io.benchline.station.demo.ServedFixtureFile;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.fixture.FixtureLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The bring-up commands against simulated instruments served on ptys, as a technician runs them. */
class BringUpCommandsTest {
    @TempDir
    Path dir;

    private SimFixture sim;
    private SimInstrumentServers sims;
    private StlinkTcpServer probe;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void serve() {
        sim = new SimFixture(
                new SimBoard(BoardProfile.GOOD, 3), Map.of("1", "VDD", "2", "VDDA", "3", "VCAP1", "4", "NRST"), 0);
        sims = SimInstrumentServers.start(sim, Transport.PTY, MeterModel.HP_34401A, SupplyModel.RIGOL_DP800, dir);
        try {
            probe = StlinkTcpServer.start(
                    new StlinkSimulator(sim::board, StlinkSimulator.Hardware.V2_1), "127.0.0.1", 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        sims.close();
        probe.close();
    }

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void instrumentQueryPrintsTheReply() {
        assertEquals(
                0,
                run(
                        "instrument",
                        "query",
                        "--port",
                        sims.dmm().port(),
                        "--stop-bits",
                        "2",
                        "--timeout",
                        "500",
                        "*IDN?"));
        assertEquals("HEWLETT-PACKARD,34401A,0,11-5-2", out.toString().trim());
    }

    @Test
    void instrumentQueryPrintsTheReplyOfACommandThatHasOne() {
        assertEquals(0, run("instrument", "query", "--port", sims.jig().port(), "--baud", "115200", "SEL 2"));
        assertEquals("OK", out.toString().trim());
    }

    @Test
    void dmmReadJsonGivesValueUnitAndIdn() throws Exception {
        try (Supply supply = Instruments.openSupply(sims.supply());
                Jig jig = Instruments.openJig(sims.jig());
                Switch sw = Instruments.openSwitch(sims.switchSpec())) {
            supply.configure(3.3, 0.1);
            supply.output(true);
            jig.dutPower(true);
            sw.select("1");
        }
        assertEquals(
                0,
                run(
                        "dmm",
                        "read",
                        "--port",
                        sims.dmm().port(),
                        "--dialect",
                        "auto",
                        "--function",
                        "vdc",
                        "--samples",
                        "3",
                        "--json"));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(3.288, json.get("value").asDouble(), 0.02);
        assertEquals("V", json.get("unit").asText());
        assertEquals("HEWLETT-PACKARD,34401A,0,11-5-2", json.get("idn").asText());
        assertEquals("hp34401a", json.get("dialect").asText());
        assertEquals(3, json.get("samples").size());
    }

    @Test
    void aMeterThatDoesNotAnswerIsExit3WithOneLine() {
        sims.dmmFaults().mute(1);
        assertEquals(3, run("dmm", "read", "--port", sims.dmm().port(), "--dialect", "hp34401a", "--timeout", "200"));
        assertEquals(
                "station error: dmm hp34401a at " + sims.dmm().port() + ": '*IDN?' -> no reply within 200 ms",
                err.toString().trim());
    }

    @Test
    void aMissingPortIsExit3AndNamesThePortsPresent() {
        assertEquals(3, run("dmm", "read", "--port", dir.resolve("ttyUSB0").toString(), "--dialect", "auto"));
        assertTrue(err.toString().contains("does not exist; ports present:"), err.toString());
    }

    @Test
    void badOptionsAreExit2() {
        assertEquals(2, run("dmm", "read", "--port", sims.dmm().port(), "--dialect", "fluke-8846a"));
        assertTrue(err.toString().contains("unknown DMM dialect 'fluke-8846a'"), err.toString());
        assertEquals(2, run("dmm", "read", "--port", sims.dmm().port(), "--dialect", "auto", "--function", "ohms"));
        assertEquals(2, run("instrument", "query", "--port", sims.dmm().port(), "--parity", "sideways", "*IDN?"));
        assertTrue(err.toString().contains("unknown parity 'sideways'"), err.toString());
    }

    @Test
    void theServedFixtureLoadsAndTheDoctorFindsEverythingOk() throws Exception {
        Path fixture = dir.resolve("served.yaml");
        Files.writeString(fixture, ServedFixtureFile.text(sims, Transport.PTY, probe.address()));
        FixtureFile f = FixtureLoader.load(fixture.toString());
        assertEquals(sims.dmm().port(), f.dmm().port());
        assertEquals(2, f.dmm().stopBits());
        assertEquals("rigol-dp800", f.supply().dialect());
        assertEquals(probe.address(), f.probe());
        assertTrue(f.sim().isEmpty(), "served instruments and probe: nothing simulated in the station");
        assertEquals(0, run("doctor", "--fixture", fixture.toString()), out.toString());
        assertEquals(
                3,
                out.toString()
                        .lines()
                        .filter(l -> l.contains(" OK ") && !l.startsWith("probe"))
                        .count(),
                out.toString());
        assertTrue(
                out.toString()
                        .lines()
                        .anyMatch(l -> l.startsWith("probe") && l.contains(" OK ") && l.contains("ST-LINK/V2-1")),
                out.toString());
    }

    @Test
    void theDoctorNamesTheWrongInstrumentAndTheMissingPort() throws Exception {
        Path fixture = dir.resolve("wrong.yaml");
        Files.writeString(
                fixture,
                ServedFixtureFile.text(sims, Transport.PTY, probe.address())
                        .replace("dialect: hp34401a", "dialect: gw-gdm8341")
                        .replace(sims.supply().port(), dir.resolve("ttyUSB4").toString()));
        assertEquals(3, run("doctor", "--fixture", fixture.toString()));
        String table = out.toString();
        assertTrue(
                table.contains("'HEWLETT-PACKARD,34401A,0,11-5-2' but the fixture expects a GW Instek GDM-8341/8351"),
                table);
        assertTrue(table.contains("swap the cables, or correct 'dialect'"), table);
        assertTrue(table.contains("ttyUSB4 does not exist; ports present:"), table);
        assertTrue(
                table.lines().anyMatch(l -> l.startsWith("switch") && l.contains(" OK ") && l.contains("lid closed")),
                table);
    }
}
