package io.benchline.station.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.db.CalibrationOverride;
import io.benchline.db.Database;
import io.benchline.db.EngineerAction;
import io.benchline.fixtures.sim.BoardProfile;
import io.benchline.fixtures.sim.SimBoard;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.fixtures.sim.stlink.StlinkSimulator;
import io.benchline.fixtures.sim.stlink.StlinkTcpServer;
import io.benchline.fixtures.sim.wire.MeterModel;
import io.benchline.fixtures.sim.wire.SimInstrumentServers;
import io.benchline.fixtures.sim.wire.SimInstrumentServers.SupplyModel;
import io.benchline.fixtures.sim.wire.SimInstrumentServers.Transport;
import io.benchline.station.cli.CliRun;
import io.benchline.station.demo.ServedFixtureFile;
import io.benchline.station.flow.FlowTestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instrument traceability and calibration from the command line, on simulated instruments served
 * on ptys (an HP 34401A, which answers serial 0, so its label's serial is in the fixture file, and
 * a Rigol DP832) and a simulated ST-LINK over TCP: the identity stored with each reading and shown
 * by trace, a run refused before power-on for an expired DMM, a warning near the due date, an
 * engineer's override, and the doctor.
 */
class CalibrationCliTest {
    /** The shipped plan's rails and SWD identity (no programming, no UART: the served fixture has none). */
    static final String PLAN_TEXT = """
            plan: calibration
            version: "1"
            product: {name: STM32F411 sensor board}
            serial-pattern: "SN-[A-Z0-9-]{1,32}"
            steps:
              - {kind: power, name: power-on, output: true, volts: 3.3, current-limit: 0.25, settle-ms: 100,
                 current: {low: 0.005, high: 0.080}}
              - {kind: measure, name: VDD, test-point: VDD, unit: V, low: 3.135, high: 3.465, samples: 3}
              - {kind: measure, name: VCAP1, test-point: VCAP1, unit: V, low: 1.08, high: 1.38, samples: 3}
              - {kind: swd-connect, name: swd-connect, target-voltage: {low: 2.7, high: 3.6}, dev-ids: [0x431]}
            """;

    static final String DMM_LABEL = "HEWLETT-PACKARD 34401A #3146A12345";
    static final String SUPPLY_LABEL = "RIGOL DP832 #DP8C000000000";

    @TempDir
    Path dir;

    private SimInstrumentServers sims;
    private StlinkTcpServer probe;

