package io.benchline.station.cli;

import static io.benchline.station.cli.CliRun.benchline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.station.cli.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit codes and messages of `benchline run`, as an operator's script sees them. */
class RunCommandTest {
    static final String PLAN = "../plans/stm32f411-board.yaml";

    @TempDir
    Path dir;

    Result run(String fixture, String serial) {
        return benchline(
                "run",
                "--plan",
                PLAN,
                "--fixture",
                fixture,
                "--serial",
                serial,
                "--db",
                dir.resolve("r").toString());
    }

    @Test
    void goodBoardExitsZero() {
        Result r = run("sim:good", "SN-CLI-0001");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("PASS  SN-CLI-0001"), r.out());
    }

    @Test
    void underPoweredBoardExitsOneNamingVddAndItsHint() {
        Result r = run("sim:vdd-low", "SN-CLI-0002");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL  SN-CLI-0002 at step VDD: VDD 0.5"), r.out());
        assertTrue(r.out().contains("hint: VDD (3V3 at the MCU) out of range"), r.out());
    }

    @Test
    void unpluggedProbeExitsThree() {
        Result r = run("sim:probe-unplugged", "SN-CLI-0003");
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("ERROR  SN-CLI-0003 at step swd-connect"), r.out());
    }

    @Test
    void planWithATypoExitsTwoWithFileLineColumnAndNoStackTrace() throws Exception {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(
                plan,
                Files.readString(Path.of(PLAN))
                        .replace("test-point: VDDA", "tset-point: VDDA")
                        .replace(
                                "path: ../firmware/",
                                "path: " + Path.of("../firmware").toAbsolutePath() + "/"));
        Result r = benchline(
                "run",
                "--plan",
                plan.toString(),
                "--fixture",
                "sim:good",
                "--serial",
                "SN-X",
                "--db",
                dir.resolve("r").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: " + plan + ":"), r.err());
        assertTrue(r.err().contains(": unknown key 'tset-point' in step 'VDDA'"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(!Files.exists(dir.resolve("r.mv.db")) || r.out().isEmpty(), "nothing stored for a bad plan");
    }

    @Test
    void serialThatDoesNotMatchThePatternExitsTwoAndStoresNothing() {
        Result r = run("sim:good", "sn-lower");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("serial 'sn-lower' does not match the plan's pattern"), r.err());
        Result trace = benchline("trace", "sn-lower", "--db", dir.resolve("r").toString());
        assertEquals(2, trace.exit());
    }

    @Test
    void unknownFixtureProfileAndMissingFilesAreOneLineErrors() {
        Result r = run("sim:gold", "SN-1");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown board profile 'gold'"), r.err());
        Result m = run(dir.resolve("nope.yaml").toString(), "SN-1");
        assertEquals(2, m.exit());
        assertTrue(m.err().contains("no such file"), m.err());
    }

    @Test
    void traceShowsEveryRunNewestFirstAsJson() {
        run("sim:vcap-missing", "SN-TRACE-1");
        run("sim:good", "SN-TRACE-1");
        Result t = benchline(
                "trace", "SN-TRACE-1", "--json", "--db", dir.resolve("r").toString());
        assertEquals(0, t.exit(), t.err());
        int pass = t.out().indexOf("\"verdict\" : \"PASS\"");
        int fail = t.out().indexOf("\"verdict\" : \"FAIL\"");
        assertTrue(pass > 0 && fail > pass, t.out());
        assertTrue(t.out().contains("\"failed_step\" : \"VCAP1\""), t.out());
        assertTrue(t.out().contains("\"matched_by\" : \"serial\""), t.out());
    }
}
