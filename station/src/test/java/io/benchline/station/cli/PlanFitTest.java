package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.station.cli.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A station runs the whole plan or refuses at start; the simulated fixture serves the banner and a UID per board. */
class PlanFitTest {
    private static final Pattern UID = Pattern.compile("read-uid +PASS +UID ([0-9A-F]{24})");

    @TempDir
    Path dir;

    private Path plan(String bootCheckExtra) throws Exception {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(
                plan,
                Files.readString(Path.of(RunCommandTest.PLAN))
                        .replace(
                                "path: ../firmware/",
                                "path: " + Path.of("../firmware").toAbsolutePath() + "/")
                        .replace("    banner: \"benchline-banner", bootCheckExtra + "    banner: \"benchline-banner"));
        return plan;
    }

    private Path fixtureWithoutUart() throws Exception {
        Path fixture = dir.resolve("no-uart.yaml");
        String text = Files.readString(Path.of("../fixtures/sim-f411.yaml"));
        assertTrue(text.contains("\nuart: {kind: sim}"), text);
        Files.writeString(fixture, text.replaceAll("\nuart: [^\n]*", ""));
        return fixture;
    }

    private Result run(Path plan, String fixture, String serial) {
        return CliRun.benchline(
                "run",
                "--plan",
                plan.toString(),
                "--fixture",
                fixture,
                "--serial",
                serial,
                "--db",
                dir.resolve("r").toString());
    }

    @Test
    void aFixtureWithoutTheUartAStepNeedsIsRefusedAtStart() throws Exception {
        Path plan = plan("");
        Result r = run(plan, fixtureWithoutUart().toString(), "SN-FIT-1");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(
                "error: plan " + plan + ": step 'boot-check' reads the boot banner, but fixture sim-f411 has no UART"
                        + " (give it a 'uart:' role, or mark the step 'optional: true')",
                r.err().strip());
        assertFalse(Files.exists(dir.resolve("r.mv.db")), "a refused station stored something");
    }

    @Test
    void anOptionalStepIsSkippedOnAFixtureWithoutIt() throws Exception {
        Result r = run(plan("    optional: true\n"), fixtureWithoutUart().toString(), "SN-FIT-2");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("boot-check     SKIPPED fixture sim-f411 has no UART"), r.out());
    }

    @Test
    void theSimulatedBoardPrintsTheBannerOfTheFirmwareItWasGiven() throws Exception {
        Result r = run(plan(""), "sim:good", "SN-FIT-3");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("boot-check     PASS    banner: benchline-banner 1.0.0 f411 boot"), r.out());
    }

    @Test
    void aBannerThatDoesNotMatchFailsShowingWhatTheBoardSaid() throws Exception {
        Path plan = dir.resolve("other-banner.yaml");
        Files.writeString(plan, Files.readString(plan("")).replace("\\\\S+ f411 boot", "\\\\S+ f405 boot"));
        Result r = run(plan, "sim:good", "SN-FIT-4");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("it said: \"benchline-banner 1.0.0 f411 boot\\r\\n\""), r.out());
    }

    @Test
    void everySimulatedBoardHasItsOwnUidAndARetestFindsTheSame() throws Exception {
        Path plan = plan("");
        String first = uid(run(plan, "sim:good", "SN-UID-0001"));
        String second = uid(run(plan, "sim:good", "SN-UID-0002"));
        String retest = uid(run(plan, "sim:good", "SN-UID-0001"));
        assertNotEquals(first, second);
        assertEquals(first, retest);
    }

    @Test
    void theDemoRunsTheWholePlanWithTheBootCheckPassing() {
        Path db = dir.resolve("demo");
        Result demo = CliRun.benchline(
                "demo",
                "--plan",
                RunCommandTest.PLAN,
                "--fixture",
                "../fixtures/sim-f411.yaml",
                "--boards",
                "2",
                "--seed",
                "3",
                "--batch",
                "FIT",
                "--db",
                db.toString());
        assertEquals(0, demo.exit(), demo.out() + demo.err());
        Result trace = CliRun.benchline("trace", "SN-FIT-0001", "--db", db.toString());
        assertEquals(0, trace.exit(), trace.out() + trace.err());
        assertTrue(
                trace.out().contains("boot-check     PASS    banner: benchline-banner 1.0.0 f411 boot"), trace.out());
        String uid1 = uidIn(trace.out());
        String uid2 = uidIn(
                CliRun.benchline("trace", "SN-FIT-0002", "--db", db.toString()).out());
        assertNotEquals(uid1, uid2);
    }

    private static String uid(Result r) {
        assertEquals(0, r.exit(), r.out() + r.err());
        return uidIn(r.out());
    }

    private static String uidIn(String out) {
        Matcher m = UID.matcher(out);
        assertTrue(m.find(), out);
        return m.group(1);
    }
}
