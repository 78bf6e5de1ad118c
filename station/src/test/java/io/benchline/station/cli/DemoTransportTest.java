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

/**
 * The demo through the real serial path (SCPI over socat ptys opened with jSerialComm, the
 * ST-LINK over stlink-tcp) gives every board the verdict the in-process simulated fixture gives it.
 */
class DemoTransportTest {
    @TempDir
    Path dir;

    @Test
    void servedBenchesGiveTheSameVerdictsAsTheInProcessBench() {
        List<String> inProcess = verdicts("in-process");
        assertTrue(
                inProcess.stream().anyMatch(l -> l.contains("ERROR")),
                "the mix must include a station error: " + inProcess);
        assertTrue(
                inProcess.stream().filter(l -> l.contains("FAIL")).count() >= 9,
                "every fault profile fails: " + inProcess);
        assertEquals(inProcess, verdicts("pty"));
        assertEquals(inProcess, verdicts("tcp"));
    }

    private List<String> verdicts(String transport) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int exit = Main.run(
                    "demo",
                    "--boards",
                    "45",
                    "--seed",
                    "4", // a mix with a station error (probe-unplugged) beside the faults
                    "--batch",
                    "T-" + transport.toUpperCase(),
                    "--transport",
                    transport,
                    "--db",
                    dir.resolve(transport).toString(),
                    "--plan",
                    "../plans/stm32f411-board.yaml",
                    "--fixture",
                    "../fixtures/sim-f411.yaml");
            assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.startsWith("["))
                .map(l -> l.replaceAll("SN-T-[A-Z-]+-", "SN-").replaceAll("\\s+", " "))
                .toList();
    }
}
