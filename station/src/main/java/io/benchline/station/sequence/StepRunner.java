package io.benchline.station.sequence;

import io.benchline.station.plan.Step;

/** Runs one kind of step against the bench. Fixture faults are thrown, not returned. */
interface StepRunner<S extends Step> {
    StepOutcome run(S step, RunContext ctx);
}
