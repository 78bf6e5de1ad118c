package io.benchline.station.ui;

import io.benchline.fixtures.Deadline;
import io.benchline.station.InputError;
import io.benchline.station.plan.Step;
import io.benchline.station.sequence.PromptAnswers;
import io.benchline.station.sequence.PromptReply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Prompts shown on the operator screen: each waiting prompt is told to the browsers (event
 * {@code prompt}) and waits for {@code POST /api/runs/{id}/prompts/{step}/answer}; when it ends
 * (answered, timed out, run aborted) the browsers are told ({@code prompt-closed}). Keyed by run
 * and step, so runs going at once each have their own.
 */
final class ScreenPrompts implements PromptAnswers {
    private final LiveEvents events;
    private final Map<Key, Waiting> waiting = new ConcurrentHashMap<>();

    private record Key(long runId, String step) {}

    private record Waiting(long runId, Step.Prompt step, CompletableFuture<PromptReply> reply) {}

    /** No prompt of that run and step waits for an answer: the API answers 409. */
    static final class NotWaiting extends RuntimeException {
        NotWaiting(String message) {
            super(message);
        }
    }

    ScreenPrompts(LiveEvents events) {
        this.events = events;
    }

    @Override
    public PromptReply await(long runId, Step.Prompt step, Deadline until) throws InterruptedException {
        Key key = new Key(runId, step.name());
        Waiting w = new Waiting(runId, step, new CompletableFuture<>());
        waiting.put(key, w);
        events.publish("prompt", view(w));
        try {
            return w.reply().get(Math.max(0, until.remainingMs()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return PromptReply.none(
                    "nobody answered on the screen within " + step.timeoutMs() / 1000.0 + " s",
                    "nobody answered the prompt on the screen in time: retest and answer it");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            waiting.remove(key, w);
            events.publish("prompt-closed", Map.of("run_id", runId, "step", step.name()));
        }
    }

    /** The operator's answer to a waiting prompt; returns the answer as the plan spells it. */
    String answer(long runId, String stepName, String given, String operator) {
        Waiting w = waiting.get(new Key(runId, stepName));
        if (w == null) {
            throw new NotWaiting("run " + runId + " is not waiting for an answer to step '" + stepName + "'");
        }
        if (given == null || given.isBlank()) {
            throw new InputError(
                    "answer is missing: send {\"answer\": one of " + w.step().answers() + "}");
        }
        String answer = w.step()
                .answerNamed(given)
                .orElseThrow(() -> new InputError(
                        "answer '" + given + "' is not one of " + w.step().answers()));
        String by =
                operator == null || operator.isBlank() ? "answered on the screen" : "answered by " + operator.trim();
        if (!w.reply().complete(PromptReply.answered(answer, by))) {
            throw new NotWaiting("step '" + stepName + "' of run " + runId + " was answered already");
        }
        return answer;
    }

    /** The prompts waiting now, for a screen that opens while one waits. */
    List<Map<String, Object>> waiting() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Waiting w : waiting.values()) {
            out.add(view(w));
        }
        return out;
    }

    /** The picture of a plan's prompt step, as the screen links it. */
    static Optional<String> pictureHref(Step.Prompt step) {
        return Optional.ofNullable(step.picture())
                .map(p -> "/api/prompts/"
                        + URLEncoder.encode(step.name(), StandardCharsets.UTF_8).replace("+", "%20") + "/picture");
    }

    private static Map<String, Object> view(Waiting w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", w.runId());
        m.put("step", w.step().name());
        m.put("text", w.step().text());
        m.put("picture", pictureHref(w.step()).orElse(null));
        m.put("answers", w.step().answers());
        m.put("pass", w.step().passing());
        m.put("timeout_ms", w.step().timeoutMs());
        return m;
    }
}
