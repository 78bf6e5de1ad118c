package io.benchline.station.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.station.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan's spc keys: on by default for every rail and the power-on current, given limits, off, errors at file:line:column. */
class SpcPlanTest {
    static final Path SHIPPED = Path.of("../plans/stm32f411-board.yaml");
    static final String VCAP_HINT = "    hint: check the 4.7 µF VCAP1 capacitor";

    @TempDir
    Path dir;

    @Test
    void onByDefaultForEachRailAndThePowerOnCurrentWithABaselineOfTwenty() throws IOException {
        Plan plan = PlanLoader.load(write(shipped().replace("spc:\n  baseline: 20\n", "")));
        assertTrue(plan.spc().on());
        assertEquals(20, plan.spc().baseline());
        assertEquals(
                List.of("power-on current", "VDD", "VDDA", "VCAP1", "NRST"),
                plan.spc().measurements(plan.steps()));
    }

    @Test
    void aBaselineGivenLimitsAndOffAreRead() throws IOException {
        String text = shipped()
                .replace("spc:\n  baseline: 20\n", "spc:\n  baseline: 30\n")
                .replace(VCAP_HINT, "    spc: {centre: 1.26, sigma: 0.002}\n" + VCAP_HINT)
                .replace("    samples: 8\n", "    samples: 8\n    spc: off\n");
        Plan plan = PlanLoader.load(write(text));
        assertEquals(30, plan.spc().baseline());
        assertEquals(
                new SpcPlan.Given(1.26, 0.002), plan.spc().givenFor("VCAP1").orElseThrow());
        assertFalse(plan.spc().measurements(plan.steps()).contains("NRST"));
        assertTrue(PlanLoader.load(write(shipped().replace("spc:\n  baseline: 20\n", "spc: off\n")))
                .spc()
                .measurements(plan.steps())
                .isEmpty());
    }

    @Test
    void mistakesAreNamedWhereTheyStand() throws IOException {
        refused(
                shipped().replace("spc:\n  baseline: 20\n", "spc:\n  baseline: 1\n"),
                "  baseline: 1",
                ":13: spc: baseline must be 2 to 1000 readings of passing boards, found 1");
        refused(
                shipped().replace(VCAP_HINT, "    spc: {centre: 1.26, sigma: 0}\n" + VCAP_HINT),
                "    spc: {centre",
                ":32: step 'VCAP1': spc sigma must be above 0, found 0.0");
        refused(
                shipped().replace(VCAP_HINT, "    spc: {centre: 1.26}\n" + VCAP_HINT),
                "    spc: {centre",
                ":10: step 'VCAP1' spc: 'sigma' is missing");
        refused(
                shipped().replace("    name: read-uid\n", "    name: read-uid\n    spc: off\n"),
                "    spc: off",
                ":10: step 'read-uid': 'spc' belongs on a measure step or a power step with output: true"
                        + " (the readings a control chart follows)");
        refused(
                shipped().replace("    samples: 8\n", "    samples: 8\n    spc: sometimes\n"),
                "    spc: sometimes",
                ":10: 'spc' must be off, on, or a block of keys, found 'sometimes'");
    }

    private static String shipped() throws IOException {
        String text = Files.readString(SHIPPED);
        assertTrue(text.contains(VCAP_HINT), "the shipped plan's VCAP1 step");
        assertTrue(text.contains("spc:\n  baseline: 20\n"), "the shipped plan's spc block");
        return text;
    }

    private void refused(String text, String at, String expected) throws IOException {
        Path file = write(text);
        InputError e = assertThrows(InputError.class, () -> PlanLoader.load(file));
        int line = lineOf(text, at);
        assertTrue(e.getMessage().startsWith(file + ":" + line + expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }

    private Path write(String text) throws IOException {
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
        int at = text.indexOf(needle);
        if (at < 0) {
            throw new AssertionError(needle + " not in text");
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
