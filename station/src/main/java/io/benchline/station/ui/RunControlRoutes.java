package io.benchline.station.ui;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.db.RunDetail;
import io.benchline.db.Verdict;
import io.benchline.station.InputError;
import io.benchline.station.plan.Step;
import io.benchline.station.sequence.AbortSignal;
import io.benchline.station.ui.ApiBodies.ApiError;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The API that acts on a going run (docs/api.md): answering its operator prompts and aborting it.
 * Both name the run by id, so they work the same whichever run of the station is meant.
 */
record RunControlRoutes(ScreenRuns runs, ObjectMapper json) {
    /** How long an abort waits for the run to end (the step's let-go and teardown) before answering 202. */
    static final Duration ABORT_WAIT = Duration.ofSeconds(15);

    record AnswerPost(String answer, String operator) {}

    record AbortPost(String reason, String operator) {
        /** The message stored with an aborted run: who stopped it and why. */
        String why() {
            if (reason == null || reason.isBlank()) {
                throw new InputError("reason is missing: send {\"reason\": \"why the run is stopped\"}");
            }
            String who = operator == null || operator.isBlank() ? "through the API" : "by " + operator.trim();
            return "aborted " + who + ": " + reason.trim();
        }
    }

    record Answered(@JsonProperty("run_id") long runId, String step, String answer) {}

    record Conflict(
            String error,
            String conflict,
            @JsonProperty("run_id") Long runId,
            String verdict) {}

    void install(JavalinDefaultRoutingApi app) {
        app.post("/api/runs/{id}/prompts/{step}/answer", this::answer);
        app.post("/api/runs/{id}/abort", this::abort);
        app.get("/api/prompts", ctx -> ctx.json(runs.prompts().waiting()));
        app.get("/api/prompts/{step}/picture", this::picture);
    }

    private void answer(Context ctx) throws IOException {
        long id = runId(ctx);
        AnswerPost body = body(ctx, AnswerPost.class);
        String step = ctx.pathParam("step");
        try {
            String answer = runs.prompts().answer(id, step, body.answer(), body.operator());
            ctx.json(new Answered(id, step, answer));
        } catch (ScreenPrompts.NotWaiting e) {
            if (runs.db().trace().run(id).isEmpty()) {
                ctx.status(404).json(new ApiError("no run " + id));
            } else {
                ctx.status(409).json(new Conflict(e.getMessage(), "not-waiting", id, null));
            }
        }
    }

    private void abort(Context ctx) throws IOException, InterruptedException {
        long id = runId(ctx);
        String why = body(ctx, AbortPost.class).why();
        Optional<AbortSignal> going = runs.aborts().going(id);
        if (going.isEmpty()) {
            notGoing(ctx, id);
            return;
        }
        going.get().request(why);
        Optional<Verdict> ended = going.get().awaitEnd(ABORT_WAIT);
        RunDetail run = runs.db().trace().run(id).orElseThrow();
        if (ended.isEmpty()) {
            Map<String, Object> m = new LinkedHashMap<>(RunView.run(run));
            m.put("state", "aborting");
            ctx.status(202).json(m);
        } else if (ended.get() != Verdict.ABORTED) {
            ctx.status(409)
                    .json(new Conflict(
                            "run " + id + " ended " + ended.get() + " before the abort took effect",
                            "run-ended",
                            id,
                            ended.get().name()));
        } else {
            ctx.json(RunView.run(run));
        }
    }

    private void notGoing(Context ctx, long id) {
        Optional<RunDetail> run = runs.db().trace().run(id);
        if (run.isEmpty()) {
            ctx.status(404).json(new ApiError("no run " + id));
        } else if (run.get().run().verdict() != null) {
            Verdict v = run.get().run().verdict();
            ctx.status(409).json(new Conflict("run " + id + " already ended " + v, "run-ended", id, v.name()));
        } else {
            ctx.status(409)
                    .json(new Conflict(
                            "run " + id + " is not going on this station (another station's, or cut off by a crash)",
                            "not-here",
                            id,
                            null));
        }
    }

    private void picture(Context ctx) throws IOException {
        String name = ctx.pathParam("step");
        Optional<Step.Prompt> prompt = runs.plan().steps().stream()
                .filter(s -> s instanceof Step.Prompt p && p.name().equals(name) && p.picture() != null)
                .map(s -> (Step.Prompt) s)
                .findFirst();
        if (prompt.isEmpty()) {
            ctx.status(404).json(new ApiError("the plan has no prompt step '" + name + "' with a picture"));
            return;
        }
        ctx.contentType(prompt.get().pictureContentType())
                .header("Cache-Control", "no-cache")
                .result(Files.readAllBytes(prompt.get().picture()));
    }

    private <T> T body(Context ctx, Class<T> type) throws IOException {
        T body = json.readValue(ctx.body(), type);
        if (body == null) {
            throw new InputError("the body is empty: send a JSON object");
        }
        return body;
    }

    private static long runId(Context ctx) {
        String s = ctx.pathParam("id");
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new InputError("run id '" + s + "' is not a number");
        }
    }
}
