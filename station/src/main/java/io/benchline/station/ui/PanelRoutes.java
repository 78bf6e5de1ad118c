package io.benchline.station.ui;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.station.InputError;
import io.benchline.station.flow.EngineerPin;
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
            @JsonProperty("panel_label") String panelLabel,
            String batch,
            String operator,
            @JsonProperty("confirm_retest") boolean confirmRetest,
            String engineer,
            String pin) {}

    /** {@code POST /api/panels/{id}/positions/{n}/start}: a refused position, once released or confirmed. */
    record PositionPost(
            String operator, @JsonProperty("confirm_retest") boolean confirmRetest, String engineer, String pin) {}

    /** {@code POST /api/panels/arm}: what the screen scanned, for the jig's START. */
    record ArmPost(
            List<String> serials,
            @JsonProperty("panel_label") String panelLabel,
            String operator) {}

    record LabelCheck(boolean valid, List<String> serials, String message) {}

    /** {@code GET /api/station} of a multi-up station. */
    record PanelStation(
            String product,
            String plan,
            @JsonProperty("plan_version") String planVersion,
            String batch,
            @JsonProperty("serial_pattern") String serialPattern,
            int positions,
            List<String> steps,
            @JsonProperty("current_panel") Long currentPanel,
            @JsonProperty("panel_label_pattern") String panelLabelPattern,
            PanelRuns.Notice notice) {}

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
        app.get("/api/panel-label", this::labelCheck);
        app.post("/api/panels/arm", ctx -> {
            ArmPost body = body(ctx, ArmPost.class);
            runs.arm(body.serials(), body.panelLabel(), body.operator());
            ctx.status(204);
        });
        app.post("/api/panels", this::start);
        app.get("/api/panels/{id}", this::panel);
        app.post("/api/panels/{id}/abort", this::abort);
        app.post("/api/panels/{id}/positions/{position}/start", this::startPosition);
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
                PanelRuns.NotNow.class,
                (e, ctx) -> ctx.status(e.conflict.equals("no-panel") ? 404 : 409)
                        .json(new Conflict(e.getMessage(), e.conflict, null, null)));
    }

    private void start(Context ctx) throws IOException {
        PanelPost body = body(ctx, PanelPost.class);
        PanelState state = runs.start(
                body.serials(),
                body.panelLabel(),
                body.batch(),
                body.operator(),
                body.confirmRetest(),
                Optional.of(EngineerPin.of(body.engineer(), body.pin())));
        ctx.status(202).json(runs.view(state));
    }

    private void startPosition(Context ctx) throws IOException {
        PositionPost body = body(ctx, PositionPost.class);
        int position = (int) parseId(ctx.pathParam("position"));
        PanelState state = runs.startPosition(
                parseId(ctx.pathParam("id")),
                position,
                body.operator(),
                body.confirmRetest(),
                Optional.of(EngineerPin.of(body.engineer(), body.pin())));
        ctx.status(202).json(runs.view(state));
    }

    private void abort(Context ctx) throws IOException, InterruptedException {
        long id = parseId(ctx.pathParam("id"));
        String why = body(ctx, RunControlRoutes.AbortPost.class).why();
        boolean ended = runs.abort(id, why, RunControlRoutes.ABORT_WAIT);
        ctx.status(ended ? 200 : 202).json(runs.view(runs.panel(id).orElseThrow()));
    }

    private void labelCheck(Context ctx) {
        try {
            ctx.json(new LabelCheck(true, runs.serialsOf(ctx.queryParam("label")), null));
        } catch (InputError e) {
            ctx.json(new LabelCheck(false, null, e.getMessage()));
        }
    }

    private void panel(Context ctx) {
        long id = parseId(ctx.pathParam("id"));
        runs.panel(id)
                .ifPresentOrElse(
                        p -> ctx.json(runs.view(p)),
                        () -> ctx.status(404).json(new ApiBodies.ApiError("no panel " + id)));
    }

    private <T> T body(Context ctx, Class<T> type) throws IOException {
        T body = json.readValue(ctx.body(), type);
        if (body == null) {
            throw new InputError("the body is empty: send a JSON object");
        }
        return body;
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
                runs.current().map(PanelState::id).orElse(null),
                p.panelLabel().map(l -> l.pattern().pattern()).orElse(null),
                runs.notice().orElse(null));
    }

    private static long parseId(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new InputError("id '" + s + "' is not a number");
        }
    }
}
