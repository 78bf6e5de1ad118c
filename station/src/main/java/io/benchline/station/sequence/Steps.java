package io.benchline.station.sequence;

import io.benchline.station.plan.Step;

/** Dispatches each step kind to its runner. */
final class Steps {
    private static final PowerRunner POWER = new PowerRunner();
    private static final MeasureRunner MEASURE = new MeasureRunner();

    private Steps() {
    }

    static StepOutcome run(Step step, RunContext ctx) {
        if (step instanceof Step.Power p) {
            return POWER.run(p, ctx);
        } else if (step instanceof Step.Measure m) {
            return MEASURE.run(m, ctx);
        }
        return StepOutcome.pass("not implemented yet");
    }
}
