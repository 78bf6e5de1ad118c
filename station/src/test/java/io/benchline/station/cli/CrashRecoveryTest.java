package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.BatchRun;
import io.benchline.db.Database;
import io.benchline.db.RunDetail;
import io.benchline.db.Verdict;
import io.benchline.station.BenchlineProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 of a demo in the middle of a batch, on a one-board fixture and on 4-up panels (four
 * positions running at once, committing to one store): every run it reported stays as reported,
 * and the runs it was in (up to one per position) are closed as ABORTED by the next command that
 * opens the database.
 */
class CrashRecoveryTest {
    private static final Pattern LINE = Pattern.compile("\\]\\s+(SN-\\S+)\\s+(PASS|FAIL|ERROR)\\b");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} position(s)")
    @ValueSource(ints = {1, 4})
    void killedDemoLeavesReportedRunsIntactAndItsOpenRunsAborted(int positions) throws Exception {
        String db = dir.resolve("crash").toString();
        List<String> args = new ArrayList<>(List.of(
                "demo",
                "--boards",
                "100000",
                "--batch",
                "CRASH",
                "--db",
                db,
                "--plan",
                "../plans/stm32f411-board.yaml",
                "--fixture",
                "../fixtures/sim-f411.yaml"));
        if (positions > 1) {
            args.addAll(List.of("--positions", Integer.toString(positions)));
        }
        Process demo = BenchlineProcess.of(args)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Map<String, Verdict> reported = new LinkedHashMap<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = LINE.matcher(line);
                if (m.find()) {
                    reported.put(m.group(1), Verdict.valueOf(m.group(2)));
                    if (reported.size() == 150) {
                        demo.destroyForcibly(); // SIGKILL
                        break;
                    }
                }
            }
        }
        assertTrue(demo.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, demo.exitValue());

        try (Database database = Database.open(db)) {
            int aborted = database.recoverInterruptedRuns("sim-station-1");
            assertTrue(
                    aborted <= positions, "only the runs in flight (one per position) can be open, found " + aborted);
            for (var e : reported.entrySet()) {
                List<RunDetail> runs = database.trace().board(e.getKey());
                assertEquals(1, runs.size(), e.getKey());
                assertEquals(e.getValue(), runs.get(0).run().verdict(), e.getKey());
                assertEquals(
                        "teardown",
                        runs.get(0)
                                .steps()
                                .get(runs.get(0).steps().size() - 1)
                                .step()
                                .name());
            }
            List<BatchRun> all = database.batches().batches().stream()
                    .flatMap(b ->
                            database
                                    .batches()
                                    .runs(database.batches()
                                            .batch(b.name())
                                            .orElseThrow()
                                            .id())
                                    .stream())
                    .toList();
            long abortedRuns =
                    all.stream().filter(r -> r.verdict() == Verdict.ABORTED).count();
            long openRuns = all.stream().filter(r -> r.verdict() == null).count();
            assertEquals(aborted, abortedRuns);
            assertEquals(0, openRuns);
        }
    }
}
