package io.benchline.station.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.Database;
import io.benchline.db.RunDetail;
import io.benchline.db.StepRow;
import io.benchline.db.Verdict;
import io.benchline.station.Station;
import io.benchline.station.fixture.FixtureLoader;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.PlanLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The verdict rules, on the simulated bench, one board profile at a time. */
class SequencerTest {
    static final Path SHIPPED = Path.of("../plans/stm32f411-board.yaml");
    static final Plan PLAN = PlanLoader.load(SHIPPED);

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

    RunDetail run(String profile) {
        return run(PLAN, profile);
    }

    RunDetail run(Plan plan, String profile) {
        try (Station station = Station.open(plan, FixtureLoader.load("sim:" + profile), db)) {
            RunOutcome o =
                    station.run(new RunRequest("SN-T-" + profile.toUpperCase(), "T", "tester"), RunListener.NONE);
            RunDetail stored = db.trace().run(o.runId()).orElseThrow();
            assertEquals(o.verdict(), stored.run().verdict(), "the verdict told is the verdict stored");
            return stored;
        }
    }

    @Test
    void goodBoardPassesEveryStepAndGetsItsUidBound() {
        RunDetail d = run("good");
        assertEquals(Verdict.PASS, d.run().verdict());
        assertNull(d.run().failedStep());
        assertEquals(
                List.of(
                        "power-on",
                        "VDD",
                        "VDDA",
                        "VCAP1",
                        "NRST",
                        "swd-connect",
                        "reset-power-on",
                        "program",
                        "read-uid",
                        "boot-check",
                        "reset-end",
                        "teardown"),
                names(d));
        assertTrue(d.run().uid().matches("[0-9A-F]{24}"), d.run().uid());
        assertEquals(d.run().uid(), db.trace().board("SN-T-GOOD").get(0).run().uid());
        assertEquals(64, d.run().firmwareSha256().length());
        assertTrue(d.steps().get(5).measurements().stream()
                .anyMatch(m -> m.name().equals("target voltage") && m.reading() > 3.2));
    }

    @ParameterizedTest
    @CsvSource({
        "vdd-low,           VDD,         VDD (3V3 at the MCU) out of range",
        "vss-open,          VDD,         VDD (3V3 at the MCU) out of range",
        "vcap-missing,      VCAP1,       check the 4.7 µF VCAP1 capacitor",
        "nrst-bouncing,     NRST,        NRST not steadily high",
        "rail-short,        power-on,    look for a short",
    })
    void underPoweredBoardsFailAtARailAndAreNeverProgrammed(String profile, String step, String hint) {
        RunDetail d = run(profile);
        assertEquals(Verdict.FAIL, d.run().verdict());
        assertEquals(step, d.run().failedStep());
        assertTrue(d.run().hint().contains(hint), d.run().hint());
        assertFalse(names(d).contains("swd-connect"), "no SWD step may run on a board whose rails failed");
        assertFalse(names(d).contains("program"));
        assertEquals("teardown", names(d).get(names(d).size() - 1), "power off always runs");
    }

    @ParameterizedTest
    @CsvSource({
        "rdp-locked,        swd-connect, read-protected",
        "wrong-part,        swd-connect, wrong part",
        "flash-verify-fail, program,     verify failed",
    })
    void poweredBoardsWithChipFaultsFailAtTheRightStep(String profile, String step, String message) {
        RunDetail d = run(profile);
        assertEquals(Verdict.FAIL, d.run().verdict());
        assertEquals(step, d.run().failedStep());
        assertTrue(d.run().message().contains(message), d.run().message());
        assertNotNull(d.run().hint());
    }

    @Test
    void anUnpluggedProbeIsAStationErrorNeverABoardFailure() {
        RunDetail d = run("probe-unplugged");
        assertEquals(Verdict.ERROR, d.run().verdict());
        assertEquals("swd-connect", d.run().failedStep());
        assertTrue(
                d.run().hint().startsWith("station problem, not the board"),
                d.run().hint());
        assertTrue(d.run().message().toLowerCase().contains("probe"), d.run().message());
    }

