package io.benchline.station.ui;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.station.InputError;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.Step;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The multi-up station's API (docs/api.md, "Panels"): start a panel, follow its positions. */
record PanelRoutes(PanelRuns runs, ObjectMapper json) {
    /** {@code POST /api/panels}. */
    record PanelPost(
            List<String> serials,
            String batch,
            String operator,
            @JsonProperty("confirm_retest") boolean confirmRetest) {}

    /** {@code GET /api/station} of a multi-up station. */
    record PanelStation(
            String product,
            String plan,
            @JsonProperty("plan_version") String planVersion,
            String batch,
            @JsonProperty("serial_pattern") String serialPattern,
            int positions,
            List<String> steps,
            @JsonProperty("current_panel") Long currentPanel) {}

    record Conflict(
            String error,
            String conflict,
            @JsonProperty("panel_id") Long panelId,
            List<String> serials) {}

    void install(JavalinDefaultRoutingApi app) {
        app.get("/api/station", ctx -> ctx.json(station()));
        app.get("/api/serial-check", ctx -> {
            Optional<String> problem = StartRequest.serialProblem(runs.plan(), ctx.queryParam("serial"));
            ctx.json(new ApiBodies.SerialCheck(problem.isEmpty(), problem.orElse(null)));
        });
        app.post("/api/panels", this::start);
        app.get("/api/panels/{id}", this::panel);
        app.get("/api/runs/{id}", ctx -> {
            long id = parseId(ctx.pathParam("id"));
            runs.db()
                    .trace()
                    .run(id)
                    .ifPresentOrElse(
                            r -> ctx.json(RunView.run(r)),
                            () -> ctx.status(404).json(new ApiBodies.ApiError("no run " + id)));
        });
    }

    static void conflicts(RoutesConfig app) {
        app.exception(
                PanelRuns.PanelGoing.class,
                (e, ctx) -> ctx.status(409).json(new Conflict(e.getMessage(), "panel-going", e.panelId, null)));
        app.exception(
                PanelRuns.AlreadyPassed.class,
                (e, ctx) -> ctx.status(409).json(new Conflict(e.getMessage(), "already-passed", null, e.serials)));
    }

    private void start(Context ctx) throws IOException {
        PanelPost body = json.readValue(ctx.body(), PanelPost.class);
        if (body == null) {
            throw new InputError("the body is empty: send a JSON object");
        }
        PanelState state = runs.start(body.serials(), body.batch(), body.operator(), body.confirmRetest());
        ctx.status(202).json(state.view());
    }

    private void panel(Context ctx) {
        long id = parseId(ctx.pathParam("id"));
        runs.panel(id)
                .ifPresentOrElse(
                        p -> ctx.json(p.view()), () -> ctx.status(404).json(new ApiBodies.ApiError("no panel " + id)));
    }

    private PanelStation station() {
        Plan p = runs.plan();
        return new PanelStation(
                p.productLabel(),
                p.name(),
                p.version(),
                runs.batch(),
                p.serialPattern().pattern(),
                runs.positions(),
                p.steps().stream().map(Step::name).toList(),
                runs.current().map(PanelState::id).orElse(null));
    }

    private static long parseId(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new InputError("id '" + s + "' is not a number");
        }
    }
}
