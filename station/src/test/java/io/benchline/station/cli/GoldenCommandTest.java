package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.station.golden.GoldenFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `benchline golden` and the shift rule from the command line: exit codes, the table, --json, a refused run. */
@Timeout(120)
class GoldenCommandTest {
    static final String PLAN = "../plans/stm32f411-board.yaml";

    @TempDir
    Path dir;

    static CliRun.Result benchline(String... args) {
        return CliRun.benchline(args);
    }

    CliRun.Result golden(String fixture, String serial, String... more) {
        String[] base = {
            "golden",
            "--plan",
            PLAN,
            "--fixture",
            fixture,
            "--serial",
            serial,
            "--db",
            dir.resolve("db").toString()
        };
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return benchline(all);
    }

    @Test
    void aGoodBoardPassesWithItsTableAndAFaultyOneFails() throws Exception {
        CliRun.Result good = golden("sim:good", "GOLDEN-1", "--repeat", "4");
        assertEquals(0, good.exit(), good.err() + good.out());
        assertTrue(good.out().contains("  run 4/4  PASS "), good.out());
        assertTrue(
                good.out()
                        .lines()
                        .anyMatch(l -> l.startsWith("VCAP1 ") && l.contains("good") && l.contains("[1.08 .. 1.38]")),
                good.out());
        assertTrue(good.out().contains("golden check PASS: GOLDEN-1, 4 of 4 runs"), good.out());

        CliRun.Result json = golden("sim:good", "GOLDEN-1", "--repeat", "3", "--guard-k", "3", "--json");
        assertEquals(0, json.exit(), json.err());
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals("PASS", j.get("verdict").asText());
        assertEquals(3, j.get("runs").size());
        assertEquals(3.0, j.get("guard_k").asDouble());
        JsonNode vdd = j.get("measurements").get(1);
        assertEquals("VDD", vdd.get("name").asText());
        assertEquals(
                3.135 + 3 * vdd.get("sigma").asDouble(), vdd.get("guard_low").asDouble(), 1e-12, vdd.toString());

        CliRun.Result bad = golden("sim:vcap-missing", "GOLDEN-1", "--repeat", "3");
        assertEquals(1, bad.exit(), bad.out());
        assertTrue(bad.out().contains("golden check FAIL: GOLDEN-1, 1 of 3 runs"), bad.out());
        assertTrue(bad.out().contains("reason: run 1 of 3"), bad.out());

        CliRun.Result unplugged = golden("sim:probe-unplugged", "GOLDEN-1", "--repeat", "3");
        assertEquals(3, unplugged.exit(), "a station problem, not a bad golden board: " + unplugged.out());

        CliRun.Result tooFew = golden("sim:good", "GOLDEN-1", "--repeat", "1");
        assertEquals(2, tooFew.exit());
        assertEquals(
                "error: --repeat 1: a spread needs 2 to 1000 runs (10 or more for figures worth trusting)",
                tooFew.err().strip());
    }

    @Test
    void aRequiredShiftCheckRefusesAHeadlessRunWithExit2UntilTheGoldenBoardPassed() throws Exception {
        Path fixture = GoldenFixtures.write(
                dir,
                "golden-cli",
                "golden: {serials: [GOLDEN-7], shifts: [\"00:00\"], zone: UTC, required: true, repeat: 3}\n");
        String[] run = {
            "run",
            "--plan",
            PLAN,
            "--fixture",
            fixture.toString(),
            "--serial",
            "SN-CLI-1",
            "--db",
            dir.resolve("db").toString()
        };
        CliRun.Result refused = benchline(run);
        assertEquals(2, refused.exit(), refused.out());
        assertTrue(
                refused.err()
                        .startsWith(
                                "error: golden check required for shift starting 00:00: run benchline golden --plan "),
                refused.err());
        assertTrue(refused.err().contains("--serial GOLDEN-7 --repeat 3"), refused.err());

        CliRun.Result notListed = golden(fixture.toString(), "GOLDEN-1", "--repeat", "3");
        assertEquals(2, notListed.exit());
        CliRun.Result check = golden(fixture.toString(), "GOLDEN-7", "--repeat", "3");
        assertEquals(0, check.exit(), check.err() + check.out());

        CliRun.Result allowed = benchline(run);
        assertEquals(0, allowed.exit(), allowed.err() + allowed.out());
    }
}
