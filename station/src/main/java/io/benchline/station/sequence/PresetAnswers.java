package io.benchline.station.sequence;

import io.benchline.fixtures.Deadline;
import io.benchline.station.InputError;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers given before a headless run ({@code --answer STEP=VALUE}), checked against the plan
 * before anything is powered. A prompt without one ends ERROR at once: a headless run never waits.
 */
public final class PresetAnswers implements PromptAnswers {
    private final Map<String, String> byStep;

    private PresetAnswers(Map<String, String> byStep) {
        this.byStep = Map.copyOf(byStep);
    }

    /** Parses STEP=VALUE pairs; an unknown step, a step that asks nothing or an answer not listed is an InputError. */
    public static PresetAnswers parse(Plan plan, List<String> given) {
        Map<String, String> byStep = new LinkedHashMap<>();
        for (String g : given) {
            int eq = g.indexOf('=');
            if (eq <= 0) {
                throw new InputError("--answer '" + g + "': give STEP=VALUE, e.g. --answer led=PASS");
            }
            String name = g.substring(0, eq).trim();
            String value = g.substring(eq + 1).trim();
            Step.Prompt prompt = prompts(plan).stream()
                    .filter(p -> p.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new InputError("--answer " + g + ": plan " + plan.file()
                            + " has no prompt step '" + name + "' (its prompts: " + names(prompts(plan)) + ")"));
            String answer = prompt.answerNamed(value)
                    .orElseThrow(() -> new InputError(
                            "--answer " + g + ": step '" + name + "' takes " + String.join(" or ", prompt.answers())));
            if (byStep.put(name, answer) != null) {
                throw new InputError("--answer " + g + ": step '" + name + "' is answered twice");
            }
        }
        return new PresetAnswers(byStep);
    }

    /** The prompt steps of the plan that have no answer here: each will end ERROR. */
    public List<Step.Prompt> unanswered(Plan plan) {
        return prompts(plan).stream().filter(p -> !byStep.containsKey(p.name())).toList();
    }

    @Override
    public PromptReply await(long runId, Step.Prompt step, Deadline until) {
        String answer = byStep.get(step.name());
        if (answer == null) {
            return PromptReply.none(
                    "no --answer " + step.name() + "=... was given (a headless run does not wait)",
                    "give the answer on the command line: --answer " + step.name() + "="
                            + String.join("|", step.answers()));
        }
        return PromptReply.answered(answer, "given with --answer");
    }

    private static List<Step.Prompt> prompts(Plan plan) {
        List<Step.Prompt> out = new ArrayList<>();
        for (Step s : plan.steps()) {
            if (s instanceof Step.Prompt p) {
                out.add(p);
            }
        }
        return out;
    }

    private static String names(List<Step.Prompt> prompts) {
        return prompts.isEmpty()
                ? "none"
                : String.join(", ", prompts.stream().map(Step::name).toList());
    }
}
