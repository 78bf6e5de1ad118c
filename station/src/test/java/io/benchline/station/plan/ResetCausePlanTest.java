package io.benchline.station.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.fixtures.chip.ResetFlag;
import io.benchline.station.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reset-cause step in a plan: its defaults, and the order the reads must stand in, refused at file:line:column. */
class ResetCausePlanTest {
    static final Path SHIPPED = Path.of("../plans/stm32f411-board.yaml");
    static final String POWER_ON_READ = "  - kind: reset-cause\n    name: reset-power-on\n    phase: power-on\n\n";

    @TempDir
    Path dir;

    @Test
    void theShippedPlanReadsAtPowerOnAndAtTheEndWithTheDefaults() {
        Plan plan = PlanLoader.load(SHIPPED);
        Step.ResetCause first = (Step.ResetCause) plan.steps().stream()
                .filter(s -> s.name().equals("reset-power-on"))
                .findFirst()
                .orElseThrow();
        assertEquals(EnumSet.of(ResetFlag.POR, ResetFlag.BOR, ResetFlag.PIN), first.allowed());
        assertEquals(Set.of(ResetFlag.POR), first.required());
        Step.ResetCause end = (Step.ResetCause) plan.steps().get(plan.steps().size() - 1);
        assertEquals(Step.ResetCause.Phase.END, end.phase());
        assertEquals(EnumSet.of(ResetFlag.SFT, ResetFlag.PIN), end.allowed());
        assertEquals(300, end.watchMs());
        assertEquals(5_000, end.timeoutMs());
    }

    @Test
    void aPowerOnReadBeforeTheProbeConnectsIsRefused() throws IOException {
        String text = shipped().replace(POWER_ON_READ, "");
        text = text.replace("  - kind: swd-connect\n", POWER_ON_READ + "  - kind: swd-connect\n");
        refused(
                text,
                "  - kind: reset-cause\n    name: reset-power-on",
                ":5: step 'reset-power-on': the power-on read must come after a power step with output: true and a"
                        + " swd-connect step");
    }

    @Test
    void aPowerOnReadAfterProgrammingIsRefused() throws IOException {
        String text = shipped().replace(POWER_ON_READ, "");
        text = text.replace("  - kind: read-uid\n", POWER_ON_READ + "  - kind: read-uid\n");
        refused(
                text,
                "  - kind: reset-cause\n    name: reset-power-on",
                ":5: step 'reset-power-on': the power-on read must come before program step 'program', which resets"
                        + " the chip");
    }

    @Test
    void aConnectionUnderResetBeforeThePowerOnReadIsRefused() throws IOException {
        String text = shipped().replace("under-reset: false", "under-reset: true");
        refused(
                text,
                "  - kind: reset-cause\n    name: reset-power-on",
                ":5: step 'reset-power-on': swd-connect 'swd-connect' connects under reset, which pulses NRST before"
                        + " the power-on read: give it under-reset: false");
    }

    @Test
    void anEndReadNeedsAPowerOnReadAndComesLast() throws IOException {
        refused(
                shipped().replace(POWER_ON_READ, ""),
                "  - kind: reset-cause\n    name: reset-end",
                ":5: step 'reset-end': the end read needs a reset-cause step with phase: power-on before it");
        String endFirst = shipped()
                .replace(
                        "  - kind: boot-check\n",
                        "  - kind: reset-cause\n    name: early-end\n" + "    phase: end\n\n  - kind: boot-check\n");
        refused(
                endFirst,
                "  - kind: boot-check",
                ":5: step 'boot-check': resets the chip after the reset-cause end read 'early-end'");
    }

    @Test
    void anUnknownFlagIsNamedWhereItStands() throws IOException {
        String text = shipped().replace("    phase: power-on\n", "    phase: power-on\n    allow: [por, brownout]\n");
        Path file = write(text);
        InputError e = assertThrows(InputError.class, () -> PlanLoader.load(file));
        int line = lineOf(text, "allow: [por, brownout]");
        assertTrue(
                e.getMessage()
                        .startsWith(file + ":" + line + ":18: step 'reset-power-on' allow: unknown reset flag"
                                + " 'brownout' (known: por, bor, pin, sft, iwdg, wwdg, lpwr)"),
                e.getMessage());
    }

    private static String shipped() throws IOException {
        String text = Files.readString(SHIPPED);
        assertTrue(text.contains(POWER_ON_READ), "the shipped plan's power-on read");
        return text;
    }

    /** The plan fails to load with the message at file:LINE:COLUMN, LINE that of the line starting with at. */
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

    /** The 1-based line where needle (which may span lines) starts. */
    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            throw new AssertionError(needle + " not in text");
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
