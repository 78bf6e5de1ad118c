package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.Database;
import io.benchline.reports.TraceHtml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `benchline demo` over the TCP transport (SCPI instruments and the simulated ST-LINK served on
 * loopback sockets): the reset-cause profiles in the mix fail at the end read, and `trace` (text and
 * JSON) and the trace page show their flags in words with their hint; a good board passes.
 */
class ResetCauseTraceTest {
    private static final Pattern BOARD =
            Pattern.compile("\\[\\s*\\d+/\\d+]\\s+(SN-\\S+)\\s+(PASS|FAIL|ERROR)\\s.*\\(board: ([a-z-]+)\\)");

    @TempDir
    Path dir;

    record Out(int exit, String text) {}

    private static Out benchline(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Out(exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void theDemoShowsEachResetProfileInTheTraceWithItsHint() {
        String db = dir.resolve("results").toString();
        Out demo = benchline(
                "demo",
                "--boards",
                "70",
                "--seed",
                "7",
                "--batch",
                "RC",
                "--transport",
                "tcp",
                "--db",
                db,
                "--plan",
                "../plans/stm32f411-board.yaml",
                "--fixture",
                "../fixtures/sim-f411.yaml");
        assertEquals(0, demo.exit(), demo.text());
        Map<String, String> firstOf = new LinkedHashMap<>();
        Map<String, String> verdictOf = new LinkedHashMap<>();
        for (String line : demo.text().lines().toList()) {
            Matcher m = BOARD.matcher(line);
            if (m.find() && !line.contains("retest")) {
                firstOf.putIfAbsent(m.group(3), m.group(1));
                verdictOf.putIfAbsent(m.group(3), m.group(2));
            }
        }
        assertEquals("PASS", verdictOf.get("good"), demo.text());
        assertTrue(
                trace(db, firstOf.get("good"))
                        .contains("reset-end      PASS    during the test: NRST pin reset + software reset"
                                + " (0x14000000); none in the 300 ms watch after; cleared"),
                "a good board");
        List<String[]> expected = List.of(
                new String[] {
                    "rail-sag",
                    "failed at reset-end: brown-out reset during the test (BORRSTF; RCC_CSR 0x16000000",
                    "hint: Power problem on the board: the chip's supply dropped during the test."
                },
                new String[] {
                    "watchdog",
                    "failed at reset-end: independent watchdog reset during the test (IWDGRSTF; RCC_CSR 0x34000000",
                    "hint: The firmware: a watchdog reset the chip after boot"
                },
                new String[] {
                    "nrst-glitch",
                    "failed at reset-end: NRST pin reset while the firmware ran after boot (PINRSTF; RCC_CSR 0x04000000",
                    "hint: NRST noise: the chip was reset through its NRST pin"
                });
        for (String[] e : expected) {
            String serial = firstOf.get(e[0]);
            assertEquals("FAIL", verdictOf.get(e[0]), e[0] + " in the mix: " + demo.text());
            String text = trace(db, serial);
            assertTrue(text.contains(e[1]), e[0] + ": " + text);
            assertTrue(text.contains(e[2]), e[0] + ": " + text);
            Out json = benchline("trace", serial, "--json", "--db", db);
            assertEquals(0, json.exit(), json.text());
            assertTrue(json.text().contains(e[1].substring("failed at reset-end: ".length())), json.text());
            assertTrue(json.text().contains(e[2].substring("hint: ".length())), json.text());
            try (Database database = Database.open(db)) {
                String html = TraceHtml.render(serial, database.trace().board(serial));
                assertTrue(
                        html.contains(
                                "hint: " + e[2].substring("hint: ".length()).replace("'", "&#39;")),
                        html);
            }
        }
    }

    private static String trace(String db, String serial) {
        Out t = benchline("trace", serial, "--db", db);
        assertEquals(0, t.exit(), t.text());
        return t.text();
    }
}
