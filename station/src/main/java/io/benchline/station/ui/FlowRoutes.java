package io.benchline.station.ui;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benchline.db.Quarantine;
import io.benchline.station.InputError;
import io.benchline.station.flow.BoardRefused;
import io.benchline.station.flow.EngineerPin;
import io.benchline.station.flow.EngineerRefused;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;

/**
 * The production flow in the API (docs/production-flow.md): a quarantined board's refusal, an
 * engineer's release, and the answer to a refused engineer.
 */
record FlowRoutes(ScreenRuns runs, ObjectMapper json) {

    /** {@code POST /api/boards/{serial}/release}. */
    record ReleasePost(String engineer, String pin, String reason) {}

    record Released(
            String serial,
            @JsonProperty("released_by") String releasedBy,
            @JsonProperty("released_at") Instant releasedAt,
            String reason,
            @JsonProperty("quarantined_since") Instant quarantinedSince) {}

    record QuarantinedError(String error, String conflict, String serial, String reason, Instant since) {}

    record EngineerError(String error, String refused) {}

    void install(RoutesConfig app) {
        app.post("/api/boards/{serial}/release", this::release);
        app.exception(
                BoardRefused.class,
                (e, ctx) -> ctx.status(409)
                        .json(new QuarantinedError(
                                e.getMessage(), "quarantined", e.serial, e.quarantine.reason(), e.quarantine.since())));
        app.exception(
                EngineerRefused.class, (e, ctx) -> ctx.status(403).json(new EngineerError(e.getMessage(), e.code)));
    }

    private void release(Context ctx) throws IOException {
        ReleasePost body = json.readValue(ctx.body(), ReleasePost.class);
        if (body == null) {
            throw new InputError("the body is empty: send {\"engineer\", \"pin\", \"reason\"}");
        }
        String serial = ctx.pathParam("serial");
        EngineerPin who = EngineerPin.of(body.engineer(), body.pin());
        Quarantine q = runs.flow().releases().release(serial, who.name(), who.pin(), body.reason());
        ctx.json(new Released(q.serial(), q.releasedBy(), q.releasedAt(), q.releaseReason(), q.since()));
    }
}
