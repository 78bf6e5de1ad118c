package io.benchline.station.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.station.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan's {@code panel-label}: a label's serials, and each mistake in the key at file:line:column. */
class PanelLabelTest {
    static final String PLAN = """
            plan: labelled
            version: "1"
            product: {name: test board}
            serial-pattern: "SN-[A-Z0-9-]{1,32}"
            panel-label:
              pattern: 'PNL-(?<lot>[A-Z0-9]+)-(?<first>[0-9]{5})'
              serial: 'SERIAL'
            steps:
              - {kind: power, name: power-on, output: true, volts: 3.3, current-limit: 0.25}
            """;

    @TempDir
    Path dir;

    private PanelLabel label(String serial) throws IOException {
        return PlanLoader.load(write(PLAN.replace("SERIAL", serial)))
                .panelLabel()
                .orElseThrow();
    }

    @Test
    void aLabelNamesTheSerialOfEachPosition() throws IOException {
        PanelLabel counted = label("SN-{lot}-{first + position - 1}");
        assertEquals(
                List.of("SN-A7-00041", "SN-A7-00042", "SN-A7-00043", "SN-A7-00044"),
                counted.serials("PNL-A7-00041", 4));
        assertEquals(List.of("SN-A7-00099", "SN-A7-00100"), counted.serials(" PNL-A7-00099 ", 2));
        assertEquals(
                List.of("SN-L2-000007-1", "SN-L2-000007-2"),
                label("SN-{lot}-{first:06}-{position}").serials("PNL-L2-00007", 2));
        assertEquals(
                List.of("SN-X-12", "SN-X-14"),
                label("SN-X-{position+position+10}").serials("PNL-Q-00000", 2));

        InputError noMatch = assertThrows(InputError.class, () -> counted.serials("PNL-A7-41", 2));
        assertTrue(
                noMatch.getMessage().contains("does not match the plan's panel-label pattern"), noMatch.getMessage());
        InputError tooFar = assertThrows(InputError.class, () -> counted.serials("PNL-A7-99999", 2));
        assertTrue(tooFar.getMessage().contains("more than 5 digits"), tooFar.getMessage());
        String unlabelled = PLAN.replace(PLAN.substring(PLAN.indexOf("panel-label:"), PLAN.indexOf("steps:")), "");
        assertTrue(PlanLoader.load(write(unlabelled)).panelLabel().isEmpty(), "no key: no panel label");
    }

    @Test
    void mistakesAreNamedAtFileLineColumn() throws IOException {
        assertError(PLAN.replace("SERIAL", "SN-{lot}-{frist}"), 7, 11, "'frist' is not a named group of the pattern");
        assertError(PLAN.replace("SERIAL", "SN-{lot}-{first"), 7, 11, "is never closed");
        assertError(PLAN.replace("SERIAL", "SN-FIXED"), 7, 11, "every board would get the same serial");
        assertError(PLAN.replace("SERIAL", "SN-{first + }"), 7, 11, "unfinished placeholder");
        assertError(PLAN.replace("SERIAL", "SN-{first:5}"), 7, 11, "e.g. :05");
        assertError(
                PLAN.replace("SERIAL", "{lot}").replace("(?<first>", "(?<first"),
                6,
                12,
                "not a valid regular expression");
        assertError(PLAN.replace("SERIAL", "{lot}").replace("  serial:", "  serials:"), 7, 3, "did you mean 'serial'?");
    }

    private void assertError(String text, int line, int column, String expected) throws IOException {
        Path file = write(text);
        InputError e = assertThrows(InputError.class, () -> PlanLoader.load(file));
        assertTrue(e.getMessage().startsWith(file + ":" + line + ":" + column + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, text);
        return file;
    }
}
