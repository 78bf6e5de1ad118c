package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo --drift vcap1}: the VCAP1 alarm is printed before the first board fails at VCAP1, and alarms stay few. */
class DemoDriftTest {
    @TempDir
    Path dir;

    @Test
    void theDriftAlarmComesBeforeTheFirstVcapFailure() {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int exit = Main.run(
                    "demo",
                    "--boards",
                    "50",
                    "--drift",
                    "vcap1",
                    "--batch",
                    "DRIFT",
                    "--db",
                    dir.resolve("r").toString(),
                    "--plan",
                    "../plans/stm32f411-board.yaml",
                    "--fixture",
                    "../fixtures/sim-f411.yaml");
            assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        int alarm = index(lines, l -> l.contains("ALARM VCAP1:"));
        int fail = index(lines, l -> l.startsWith("[") && l.contains("at VCAP1"));
        String text = String.join("\n", lines);
        assertTrue(alarm >= 0, "a VCAP1 alarm: " + text);
        assertTrue(fail >= 0, "the drift makes boards fail in the end: " + text);
        assertTrue(alarm < fail, "the alarm before the first VCAP1 FAIL: " + text);
        assertTrue(lines.get(alarm).contains("6 rising") || lines.get(alarm).contains("8 on one side"), text);
        long alarms = lines.stream().filter(l -> l.contains(" ALARM ")).count();
        assertTrue(alarms <= 6, "a handful of alarms, at most one per chart: " + text);
    }

    private static int index(List<String> lines, java.util.function.Predicate<String> p) {
        for (int i = 0; i < lines.size(); i++) {
            if (p.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