    @BeforeEach
    void serve() throws IOException {
        SimFixture sim = new SimFixture(
                new SimBoard(BoardProfile.GOOD, 3), Map.of("1", "VDD", "2", "VDDA", "3", "VCAP1", "4", "NRST"), 0);
        sims = SimInstrumentServers.start(sim, Transport.PTY, MeterModel.HP_34401A, SupplyModel.RIGOL_DP800, dir);
        probe = StlinkTcpServer.start(new StlinkSimulator(sim::board, StlinkSimulator.Hardware.V2_1), "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        sims.close();
        probe.close();
    }

    /** The served fixture file with the DMM due in dmmDays days (and its label), the supply in supplyDays. */
    Path fixture(long dmmDays, long supplyDays) throws IOException {
        LocalDate today = LocalDate.now();
        String text = ServedFixtureFile.text(sims, Transport.PTY, probe.address())
                .replace(
                        "dmm: {kind: scpi",
                        "dmm: {calibration-due: " + today.plusDays(dmmDays)
                                + ", certificate: CAL-2231, serial: 3146A12345, kind: scpi")
                .replace(
                        "supply: {kind: scpi",
                        "supply: {calibration-due: " + today.plusDays(supplyDays) + ", kind: scpi")
                .replace("station: sim-station-1", "station: cal-station\nusers: users.yaml");
        Path f = dir.resolve("fixture.yaml");
        Files.writeString(f, text.replace("uart: {kind: sim}\n", ""));
        Files.writeString(dir.resolve("plan.yaml"), PLAN_TEXT);
        FlowTestFiles.users(dir);
        return f;
    }

    String db() {
        return dir.resolve("results").toString();
    }

    CliRun.Result run(Path fixture, String serial) {
        return CliRun.benchline(
                "run",
                "--plan",
                dir.resolve("plan.yaml").toString(),
                "--fixture",
                fixture.toString(),
                "--serial",
                serial,
                "--db",
                db());
    }

    @Test
    void eachReadingNamesTheInstrumentThatTookItAndTheTraceShowsIt() throws Exception {
        Path f = fixture(200, 300);
        CliRun.Result r = run(f, "SN-CAL-0001");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("calibration"), r.out());

        CliRun.Result again = CliRun.benchline(
                "run",
                "--plan",
                dir.resolve("plan.yaml").toString(),
                "--fixture",
                f.toString(),
                "--serial",
                "SN-CAL-0001",
                "--db",
                db(),
                "--json");
        assertEquals(0, again.exit(), again.err());
        JsonNode vdd = new ObjectMapper()
                .readTree(again.out()).findValues("measurements").stream()
                        .flatMap(ms -> java.util.stream.StreamSupport.stream(ms.spliterator(), false))
                        .filter(m -> m.path("name").asText().equals("VDD"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(DMM_LABEL, vdd.path("instrument").asText(), again.out());

        CliRun.Result trace = CliRun.benchline("trace", "SN-CAL-0001", "--db", db());
        assertEquals(0, trace.exit(), trace.err());
        assertTrue(trace.out().lines().anyMatch(l -> l.contains("VDD ") && l.endsWith(DMM_LABEL)), trace.out());
        assertTrue(trace.out().lines().anyMatch(l -> l.contains("current") && l.endsWith(SUPPLY_LABEL)), trace.out());

        CliRun.Result json = CliRun.benchline("trace", "SN-CAL-0001", "--json", "--db", db());
        JsonNode steps =
                new ObjectMapper().readTree(json.out()).findValue("runs").get(0).path("steps");
        JsonNode vcap = null;
        JsonNode uidStep = null;
        for (JsonNode s : steps) {
            for (JsonNode m : s.path("measurements")) {
                if (m.path("name").asText().equals("VCAP1")) {
                    vcap = m;
                }
            }
            if (s.path("kind").asText().equals("swd-connect")) {
                uidStep = s;
            }
        }
        assertEquals("HEWLETT-PACKARD", vcap.path("instrument").path("make").asText(), json.out());
        assertEquals("34401A", vcap.path("instrument").path("model").asText());
        assertEquals("3146A12345", vcap.path("instrument").path("serial").asText());
        assertEquals("11-5-2", vcap.path("instrument").path("firmware").asText());
        for (JsonNode m : uidStep.path("measurements")) {
            assertTrue(m.path("instrument").isNull(), "the probe's readings name no bench instrument: " + m);
        }
    }

    @Test
    void anExpiredDmmRefusesTheRunAsErrorBeforeAnythingIsPowered() throws Exception {
        Path f = fixture(-3, 300);
        CliRun.Result r = run(f, "SN-CAL-0002");
        assertEquals(3, r.exit(), r.out() + r.err());
        String line =
                "dmm " + DMM_LABEL + ": calibration EXPIRED " + LocalDate.now().minusDays(3) + " (3 days ago)";
        assertTrue(r.out().contains(line), r.out());
        assertTrue(r.out().contains("ERROR  SN-CAL-0002 at step calibration"), r.out());
        assertEquals(0, sims.power().timesSwitchedOn(), "the supply was never switched on");

        JsonNode run = new ObjectMapper()
                .readTree(CliRun.benchline("trace", "SN-CAL-0002", "--json", "--db", db())
                        .out())
                .findValue("runs")
                .get(0);
        assertEquals("ERROR", run.path("verdict").asText());
        assertEquals("calibration", run.path("failed_step").asText());
        List<String> kinds = run.path("steps").findValuesAsText("kind");
        assertEquals(List.of("calibration", "teardown"), kinds, "no step of the plan ran");
    }

    @Test
    void aDueDateWithinTheWindowWarnsAndTheRunGoesOn() throws Exception {
        Path f = fixture(12, 300);
        CliRun.Result r = run(f, "SN-CAL-0003");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(
                r.out()
                        .contains("warning: dmm " + DMM_LABEL + ": calibration due "
                                + LocalDate.now().plusDays(12) + " (in 12 days)"),
                r.out());
        assertTrue(sims.power().timesSwitchedOn() > 0);
    }

    @Test
    void anEngineersOverrideIsRecordedAndTheRunThenProceeds() throws Exception {
        Path f = fixture(-1, 300);
        assertEquals(3, run(f, "SN-CAL-0004").exit());

        CliRun.Result byOperator = override(f, FlowTestFiles.OPERATOR, FlowTestFiles.OPERATOR_PIN);
        assertEquals(2, byOperator.exit(), byOperator.out() + byOperator.err());
        assertTrue(byOperator.err().contains("only an engineer may override the calibration of dmm"), byOperator.err());
        CliRun.Result wrongPin = override(f, FlowTestFiles.ENGINEER, "0000");
        assertEquals(2, wrongPin.exit());
        assertEquals(3, run(f, "SN-CAL-0004").exit(), "a refused override lets nothing through");

        CliRun.Result ok = override(f, FlowTestFiles.ENGINEER, FlowTestFiles.ENGINEER_PIN);
        assertEquals(0, ok.exit(), ok.out() + ok.err());
        assertTrue(ok.out().contains("calibration override: dmm " + DMM_LABEL), ok.out());

        CliRun.Result after = run(f, "SN-CAL-0004");
        assertEquals(0, after.exit(), after.out() + after.err());
        assertTrue(after.out().contains("used under eve's override until"), after.out());

        try (Database d = Database.open(db())) {
            List<CalibrationOverride> os = d.calibration().overrides("cal-station");
            assertEquals(1, os.size());
            CalibrationOverride o = os.get(0);
            assertEquals("eve", o.author());
            assertEquals("dmm", o.role());
            assertEquals(DMM_LABEL, o.instrument());
            assertEquals(LocalDate.now().minusDays(1), o.due());
            assertEquals("CAL-2231", o.certificate());
            assertEquals("recalibration booked, meter checked against the reference", o.reason());
            assertEquals(java.time.Duration.ofHours(12), java.time.Duration.between(o.at(), o.validUntil()));
            List<EngineerAction> actions = d.flow().actionsAt("cal-station");
            assertTrue(
                    actions.stream()
                            .anyMatch(a -> a.action().equals(EngineerAction.CALIBRATION_OVERRIDE)
                                    && a.author().equals("eve")),
                    actions.toString());
        }
    }

    CliRun.Result override(Path f, String user, String pin) {
        return CliRun.benchlineWithStdin(
                pin + "\n",
                "calibration",
                "override",
                "--instrument",
                "dmm",
                "--reason",
                "recalibration booked, meter checked against the reference",
                "--user",
                user,
                "--fixture",
                f.toString(),
                "--db",
                db());
    }

    @Test
    void theDoctorShowsEachInstrumentsIdentityAndDueDate() throws Exception {
        Path f = fixture(-2, 40);
        CliRun.Result text = CliRun.benchline("doctor", "--fixture", f.toString());
        assertEquals(3, text.exit(), "an instrument past its due date is a problem to fix: " + text.out());
        assertTrue(
                text.out()
                        .contains(DMM_LABEL + ": calibration EXPIRED "
                                + LocalDate.now().minusDays(2) + " (2 days ago), certificate CAL-2231"),
                text.out());
        assertTrue(
                text.out()
                        .contains(SUPPLY_LABEL + ": calibration due "
                                + LocalDate.now().plusDays(40) + " (in 40 days)"),
                text.out());

        CliRun.Result json = CliRun.benchline("doctor", "--fixture", f.toString(), "--json");
        JsonNode roles = new ObjectMapper().readTree(json.out()).path("roles");
        JsonNode dmm = null;
        for (JsonNode row : roles) {
            if (row.path("role").asText().equals("dmm")) {
                dmm = row.path("calibration");
            }
        }
        assertEquals("EXPIRED", dmm.path("state").asText(), json.out());
        assertEquals(-2, dmm.path("days_left").asInt());
        assertEquals("3146A12345", dmm.path("serial").asText());
        assertEquals(LocalDate.now().minusDays(2).toString(), dmm.path("due").asText());
        assertTrue(dmm.path("text").asText().contains("-> fix: have it calibrated"), json.out());

        CliRun.Result inTime =
                CliRun.benchline("doctor", "--fixture", fixture(90, 40).toString());
        assertEquals(0, inTime.exit(), inTime.out());
    }

    @Test
    void anInstrumentWhoseSerialIsNotTheFilesIsRefusedAsSwapped() throws Exception {
        Path f = fixture(200, 300);
        Files.writeString(
                f,
                Files.readString(f).replace("supply: {calibration-due:", "supply: {serial: DP8C999, calibration-due:"));
        CliRun.Result r = run(f, "SN-CAL-0005");
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(
                r.out()
                        .contains("the fixture file's supply is serial DP8C999 but the instrument answers serial"
                                + " DP8C000000000: its calibration due date is another instrument's"),
                r.out());
        assertEquals(0, sims.power().timesSwitchedOn());
    }
}
