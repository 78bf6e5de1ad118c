package io.benchline.station.sequence;

import io.benchline.fixtures.Deadline;
import io.benchline.station.plan.Step;
import java.time.Duration;
import java.util.List;

/**
 * Asks the operator and judges the answer: one of the plan's passing answers passes, another listed
 * answer fails (the operator saw the board fail), and no answer is an ERROR (nobody could tell).
 */
final class PromptRunner implements StepRunner<Step.Prompt> {
    static final String NO_ANSWER_HINT = "nobody answered the operator prompt: retest and answer it on the screen";

    @Override
    public StepOutcome run(Step.Prompt step, RunContext ctx) {
        PromptReply reply;
        try {
            reply = ctx.promptAnswers().await(ctx.runId(), step, answerDeadline(step));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StepOutcome.error("prompt '" + step.text() + "' was interrupted", List.of(), null);
        }
        if (!reply.answered()) {
            return StepOutcome.error(
                    "no answer to '" + step.text() + "': " + reply.missing(),
                    List.of(),
                    reply.hint() != null ? reply.hint() : NO_ANSWER_HINT);
        }
        String answer = step.answerNamed(reply.answer()).orElse(null);
        if (answer == null) {
            return StepOutcome.error(
                    "answer '" + reply.answer() + "' to '" + step.text() + "' is not one of " + step.answers(),
                    List.of(),
                    NO_ANSWER_HINT);
        }
        String message = "answer " + answer + (reply.by() == null ? "" : " (" + reply.by() + ")") + ": " + step.text();
        return step.passes(answer) ? StepOutcome.pass(message) : StepOutcome.fail(message, List.of());
    }

    /**
     * A little before the step's own deadline, so the step reports "no answer" itself rather than
     * being cut off by the step watch, which would blame an instrument.
     */
    static Deadline answerDeadline(Step.Prompt step) {
        long margin = Math.min(250, step.timeoutMs() / 4);
        return Deadline.in(Duration.ofMillis(step.timeoutMs() - margin));
    }
}
