package io.benchline.station.sequence;

import io.benchline.db.Verdict;
import io.benchline.fixtures.swd.DebugProbe;
import io.benchline.fixtures.uart.BoardUart;
import io.benchline.fixtures.uart.BootBanner;
import io.benchline.station.fixture.SerialUart;
import io.benchline.station.fixture.Uart;
import io.benchline.station.plan.Step;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resets the board and waits for its boot banner on the UART its probe reaches, else on the
 * fixture's own UART. Skipped on a fixture without one (a station refuses such a fixture at start
 * unless the plan marks the step optional).
 */
final class BootCheckRunner implements StepRunner<Step.BootCheck> {
    private static final int TRANSCRIPT_CHARS = 120;
    private static final long VERDICT_RESERVE_MS = 150;

    @Override
    public StepOutcome run(Step.BootCheck step, RunContext ctx) {
        DebugProbe probe = ctx.attachedProbe();
        Optional<Uart> uart = probe instanceof BoardUart board
                ? Optional.of(SerialUart.of(board))
                : ctx.fixture().uart();
        if (uart.isEmpty()) {
            return new StepOutcome(
                    Verdict.SKIPPED,
                    "fixture " + ctx.fixture().name() + " has no UART to read the banner from",
                    List.of());
        }
        // The banner wait ends a little before the step's deadline, so a silent board is a FAIL, not a timeout ERROR.
        long waitMs = Math.max(0, ctx.deadline().remainingMs() - VERDICT_RESERVE_MS);
        BootBanner.Result r = uart.get()
                .awaitBanner(() -> probe.reset(false), Pattern.compile(step.banner()), Duration.ofMillis(waitMs));
        if (r.matched()) {
            return StepOutcome.pass("banner: " + r.line().orElseThrow());
        }
        return StepOutcome.fail(
                "no line matching /" + step.banner() + "/ on " + uart.get().name() + " within " + step.timeoutMs()
                        + " ms (timeout-ms) of the reset; it said: " + shown(r.transcript()),
                List.of());
    }

    private static String shown(String transcript) {
        String oneLine = transcript.replace("\r", "\\r").replace("\n", "\\n");
        if (oneLine.isEmpty()) {
            return "nothing";
        }
        return "\"" + (oneLine.length() > TRANSCRIPT_CHARS ? oneLine.substring(0, TRANSCRIPT_CHARS) + "..." : oneLine)
                + "\"";
    }
}