    @Test
    void aProbeThatSeesNoVoltageOnRailsTheDmmMeasuredIsAnOpenVrefWireNeverABoardFailure() {
        RunDetail d = run("vref-open");
        assertEquals(Verdict.ERROR, d.run().verdict(), d.run().message());
        assertEquals("swd-connect", d.run().failedStep());
        assertTrue(
                d.run()
                        .message()
                        .matches(
                                "the probe sees 0\\.0\\d V on the target, but the DMM measured (VDD|VDDA|NRST) at 3\\.\\d+ V"
                                        + " in this run: the probe's target-voltage \\(VREF\\) wire is open"),
                d.run().message());
        assertTrue(
                d.run().hint().startsWith("Fixture fault, not the board: check the probe's VREF (target voltage) wire"),
                d.run().hint());
        assertEquals(
                List.of("power-on", "VDD", "VDDA", "VCAP1", "NRST", "swd-connect", "teardown"),
                names(d),
                "never programmed");
    }

    @Test
    void everyStepIsStoredInOrderWithItsMeasurements() {
        RunDetail d = run("vcap-missing");
        StepRow vcap = d.steps().get(3).step();
        assertEquals("VCAP1", vcap.name());
        assertEquals(Verdict.FAIL, vcap.verdict());
        var ms = d.steps().get(3).measurements();
        assertEquals(
                List.of("VCAP1", "VCAP1 spread"), ms.stream().map(m -> m.name()).toList());
        assertEquals(1.08, ms.get(0).low());
        assertTrue(ms.get(0).reading() < 1.08);
    }

    @Test
    void theTargetVoltageAChipNeedsIsThePlans() throws IOException {
        Plan strict = planWith("    min-powered-volts: 1.7 ", "    min-powered-volts: 3.4 ");
        RunDetail d = run(strict, "good");
        assertEquals(Verdict.FAIL, d.run().verdict());
        assertEquals("swd-connect", d.run().failedStep());
        assertTrue(
                d.run().message().startsWith("board not powered")
                        && d.run().message().contains("at least 3.4 V"),
                d.run().message());
    }

    @Test
    void aPlanThatAcceptsRdpLevel1LetsItsProgramStepUnprotect() throws IOException {
        Plan rework = planWith(
                "    max-rdp-level: 0 ",
                "    max-rdp-level: 1 ",
                "    verify: true\n",
                "    verify: true\n    unprotect: true\n");
        RunDetail d = run(rework, "rdp-locked");
        StepRow swd = d.steps().get(5).step();
        assertEquals(Verdict.PASS, swd.verdict(), swd.message());
        assertTrue(d.steps().get(5).measurements().stream()
                .anyMatch(m -> m.name().equals("RDP level") && m.reading() == 1 && m.high() == 1));
        assertEquals(Verdict.PASS, d.run().verdict(), d.run().message());
    }

    @Test
    void theVerifyMismatchesABoardMayHaveAreThePlans() throws IOException {
        Plan lenient = planWith("    max-verify-mismatches: 0", "    max-verify-mismatches: 1000000");
        RunDetail d = run(lenient, "flash-verify-fail");
        StepRow program = d.steps().get(7).step();
        assertEquals("program", program.name());
        assertEquals(Verdict.PASS, program.verdict(), program.message());
        var mismatches = d.steps().get(7).measurements().stream()
                .filter(m -> m.name().equals("verify mismatches"))
                .findFirst()
                .orElseThrow();
        assertTrue(mismatches.reading() > 0, "the simulated flash really differs");
        assertEquals(1_000_000.0, mismatches.high());
    }

    /** The shipped plan with each (old, new) text pair replaced, written beside the test's database. */
    private Plan planWith(String... oldNew) throws IOException {
        String text = Files.readString(SHIPPED)
                .replace(
                        "../firmware/banner/build/f411/banner.hex",
                        Path.of("../firmware/banner/build/f411/banner.hex")
                                .toAbsolutePath()
                                .normalize()
                                .toString());
        for (int i = 0; i < oldNew.length; i += 2) {
            assertTrue(text.contains(oldNew[i]), oldNew[i]);
            text = text.replace(oldNew[i], oldNew[i + 1]);
        }
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, text);
        return PlanLoader.load(file);
    }

    private static List<String> names(RunDetail d) {
        return d.steps().stream().map(s -> s.step().name()).toList();
    }
}
