package io.benchline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run the station acknowledged survives a kill -9 of the station process: a child JVM writes
 * runs and prints each id after its commit returns; the test kills it with SIGKILL mid-stream and
 * reopens the file.
 */
class DurabilityTest {
    @TempDir
    Path dir;

    @Test
    void acknowledgedRunsSurviveKillNine() throws Exception {
        String path = dir.resolve("kill9").toString();
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                DurabilityWriter.class.getName(), path)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<Long> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                acknowledged.add(Long.parseLong(line.trim()));
                if (acknowledged.size() == 1500) {
                    child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
                    break;
                }
            }
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "the writer must have died by SIGKILL");

        try (Database db = Database.open(path)) {
            List<Long> missing = new ArrayList<>();
            for (long id : acknowledged) {
                var run = db.trace().run(id);
                if (run.isEmpty() || run.get().run().verdict() != Verdict.PASS || run.get().steps().size() != 3
                        || run.get().run().uid() == null) {
                    missing.add(id);
                }
            }
            assertEquals(List.of(), missing, "acknowledged runs lost at kill -9");
            int aborted = db.recoverInterruptedRuns("bench-1");
            assertTrue(aborted <= 1, "at most the run in flight is left open, found " + aborted);
        }
    }
}
