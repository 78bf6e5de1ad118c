package io.benchline.station.cli;

import static io.benchline.station.cli.CliRun.benchline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.benchline.db.Database;
import io.benchline.db.RunDetail;
import io.benchline.db.Verdict;
import io.benchline.station.cli.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prompt step on a headless `benchline run`: answered with --answer (PASS and FAIL), left
 * unanswered (ERROR at once, never a wait), answered wrongly (exit 2 before anything is stored).
 * The plan is the shipped one with the LED prompt, whose timeout is a minute.
 */
class PromptAnswerCliTest {
    static final String PLAN = "../plans/stm32f411-board-led.yaml";

    @TempDir
    Path dir;

    Result run(String serial, String... answers) {
        List<String> args = new ArrayList<>(
                List.of("run", "--plan", PLAN, "--fixture", "sim:good", "--serial", serial, "--db", db().toString()));
        for (String a : answers) {
            args.add("--answer");
            args.add(a);
        }
        return benchline(args.toArray(String[]::new));
    }

    Path db() {
        return dir.resolve("r");
    }

    RunDetail stored(String serial) {
        try (Database database = Database.open(db().toString())) {
            List<RunDetail> runs = database.trace().board(serial);
            assertEquals(1, runs.size());
            return runs.get(0);
        }
    }

    static RunDetail.StepDetail step(RunDetail run, String name) {
        return run.steps().stream()
                .filter(s -> s.step().name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name));
    }

    @Test
    void passAnswerPassesTheBoardAndIsStored() {
        Result r = run("SN-ANS-0001", "led=PASS");
        assertEquals(0, r.exit(), r.out() + r.err());
        RunDetail run = stored("SN-ANS-0001");
        assertEquals(Verdict.PASS, run.run().verdict());
        RunDetail.StepDetail led = step(run, "led");
        assertEquals("prompt", led.step().kind());
        assertEquals(Verdict.PASS, led.step().verdict());
        assertEquals(
                "answer PASS (given with --answer): Is the status LED D1 lit green?",
                led.step().message());
        assertFalse(r.out().contains("warning"), r.out());
    }

    @Test
    void failAnswerFailsTheBoardWithThePlansHint() {
        // the value is matched ignoring case, and stored as the plan spells it
        Result r = run("SN-ANS-0002", "led=fail");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL  SN-ANS-0002 at step led: answer FAIL"), r.out());
        assertTrue(r.out().contains("check D1's orientation"), r.out());
        RunDetail run = stored("SN-ANS-0002");
        assertEquals(Verdict.FAIL, run.run().verdict());
        assertEquals("led", run.run().failedStep());
        assertEquals(Verdict.FAIL, step(run, "led").step().verdict());
        assertEquals(Verdict.PASS, step(run, "teardown").step().verdict());
    }

    @Test
    void missingAnswerEndsErrorAtOnceWithAWarningFirst() {
        long t0 = System.nanoTime();
        Result r = run("SN-ANS-0003");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(ms < 30_000, "no answer must not wait for the prompt's 60 s timeout: took " + ms + " ms");
        assertTrue(
                r.out()
                        .startsWith("warning: step 'led' asks the operator \"Is the status LED D1 lit green?\"; "
                                + "without --answer led=PASS|FAIL it ends ERROR"),
                r.out());
        assertTrue(r.out().contains("ERROR  SN-ANS-0003 at step led: no answer to"), r.out());
        assertTrue(r.out().contains("--answer led=PASS|FAIL"), "the hint says how to answer: " + r.out());
        RunDetail run = stored("SN-ANS-0003");
        assertEquals(Verdict.ERROR, run.run().verdict());
        RunDetail.StepDetail led = step(run, "led");
        assertEquals(Verdict.ERROR, led.step().verdict());
        long promptMs =
                led.step().endedAt().toEpochMilli() - led.step().startedAt().toEpochMilli();
        assertTrue(promptMs < 1_000, "the prompt step ended in " + promptMs + " ms");
    }

    @Test
    void unknownStepOrAnswerIsBadInputBeforeAnythingIsStored() {
        Result unknown = run("SN-ANS-0004", "lid=OK");
        assertEquals(2, unknown.exit(), unknown.out() + unknown.err());
        assertEquals(
                "error: --answer lid=OK: plan ../plans/stm32f411-board-led.yaml has no prompt step 'lid' (its prompts: led)",
                unknown.err().strip());

        Result notListed = run("SN-ANS-0004", "led=MAYBE");
        assertEquals(2, notListed.exit());
        assertTrue(notListed.err().contains("--answer led=MAYBE: step 'led' takes PASS or FAIL"), notListed.err());

        Result noValue = run("SN-ANS-0004", "led");
        assertEquals(2, noValue.exit());
        assertTrue(noValue.err().contains("give STEP=VALUE"), noValue.err());

        Result twice = run("SN-ANS-0004", "led=PASS", "led=FAIL");
        assertEquals(2, twice.exit());
        assertTrue(twice.err().contains("answered twice"), twice.err());

        assertFalse(Files.exists(dir.resolve("r.mv.db")), "nothing stored, nothing powered");
        for (Result r : List.of(unknown, notListed, noValue, twice)) {
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }
}
