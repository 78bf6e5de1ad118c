package io.benchline.station.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.station.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanLoaderTest {
    static final Path SHIPPED = Path.of("../plans/stm32f411-board.yaml");

    @TempDir
    Path dir;

    @Test
    void shippedPlanLoadsWithItsLimitsFromTheDatasheet() {
        Plan plan = PlanLoader.load(SHIPPED);
        assertEquals("stm32f411-board", plan.name());
        assertTrue(plan.acceptsSerial("SN-LOT7-0042"));
        assertTrue(!plan.acceptsSerial("sn-lot7")
                && !plan.acceptsSerial("SN-")
                && !plan.acceptsSerial("SN-" + "A".repeat(33)));
        Step.Measure vcap = (Step.Measure) plan.steps().stream()
                .filter(s -> s.name().equals("VCAP1"))
                .findFirst()
                .orElseThrow();
        assertEquals(new Limits(1.08, 1.38, 1.20, 1.32), vcap.limits());
        assertTrue(vcap.hint().contains("4.7 µF VCAP1 capacitor"));
        assertEquals(64, plan.sha256().length());
        assertTrue(plan.firmware().isPresent());
    }

    @Test
    void everyStepHasATimeoutItsKindsDefaultUnlessThePlanGivesOne() {
        Plan plan = PlanLoader.load(SHIPPED);
        for (Step s : plan.steps()) {
            int expected = s.kind().equals("boot-check") ? 2000 : StepTimeouts.defaultMs(s.kind());
            assertEquals(expected, s.timeoutMs(), s.name());
        }
        assertEquals(5_000, StepTimeouts.defaultMs("power"));
        assertEquals(60_000, StepTimeouts.defaultMs("program"));
    }

    @Test
    void aTimeoutOfZeroNamesFileLineColumn() throws IOException {
        String text =
                Files.readString(SHIPPED).replace("    name: read-uid\n", "    name: read-uid\n    timeout-ms: 0\n");
        InputError e = assertThrows(InputError.class, () -> PlanLoader.load(write(text)));
        int line = lineOf(text, "timeout-ms: 0");
        assertTrue(
                e.getMessage()
                        .startsWith(dir.resolve("plan.yaml") + ":" + line
                                + ":17: step 'read-uid': timeout-ms must be above 0"),
                e.getMessage());
    }

    @Test
    void aRetestLimitIsReadAndABadOneNamesFileLineColumn() throws IOException {
        assertTrue(PlanLoader.load(SHIPPED).retestLimit().isEmpty(), "no key: no limit, as before");
        String text = Files.readString(SHIPPED);
        String withLimit = text.replace("\nsteps:\n", "\nretest-limit: 2\nsteps:\n");
        assertEquals(2, PlanLoader.load(write(withLimit)).retestLimit().getAsInt());
        String negative = text.replace("\nsteps:\n", "\nretest-limit: -1\nsteps:\n");
        InputError e = assertThrows(InputError.class, () -> PlanLoader.load(write(negative)));
        assertTrue(
                e.getMessage()
                        .startsWith(dir.resolve("plan.yaml") + ":" + lineOf(negative, "retest-limit") + ":15: "
                                + "retest-limit must be 0 to 1000"),
                e.getMessage());
        assertError(text.replace("\nsteps:\n", "\nretest-limit: twice\nsteps:\n"), "must be a whole number");
    }

    @Test
    void aSettleTimeThatLeavesNoTimeToMeasureIsRefused() throws IOException {
        String text =
                Files.readString(SHIPPED).replace("    settle-ms: 100\n", "    settle-ms: 100\n    timeout-ms: 100\n");
        InputError e = assertThrows(InputError.class, () -> PlanLoader.load(write(text)));
        int line = lineOf(text, "settle-ms: 100");
        assertTrue(
                e.getMessage()
                        .startsWith(dir.resolve("plan.yaml") + ":" + line
                                + ":16: step 'power-on': settle-ms 100 leaves no time"
                                + " to measure within timeout-ms 100"),
                e.getMessage());
    }

    @Test
    void typoInAKeyNamesFileLineColumnAndSuggestsTheKey() throws IOException {
        String text = Files.readString(SHIPPED)
                .replace("    max-spread: 0.05    # a regulator", "    max-sprad: 0.05    # a regulator");
        InputError e = assertThrows(InputError.class, () -> PlanLoader.load(write(text)));
        int line = lineOf(text, "max-sprad");
        assertTrue(
                e.getMessage().startsWith(dir.resolve("plan.yaml") + ":" + line + ":5: unknown key 'max-sprad'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'max-spread'"), e.getMessage());
    }

    @Test
    void lowAboveHighIsRefusedWhereItStands() throws IOException {
        String text = Files.readString(SHIPPED).replace("low: 1.08 ", "low: 1.50 ");
        InputError e = assertThrows(InputError.class, () -> PlanLoader.load(write(text)));
        assertTrue(
                e.getMessage().contains(":" + lineOf(text, "low: 1.50") + ":10: low 1.5 is above high 1.38"),
                e.getMessage());
    }

    @Test
    void firmwareThatIsNotTheReleasedImageIsRefused() throws IOException {
        String text = Files.readString(SHIPPED).replace("3cc23285", "0cc23285");
        InputError e = assertThrows(InputError.class, () -> PlanLoader.load(write(text)));
        assertTrue(
                e.getMessage().contains(":" + lineOf(text, "sha256:") + ":11: firmware banner.hex has SHA-256 3cc2"),
                e.getMessage());
        assertTrue(e.getMessage().contains("not the released image"));
    }

    @Test
    void badInputsEachGetOneLineWithAPlace() throws IOException {
        assertError(
                "plan: x\nversion: 1\nproduct: {name: p}\nserial-pattern: 'SN-[A-Z'\nsteps: []\n",
                ":4:17: serial-pattern is not a valid regular expression");
        assertError(
                "plan: x\nversion: 1\nproduct: {name: p}\nserial-pattern: 'SN-.*'\nsteps: []\n",
                ":5:8: the plan has no steps");
        assertError(
                "plan: x\nversion: 1\nproduct: {name: p}\nserial-pattern: 'SN-.*'\nsteps:\n  - {kind: meassure, name: a}\n",
                ":6:12: unknown step kind 'meassure'");
        assertError(
                "plan: x\nversion: 1\nproduct: {name: p}\nserial-pattern: 'SN-.*'\nsteps:\n"
                        + "  - {kind: power, name: p, volts: 3.3, current-limit: 0.2}\n  - {kind: read-uid, name: u}\n",
                ":7:5: step 'u': needs a swd-connect step before it");
        assertError(
                "plan: x\nversion: 1\nproduct: {name: p}\nserial-pattern: 'SN-.*'\nsteps:\n"
                        + "  - {kind: measure, name: v, test-point: VDD, unit: V, low: 3}\n",
                ":6:5: step 'v': needs a power step");
        assertError(
                "plan: x\nversion: 1\nproduct: {name: p}\nserial-pattern: 'SN-.*'\nsteps:\n"
                        + "  - {kind: power, name: p, volts: three, current-limit: 0.2}\n",
                ":6:35: step 'p': 'volts' must be a number, found 'three'");
        assertError("plan: x\nversion: 1\n  product: {name: p}\n", ": not valid YAML");
        assertError("", ":1:1: the file is empty");
    }

    @Test
    void limitsThatDecideVerdictsAreReadFromThePlan() throws IOException {
        String text = Files.readString(SHIPPED)
                .replace("min-powered-volts: 1.7 ", "min-powered-volts: 2.0 ")
                .replace("max-rdp-level: 0 ", "max-rdp-level: 1 ")
                .replace("max-verify-mismatches: 0", "max-verify-mismatches: 16");
        Plan plan = PlanLoader.load(write(text));
        Step.SwdConnect swd = only(plan, Step.SwdConnect.class);
        assertEquals(2.0, swd.minPoweredVolts());
        assertEquals(1, swd.maxRdpLevel());
        assertEquals(16, only(plan, Step.Program.class).maxVerifyMismatches());
    }

    @Test
    void limitsLeftOutTakeTheDefaultsThePlanFormatNames() throws IOException {
        String text = Files.readString(SHIPPED)
                .replaceAll("(?m)^    (min-powered-volts|max-rdp-level|max-verify-mismatches):.*\n", "");
        assertTrue(!text.contains("min-powered-volts")
                && !text.contains("max-rdp-level")
                && !text.contains("max-verify-mismatches"));
        Plan plan = PlanLoader.load(write(text));
        Step.SwdConnect swd = only(plan, Step.SwdConnect.class);
        assertEquals(1.7, swd.minPoweredVolts());
        assertEquals(0, swd.maxRdpLevel());
        assertTrue(swd.requireUnprotected());
        assertEquals(0, only(plan, Step.Program.class).maxVerifyMismatches());
    }

    @Test
    void badLimitsAreRefusedWhereTheyStand() throws IOException {
        String head = "plan: x\nversion: 1\nproduct: {name: p}\nserial-pattern: 'SN-.*'\nsteps:\n"
                + "  - {kind: power, name: p, volts: 3.3, current-limit: 0.2}\n";
        assertError(
                head + "  - {kind: swd-connect, name: c, min-powered-volts: 0}\n",
                ":7:53: step 'c': min-powered-volts must be above 0 and at most 5");
        assertError(
                head + "  - {kind: swd-connect, name: c, target-voltage: {low: 1.0, high: 1.5}}\n",
                ":7:50: step 'c': the target-voltage high limit is below min-powered-volts 1.7");
        assertError(
                head + "  - {kind: swd-connect, name: c, max-rdp-level: 2}\n",
                ":7:49: step 'c': max-rdp-level must be 0 or 1");
        assertError(
                head + "  - {kind: swd-connect, name: c, require-unprotected: false, max-rdp-level: 1}\n",
                ":7:77: step 'c': max-rdp-level needs require-unprotected: true");
        String shipped = Files.readString(SHIPPED);
        String negative = shipped.replace("max-verify-mismatches: 0", "max-verify-mismatches: -1");
        InputError e = assertThrows(InputError.class, () -> PlanLoader.load(write(negative)));
        assertTrue(
                e.getMessage()
                        .contains(":" + lineOf(negative, "max-verify-mismatches")
                                + ":28: step 'program': max-verify-mismatches must be 0 or more"),
                e.getMessage());
        String unverified = shipped.replace("verify: true\n", "verify: false\n");
        e = assertThrows(InputError.class, () -> PlanLoader.load(write(unverified)));
        assertTrue(
                e.getMessage()
                        .contains(":" + lineOf(unverified, "max-verify-mismatches")
                                + ":28: step 'program': max-verify-mismatches needs verify: true"),
                e.getMessage());
    }

    private static <T extends Step> T only(Plan plan, Class<T> kind) {
        return plan.steps().stream()
                .filter(kind::isInstance)
                .map(kind::cast)
                .findFirst()
                .orElseThrow();
    }

    private void assertError(String text, String expected) throws IOException {
        Path file = write(text);
        InputError e = assertThrows(InputError.class, () -> PlanLoader.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }

    private Path write(String text) throws IOException {
        Files.createDirectories(dir.resolve("plans"));
        return writeWithFirmware(dir, text);
    }

    /** The plan text as dir/plan.yaml, with the shipped firmware where its path says. */
    static Path writeWithFirmware(Path dir, String text) throws IOException {
        Path fw = dir.resolve("firmware/banner/build/f411");
        Files.createDirectories(fw);
        Files.copy(
                Path.of("../firmware/banner/build/f411/banner.hex"),
                fw.resolve("banner.hex"),
                StandardCopyOption.REPLACE_EXISTING);
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, text.replace("path: ../firmware/", "path: firmware/"));
        return file;
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in text");
    }
}
