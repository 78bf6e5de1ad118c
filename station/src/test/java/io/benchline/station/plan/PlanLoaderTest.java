package io.benchline.station.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.station.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertTrue(!plan.acceptsSerial("sn-lot7") && !plan.acceptsSerial("SN-") && !plan.acceptsSerial("SN-" + "A".repeat(33)));
        Step.Measure vcap = (Step.Measure) plan.steps().stream().filter(s -> s.name().equals("VCAP1")).findFirst().orElseThrow();
        assertEquals(new Limits(1.08, 1.38), vcap.limits());
        assertTrue(vcap.hint().contains("4.7 µF VCAP1 capacitor"));
        assertEquals(64, plan.sha256().length());
        assertTrue(plan.firmware().isPresent());
    }

    @Test
    void typoInAKeyNamesFileLineColumnAndSuggestsTheKey() throws IOException {
        String text = Files.readString(SHIPPED).replace("    max-spread: 0.05    # a regulator", "    max-sprad: 0.05    # a regulator");
        InputError e = assertThrows(InputError.class, () -> PlanLoader.load(write(text)));
        int line = lineOf(text, "max-sprad");
        assertTrue(e.getMessage().startsWith(dir.resolve("plan.yaml") + ":" + line + ":5: unknown key 'max-sprad'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'max-spread'"), e.getMessage());
    }

    @Test
    void lowAboveHighIsRefusedWhereItStands() throws IOException {
        String text = Files.readString(SHIPPED).replace("low: 1.08 ", "low: 1.50 ");
        InputError e = assertThrows(InputError.class, () -> PlanLoader.load(write(text)));
        assertTrue(e.getMessage().contains(":" + lineOf(text, "low: 1.50") + ":10: low 1.5 is above high 1.38"), e.getMessage());
    }

    @Test
    void firmwareThatIsNotTheReleasedImageIsRefused() throws IOException {
        String text = Files.readString(SHIPPED).replace("3cc23285", "0cc23285");
        InputError e = assertThrows(InputError.class, () -> PlanLoader.load(write(text)));
        assertTrue(e.getMessage().contains(":" + lineOf(text, "sha256:") + ":11: firmware banner.hex has SHA-256 3cc2"), e.getMessage());
        assertTrue(e.getMessage().contains("not the released image"));
    }

    @Test
    void badInputsEachGetOneLineWithAPlace() throws IOException {
        assertError("plan: x\nversion: 1\nproduct: {name: p}\nserial-pattern: 'SN-[A-Z'\nsteps: []\n", ":4:17: serial-pattern is not a valid regular expression");
        assertError("plan: x\nversion: 1\nproduct: {name: p}\nserial-pattern: 'SN-.*'\nsteps: []\n", ":5:8: the plan has no steps");
        assertError("plan: x\nversion: 1\nproduct: {name: p}\nserial-pattern: 'SN-.*'\nsteps:\n  - {kind: meassure, name: a}\n",
                ":6:12: unknown step kind 'meassure'");
        assertError("plan: x\nversion: 1\nproduct: {name: p}\nserial-pattern: 'SN-.*'\nsteps:\n"
                + "  - {kind: power, name: p, volts: 3.3, current-limit: 0.2}\n  - {kind: read-uid, name: u}\n",
                ":7:5: step 'u': needs a swd-connect step before it");
        assertError("plan: x\nversion: 1\nproduct: {name: p}\nserial-pattern: 'SN-.*'\nsteps:\n"
                + "  - {kind: measure, name: v, test-point: VDD, unit: V, low: 3}\n", ":6:5: step 'v': needs a power step");
        assertError("plan: x\nversion: 1\nproduct: {name: p}\nserial-pattern: 'SN-.*'\nsteps:\n"
                + "  - {kind: power, name: p, volts: three, current-limit: 0.2}\n", ":6:35: step 'p': 'volts' must be a number, found 'three'");
        assertError("plan: x\nversion: 1\n  product: {name: p}\n", ": not valid YAML");
        assertError("", ":1:1: the file is empty");
    }

    private void assertError(String text, String expected) throws IOException {
        Path file = write(text);
        InputError e = assertThrows(InputError.class, () -> PlanLoader.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }

    private Path write(String text) throws IOException {
        Path copyDir = dir.resolve("plans");
        Files.createDirectories(copyDir);
        Path fw = dir.resolve("firmware/banner/build/f411");
        Files.createDirectories(fw);
        Files.copy(Path.of("../firmware/banner/build/f411/banner.hex"), fw.resolve("banner.hex"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
