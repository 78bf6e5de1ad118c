package io.benchline.station.sequence;

import io.benchline.fixtures.Deadline;
import io.benchline.station.plan.Step;

/**
 * Where a run's prompt steps get the operator's answer: the operator screen, the answers given on
 * a headless command line, or the demo's automatic answers. Asked per run, so runs going at once
 * (one per position) each get their own.
 */
public interface PromptAnswers {
    /** No one to ask: every prompt ends ERROR at once. */
    PromptAnswers NONE =
            (runId, step, until) -> PromptReply.none("no operator to answer (this run takes no answers)", null);

    /**
     * The answer to one prompt of a run, waiting for it no later than until; interrupted when the
     * run is aborted. The reply is one of the step's answers or none, with why.
     */
    PromptReply await(long runId, Step.Prompt step, Deadline until) throws InterruptedException;
}
