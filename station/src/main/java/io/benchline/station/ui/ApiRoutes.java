package io.benchline.station.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.db.RunDetail;
import io.benchline.reports.BatchReport;
import io.benchline.reports.BatchReports;
import io.benchline.reports.ReportJson;
import io.benchline.station.InputError;
import io.benchline.station.flow.EngineerPin;
import io.benchline.station.plan.Plan;
import io.benchline.station.plan.Step;
import io.benchline.station.ui.ApiBodies.ApiError;
import io.benchline.station.ui.ApiBodies.BatchItem;
import io.benchline.station.ui.ApiBodies.BoardTrace;
import io.benchline.station.ui.ApiBodies.OperatorPost;
import io.benchline.station.ui.ApiBodies.RunPost;
import io.benchline.station.ui.ApiBodies.RunStarted;
import io.benchline.station.ui.ApiBodies.SerialCheck;
import io.benchline.station.ui.ApiBodies.StationInfo;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.util.Optional;

/** The JSON API under {@code /api} (docs/api.md): runs, boards, batches, the station and its live events. */
record ApiRoutes(StationRuns runs, LiveEvents events, ObjectMapper json) {

    void install(JavalinDefaultRoutingApi app) {
        app.get("/api/station", ctx -> ctx.json(station()));
        app.get("/api/cfx", ctx -> ctx.json(CfxScreen.of(runs.db())));
        app.sse("/api/events", client -> events.join(client, "hello", station()));
        app.get("/api/serial-check", ctx -> {
            Optional<String> problem = StartRequest.serialProblem(runs.plan(), ctx.queryParam("serial"));
            ctx.json(new SerialCheck(problem.isEmpty(), problem.orElse(null)));
        });
        app.post("/api/runs", this::startRun);
        app.get("/api/runs/{id}", this::run);
        app.get("/api/boards/{serial}", this::board);
        app.get(
                "/api/batches",
                ctx -> ctx.json(batches().batches().stream().map(BatchItem::of).toList()));
        app.get("/api/batches/{batch}", this::batch);
        app.post("/api/arm", ctx -> {
            OperatorPost body = body(ctx, OperatorPost.class);
            runs.arm(body.serial(), body.operator());
            ctx.status(204);
        });
        app.post("/api/shift", ctx -> {
            runs.newShift(body(ctx, OperatorPost.class).operator());
            ctx.json(runs.shiftCounts());
        });
    }

    private void startRun(Context ctx) throws IOException {
        RunPost body = body(ctx, RunPost.class);
        StartRequest request = StartRequest.checked(runs.plan(), body.serial(), body.operator(), body.confirmRetest());
        long id = runs.start(request, Optional.of(EngineerPin.of(body.engineer(), body.pin())));
        ctx.status(202).json(RunStarted.of(id, request.serial()));
    }

    private void run(Context ctx) {
        long id = parseId(ctx.pathParam("id"));
        Optional<RunDetail> run = runs.db().trace().run(id);
        if (run.isEmpty()) {
            ctx.status(404).json(new ApiError("no run " + id));
        } else {
            ctx.json(RunView.run(run.get()));
        }
    }

    private void board(Context ctx) {
        BoardLookup board = BoardLookup.find(runs.db().trace(), ctx.pathParam("serial"));
        if (board.runs().isEmpty()) {
            ctx.status(404).json(new ApiError("no runs stored for board '" + ctx.pathParam("serial") + "'"));
        } else {
            ctx.json(new BoardTrace(
                    board.serial(),
                    runs.db().trace().hasPassed(board.serial()),
                    board.runs().stream().map(RunView::run).toList()));
        }
    }

    private void batch(Context ctx) {
        Optional<BatchReport> r = batches().report(ctx.pathParam("batch"));
        if (r.isEmpty()) {
            ctx.status(404).json(new ApiError("no batch '" + ctx.pathParam("batch") + "'"));
        } else {
            ctx.json(ReportJson.tree(r.get()));
        }
    }

    private StationInfo station() {
        Plan p = runs.plan();
        return new StationInfo(
                p.productLabel(),
                p.name(),
                p.version(),
                p.sha256(),
                runs.batch(),
                p.serialPattern().pattern(),
                p.steps().stream().map(Step::name).toList(),
                runs.currentRun().orElse(null),
                runs.shiftCounts());
    }

    private BatchReports batches() {
        return new BatchReports(runs.db().batches());
    }

    private <T> T body(Context ctx, Class<T> type) throws IOException {
        T body = json.readValue(ctx.body(), type);
        if (body == null) {
            throw new InputError("the body is empty: send a JSON object");
        }
        return body;
    }

    private static long parseId(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new InputError("run id '" + s + "' is not a number");
        }
    }
}
