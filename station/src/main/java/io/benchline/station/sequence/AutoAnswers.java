package io.benchline.station.sequence;

import io.benchline.fixtures.Deadline;
import io.benchline.station.plan.Step;

/** The demo's operator: answers every prompt at once with its first passing answer. */
public final class AutoAnswers implements PromptAnswers {
    @Override
    public PromptReply await(long runId, Step.Prompt step, Deadline until) {
        return PromptReply.answered(step.passing().get(0), "answered automatically by the demo");
    }
}
